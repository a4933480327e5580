"""Serving stored documents. Callers decide permission first; this only streams the file.

Spreadsheets the portal writes come from ``core.spreadsheets`` (re-exported here for the views that import them
from this module).
"""
from django.http import FileResponse, Http404

from core.spreadsheets import XLSX, csv_response, xlsx_response

__all__ = ["XLSX", "csv_response", "document_response", "xlsx_response"]


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
