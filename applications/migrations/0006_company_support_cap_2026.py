"""The 2026 round's cap on what one participating company may receive in a year: 90,000,000 KRW."""
from django.db import migrations


def forwards(apps, schema_editor):
    apps.get_model("applications", "Contest").objects.filter(year=2026, company_support_cap_krw__isnull=True) \
        .update(company_support_cap_krw=90_000_000)


class Migration(migrations.Migration):
    dependencies = [("applications", "0005_company_support_cap")]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
