"""The API's body parsers: DRF's, with the request's bounds (see ``portal.request_limits``).

JSON is refused (400) when it nests deeper than ``MAX_JSON_DEPTH`` or carries a NUL character in any key or
string; form and multipart bodies when a field carries a NUL. Without this, a body nested 100,000 levels
raised RecursionError inside the parser (a 500) and ``"\\u0000"`` reached PostgreSQL.
"""
import json

from django.conf import settings
from django.utils.translation import gettext as _
from rest_framework import parsers
from rest_framework.exceptions import ParseError

MAX_JSON_DEPTH = 32


def _refuse_nul() -> None:
    raise ParseError(_("The request contains a NUL character, which no field accepts."))


def check_json_value(value) -> None:
    """Walk ``value`` without recursion; ParseError when it nests too deep or holds a NUL character."""
    pending = [(value, 1)]
    while pending:
        item, depth = pending.pop()
        if isinstance(item, dict | list):
            if depth > MAX_JSON_DEPTH:
                raise ParseError(_("The JSON body is nested deeper than %(depth)s levels.")
                                 % {"depth": MAX_JSON_DEPTH})
            if isinstance(item, dict):
                if any("\x00" in key for key in item):
                    _refuse_nul()
                pending.extend((child, depth + 1) for child in item.values())
            else:
                pending.extend((child, depth + 1) for child in item)
        elif isinstance(item, str) and "\x00" in item:
            _refuse_nul()


class JSONParser(parsers.JSONParser):
    def parse(self, stream, media_type=None, parser_context=None):
        parser_context = parser_context or {}
        encoding = parser_context.get("encoding", settings.DEFAULT_CHARSET)
        try:
            data = json.loads(stream.read().decode(encoding), parse_constant=_no_constant)
        except RecursionError as error:
            raise ParseError(_("The JSON body is nested deeper than %(depth)s levels.")
                             % {"depth": MAX_JSON_DEPTH}) from error
        except ValueError as error:
            raise ParseError(_("JSON parse error - %(error)s") % {"error": error}) from error
        check_json_value(data)
        return data


def _no_constant(name: str):
    raise ValueError(_("%(name)s is not a number JSON allows.") % {"name": name})


def _check_form(data) -> None:
    if any("\x00" in key or any("\x00" in str(value) for value in data.getlist(key)) for key in data):
        _refuse_nul()


class FormParser(parsers.FormParser):
    def parse(self, stream, media_type=None, parser_context=None):
        data = super().parse(stream, media_type, parser_context)
        _check_form(data)
        return data


class MultiPartParser(parsers.MultiPartParser):
    def parse(self, stream, media_type=None, parser_context=None):
        result = super().parse(stream, media_type, parser_context)
        _check_form(result.data)
        return result
