"""The fixed request fields and their per-line constraints go; the line reference takes the name ``line``."""
import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("applications", "0009_support_requests_moved")]

    operations = [
        migrations.RemoveConstraint(model_name="supportrequest", name="support_request_shaped_by_line"),
        migrations.RemoveConstraint(model_name="supportrequest", name="support_request_one_per_visa_type"),
        migrations.RemoveConstraint(model_name="supportrequest", name="support_request_one_per_mss_item"),
        *[migrations.RemoveField(model_name="supportrequest", name=name)
          for name in ("line", "visa_type", "persons", "project_name", "support_item", "companies", "amount_krw")],
        migrations.RenameField(model_name="supportrequest", old_name="line_kind", new_name="line"),
        migrations.AlterField(
            model_name="supportrequest", name="line",
            field=models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name="proposal_requests",
                                    to="ministries.supportlinekind", verbose_name="support line")),
        migrations.AlterModelOptions(
            name="supportrequest",
            options={"ordering": ["proposal", "pk"], "verbose_name": "support request",
                     "verbose_name_plural": "support requests"}),
    ]
