"""Printable papers as PDF: 접수증, 신청서 as filed, 평가표, the result letter and the panel's ranking.

Each paper is an HTML template under ``templates/papers/`` extending ``papers/base.html`` (A4, Korean
fonts from Debian's ``fonts-nanum``), rendered by WeasyPrint. Every page's footer carries the receipt
number, the SHA-256 of the document's content (the frozen data the paper shows, so a printed copy can be
checked against the portal) and the dates. Callers decide permission first, exactly as for the page the
paper belongs to; this module only renders.
"""
import hashlib
import json

from django.core.serializers.json import DjangoJSONEncoder
from django.http import HttpResponse
from django.template.loader import render_to_string
from django.utils import timezone


def digest_of(content) -> str:
    """SHA-256 (hex) of the canonical JSON of ``content``: equal content, equal digest."""
    canonical = json.dumps(content, sort_keys=True, ensure_ascii=False, cls=DjangoJSONEncoder)
    return hashlib.sha256(canonical.encode()).hexdigest()


def render_paper(*, template: str, context: dict, request=None) -> bytes:
    """The paper as PDF bytes. ``context`` must hold ``receipt_number``, ``digest`` (64 hex) and
    ``document_date`` (when the content was fixed); the time of issue is added here (KST)."""
    from weasyprint import HTML  # imported on use: its native libraries load once, only where papers are made

    html = render_to_string(template, {**context, "issued_at": timezone.localtime()}, request=request)
    base_url = request.build_absolute_uri("/") if request is not None else None
    return HTML(string=html, base_url=base_url).write_pdf()


def paper_response(*, template: str, context: dict, filename: str, request) -> HttpResponse:
    """The paper as an inline PDF (the browser shows it; its own button prints or saves), never cached."""
    response = HttpResponse(render_paper(template=template, context=context, request=request),
                            content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    response["Cache-Control"] = "private, no-store"
    return response
