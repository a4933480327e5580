"""The 2026 round's two new ministries, MCST and MOF, with their support lines: reference data."""
from django.db import migrations

from ministries.reference import create_reference_data


def forwards(apps, schema_editor):
    create_reference_data(apps.get_model("ministries", "Ministry"), apps.get_model("ministries", "SupportLineKind"),
                          apps.get_model("ministries", "SupportItem"))


class Migration(migrations.Migration):
    dependencies = [("ministries", "0003_rows_not_choices")]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
