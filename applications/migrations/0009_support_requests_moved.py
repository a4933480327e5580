"""Every request in the fixed shape (visa type and persons, project and KRW, MSS item, companies and KRW) moves
to its line's requestable measures with the same values (``applications.support_requests.LEGACY_FIELDS``),
keyed as the registry keys a request; its details stay as they were. Text is NFC-normalised on the way (the
portal's NFC migration may run before or after this one)."""
import json
import unicodedata

from django.db import migrations

from applications.support_requests import legacy_values


def forwards(apps, schema_editor):
    SupportLineKind = apps.get_model("ministries", "SupportLineKind")
    Measure = apps.get_model("ministries", "Measure")
    SupportRequest = apps.get_model("applications", "SupportRequest")
    lines = {line.code: line for line in SupportLineKind.objects.all()}
    keys = {code: list(Measure.objects.filter(line=line, key=True, requestable=True).order_by("position", "pk")
                       .values_list("code", flat=True)) for code, line in lines.items()}
    moved = []
    for request in SupportRequest.objects.select_related("support_item").order_by("pk").iterator(chunk_size=500):
        values = legacy_values({
            "line": request.line, "visa_type": request.visa_type, "persons": request.persons,
            "project_name": request.project_name, "companies": request.companies, "amount_krw": request.amount_krw,
            "support_item": request.support_item.code if request.support_item_id else ""})
        request.line_kind = lines[request.line]
        request.values = {code: unicodedata.normalize("NFC", value) if isinstance(value, str) else value
                          for code, value in values.items()}
        request.description = unicodedata.normalize("NFC", request.description or "")
        request.key = json.dumps([request.values.get(code) for code in keys[request.line]], ensure_ascii=False)
        moved.append(request)
    SupportRequest.objects.bulk_update(moved, ["line_kind", "values", "key", "description"], batch_size=500)


class Migration(migrations.Migration):
    dependencies = [("applications", "0008_support_request_rows")]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
