"""Support requests become rows against the ministries' lines: a line reference, the values of its requestable
measures and their key, beside the fixed fields until 0009 has moved every request."""
import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("applications", "0007_contest_preselection"), ("ministries", "0006_reference_measures")]

    operations = [
        migrations.AddField(
            model_name="supportrequest", name="line_kind",
            field=models.ForeignKey(null=True, on_delete=django.db.models.deletion.PROTECT,
                                    related_name="proposal_requests", to="ministries.supportlinekind",
                                    verbose_name="support line")),
        migrations.AddField(model_name="supportrequest", name="values",
                            field=models.JSONField(blank=True, default=dict, verbose_name="values")),
        migrations.AddField(model_name="supportrequest", name="key",
                            field=models.CharField(blank=True, max_length=400, verbose_name="identifying values")),
    ]
