"""The request's outer bounds, checked before any view, form or parser reads it.

- A body whose ``Content-Length`` is over ``PORTAL_MAX_REQUEST_BYTES`` is answered 413 without reading it
  (Django itself streams files to disk past ``FILE_UPLOAD_MAX_MEMORY_SIZE`` and refuses form data past
  ``DATA_UPLOAD_MAX_MEMORY_SIZE``).
- A NUL byte anywhere the portal reads (the path, the query string, a header, a form field's name or value)
  is answered 400: PostgreSQL cannot store one, and no legitimate input carries one. JSON bodies are checked
  by the API's parser (``core.api.parsers``), which also bounds their nesting.

The answer is JSON (``{"detail": ...}``) under ``/api/`` and plain text elsewhere.

Then every text input is put into NFC (``core.text``): the query string and the form fields a view will read,
so a title typed in NFD is stored, searched and compared as everyone else's (passwords excepted: they are
compared as they were set).
"""
import unicodedata
from urllib.parse import unquote_to_bytes

from django.conf import settings
from django.http import HttpResponse, JsonResponse, QueryDict
from django.utils.translation import gettext as _

FORM_TYPES = ("application/x-www-form-urlencoded", "multipart/form-data")


def refusal(request, message: str, status: int) -> HttpResponse:
    if request.path_info.startswith("/api/"):
        return JsonResponse({"detail": message}, status=status)
    return HttpResponse(message, status=status, content_type="text/plain; charset=utf-8")


def nul_refusal() -> str:
    """What a request holding a NUL character is told, by this middleware and by the API's parsers alike."""
    return _("The request contains a NUL character, which no field accepts.")


def _has_nul(text: str) -> bool:
    return "\x00" in text


def _query_has_nul(raw: str) -> bool:
    return "\x00" in raw or b"\x00" in unquote_to_bytes(raw.replace("+", " "))


def _form_has_nul(request) -> bool:
    if request.method != "POST" or not request.content_type.startswith(FORM_TYPES):
        return False
    return any(_has_nul(key) or any(_has_nul(value) for value in values)
               for key, values in request.POST.lists())


def _is_nfc(text: str) -> bool:
    return unicodedata.is_normalized("NFC", text)


def nfc_querydict(data: QueryDict) -> QueryDict:
    """``data`` with every key and value in NFC (the same object when it already is); password fields as sent."""
    if all(_is_nfc(key) and all(_is_nfc(value) for value in values) for key, values in data.lists()
           if isinstance(key, str)):
        return data
    normalised = QueryDict(mutable=True, encoding=data.encoding)
    for key, values in data.lists():
        keep = "password" in key
        normalised.setlist(unicodedata.normalize("NFC", key),
                           [value if keep or not isinstance(value, str) else unicodedata.normalize("NFC", value)
                            for value in values])
    normalised._mutable = False
    return normalised


class RequestLimitsMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        try:
            length = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            return refusal(request, _("The request's length is not a number."), 400)
        if length > settings.PORTAL_MAX_REQUEST_BYTES:
            mb = settings.PORTAL_MAX_REQUEST_BYTES // (1024 * 1024)
            return refusal(request, _("The request is larger than the portal accepts (%(mb)s MB in all).")
                           % {"mb": mb}, 413)
        if (_has_nul(request.path_info) or _query_has_nul(request.META.get("QUERY_STRING", ""))
                or any(_has_nul(str(value)) for key, value in request.META.items() if key.startswith("HTTP_"))
                or _form_has_nul(request)):
            return refusal(request, nul_refusal(), 400)
        request.GET = nfc_querydict(request.GET)
        if request.method == "POST" and request.content_type.startswith(FORM_TYPES):
            request.POST = nfc_querydict(request.POST)
        return self.get_response(request)
