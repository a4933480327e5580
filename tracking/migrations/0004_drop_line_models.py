"""The four per-line tables, emptied into SupportLineRow by 0003."""
from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("tracking", "0003_support_rows_from_line_models")]

    operations = [
        migrations.DeleteModel(name="CommercializationSupport"),
        migrations.DeleteModel(name="FundProject"),
        migrations.DeleteModel(name="RuralFacility"),
        migrations.DeleteModel(name="VisaAllocation"),
    ]
