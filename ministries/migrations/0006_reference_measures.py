"""The six lines' measures and rules as reference data (what each line counts, which rules its rows obey)."""
from django.db import migrations

from ministries.reference import create_measures


def forwards(apps, schema_editor):
    create_measures(apps.get_model("ministries", "SupportLineKind"), apps.get_model("ministries", "Measure"),
                    apps.get_model("ministries", "MeasureRule"))


class Migration(migrations.Migration):
    dependencies = [("ministries", "0005_measures")]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
