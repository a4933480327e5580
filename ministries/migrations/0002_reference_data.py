"""The four ministries and their support lines: reference data present after migrate."""
from django.db import migrations

from ministries.reference import create_reference_data


def forwards(apps, schema_editor):
    create_reference_data(apps.get_model("ministries", "Ministry"), apps.get_model("ministries", "SupportLineKind"),
                          apps.get_model("ministries", "SupportItem"))


class Migration(migrations.Migration):
    dependencies = [("ministries", "0001_initial")]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
