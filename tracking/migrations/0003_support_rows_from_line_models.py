"""Every row of the four per-line tables (MOJ visas, MOIS fund projects, MAFRA rural facilities, MSS
commercialization) becomes a SupportLineRow of its line with the same values, keyed as the registry keys it;
the audit trail's entries already name the line by its code."""
import json

from django.db import migrations

# Per old table: the line it belongs to and how a row's fields become the line's measures.
MOVES = [
    ("VisaAllocation", "regional_visa",
     lambda row: {"year": row.year, "visa_type": row.visa_type, "requested": row.requested,
                  "allocated": row.allocated, "issued": row.issued}),
    ("FundProject", "extinction_fund",
     lambda row: {"name": row.name, "year": row.year, "approved_krw": row.approved_krw,
                  "disbursed_krw": row.disbursed_krw}),
    ("RuralFacility", "rural_agreement_facility",
     lambda row: {"name": row.name, "placement": row.placement, "amount_krw": row.amount_krw,
                  "status": row.status}),
    ("CommercializationSupport", "sme_commercialization",
     lambda row: {"year": row.year, "item": row.item.code, "companies": row.companies,
                  "amount_krw": row.amount_krw}),
]


def forwards(apps, schema_editor):
    SupportLineKind = apps.get_model("ministries", "SupportLineKind")
    Measure = apps.get_model("ministries", "Measure")
    SupportLineRow = apps.get_model("tracking", "SupportLineRow")
    for model_name, line_code, values_of in MOVES:
        line = SupportLineKind.objects.get(code=line_code)
        keys = list(Measure.objects.filter(line=line, key=True).order_by("position", "pk")
                    .values_list("code", flat=True))
        rows = apps.get_model("tracking", model_name).objects.order_by("pk")
        if model_name == "CommercializationSupport":
            rows = rows.select_related("item")
        made = []
        for row in rows:
            values = values_of(row)
            made.append(SupportLineRow(task_id=row.task_id, line=line, values=values,
                                       key=json.dumps([values.get(code) for code in keys], ensure_ascii=False)))
        SupportLineRow.objects.bulk_create(made, batch_size=500)


class Migration(migrations.Migration):
    dependencies = [("tracking", "0002_support_line_rows"), ("ministries", "0006_reference_measures")]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
