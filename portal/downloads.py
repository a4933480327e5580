"""Serving stored documents. Callers decide permission first; this only streams the file."""
import io

from django.http import FileResponse, Http404, HttpResponse
from openpyxl import Workbook

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def document_response(document) -> FileResponse:
    """The stored file under its original name, always as a download (never rendered by the browser)."""
    try:
        handle = document.file.open("rb")
    except FileNotFoundError as error:
        raise Http404 from error
    response = FileResponse(handle, as_attachment=True, filename=document.original_name,
                            content_type=document.content_type)
    response["Cache-Control"] = "private, no-store"
    return response


def xlsx_response(*, title: str, headers: list[str], rows, name: str) -> HttpResponse:
    """One sheet of ``headers`` then ``rows`` as an XLSX download named ``name``.xlsx; built in memory (the
    portal's tables are a few hundred rows)."""
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(title[:31])  # Excel's limit on sheet names
    sheet.append(headers)
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    response = HttpResponse(buffer.getvalue(), content_type=XLSX)
    response["Content-Disposition"] = f'attachment; filename="{name}.xlsx"'
    return response
