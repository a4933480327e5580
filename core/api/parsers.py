"""The API's body parsers: DRF's, with the request's bounds (see ``core.request_limits``).

JSON is refused (400) when it nests deeper than ``MAX_JSON_DEPTH`` or carries a NUL character or a lone
surrogate (``"\\ud800"``, which JSON's escapes allow and UTF-8 cannot hold) in any key or string; form and
multipart bodies when a field carries a NUL (their bytes are decoded with replacement, so no surrogate gets
through). Without this, a body nested 100,000 levels raised RecursionError inside the parser (a 500),
``"\\u0000"`` reached PostgreSQL, and a surrogate made the 400 that quoted it fail to render (a 500). Every
string (keys too) comes out in NFC, as the pages' fields do.
"""
import json
import re
import unicodedata

from django.conf import settings
from django.utils.translation import gettext as _
from rest_framework import parsers
from rest_framework.exceptions import ParseError

from core.request_limits import nfc_querydict, nul_refusal

MAX_JSON_DEPTH = 32


def _refuse_nul() -> None:
    raise ParseError(nul_refusal())


def _too_deep() -> ParseError:
    return ParseError(_("The JSON body is nested deeper than %(depth)s levels.") % {"depth": MAX_JSON_DEPTH})


SURROGATE = re.compile("[\ud800-\udfff]")


def _text(value: str) -> str:
    if "\x00" in value:
        _refuse_nul()
    if SURROGATE.search(value):
        raise ParseError(_("The JSON body contains a lone surrogate escape (\\ud800–\\udfff), which is not text."))
    return unicodedata.normalize("NFC", value)


def checked_json_value(value):
    """``value`` with every string in NFC, built without recursion; ParseError when it nests deeper than
    ``MAX_JSON_DEPTH`` or holds a NUL character."""
    if not isinstance(value, dict | list):
        return _text(value) if isinstance(value, str) else value
    root = {} if isinstance(value, dict) else []
    pending = [(value, root, 1)]
    while pending:
        source, target, depth = pending.pop()
        if depth > MAX_JSON_DEPTH:
            raise _too_deep()
        items = source.items() if isinstance(source, dict) else enumerate(source)
        for key, child in items:
            if isinstance(child, dict | list):
                copy = {} if isinstance(child, dict) else []
                pending.append((child, copy, depth + 1))
            else:
                copy = _text(child) if isinstance(child, str) else child
            if isinstance(target, dict):
                target[_text(key)] = copy
            else:
                target.append(copy)
    return root


class JSONParser(parsers.JSONParser):
    def parse(self, stream, media_type=None, parser_context=None):
        parser_context = parser_context or {}
        encoding = parser_context.get("encoding", settings.DEFAULT_CHARSET)
        try:
            data = json.loads(stream.read().decode(encoding), parse_constant=_no_constant)
        except RecursionError as error:
            raise _too_deep() from error
        except ValueError as error:
            raise ParseError(_("JSON parse error - %(error)s") % {"error": error}) from error
        return checked_json_value(data)


def _no_constant(name: str):
    raise ValueError(_("%(name)s is not a number JSON allows.") % {"name": name})


def _checked_form(data):
    if any("\x00" in key or any("\x00" in str(value) for value in data.getlist(key)) for key in data):
        _refuse_nul()
    return nfc_querydict(data)


class FormParser(parsers.FormParser):
    def parse(self, stream, media_type=None, parser_context=None):
        return _checked_form(super().parse(stream, media_type, parser_context))


class MultiPartParser(parsers.MultiPartParser):
    def parse(self, stream, media_type=None, parser_context=None):
        result = super().parse(stream, media_type, parser_context)
        return parsers.DataAndFiles(_checked_form(result.data), result.files)
