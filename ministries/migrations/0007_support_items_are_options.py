"""MSS's commercialization items are the options of its line's ``item`` measure since 0006, and neither the
tasks' rows nor the proposals' requests point at the old table any more: it goes. Going back restores it."""
from django.db import migrations

from ministries.reference import create_reference_data


def restore_items(apps, schema_editor):
    create_reference_data(apps.get_model("ministries", "Ministry"), apps.get_model("ministries", "SupportLineKind"),
                          apps.get_model("ministries", "SupportItem"))


class Migration(migrations.Migration):
    dependencies = [("ministries", "0006_reference_measures"), ("tracking", "0004_drop_line_models"),
                    ("applications", "0010_support_request_fixed_fields_removed")]

    operations = [
        migrations.RunPython(migrations.RunPython.noop, restore_items),
        migrations.DeleteModel(name="SupportItem"),
    ]
