"""A proposal's requests to the ministries' support lines, as rows against the lines' data.

A request names a line of the one registry (``ministries.registry``) and holds values for the line's
*requestable* measures (MOJ: visa type and persons requested; MSS: item, companies, KRW), checked by the same
``clean_values`` the task rows use. Every door (page, API, service, demo) checks a request through
:func:`clean_request` and a whole section through :func:`request_problems`, so a rule is written once.
A draft keeps a request as far as it is typed (the line and the visa type, the persons not yet known);
:func:`request_gaps` names what it still lacks, which the checklist shows and submission refuses.

Requests saved before the lines were data had fixed fields (visa type, persons, project, MSS item, companies,
KRW); :func:`legacy_values` reads such a row, for the data migration and for versions frozen in that shape.
"""
import unicodedata
from collections.abc import Mapping, Sequence
from typing import Any

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from core.fields import TOO_LONG
from ministries.registry import LineSpec
from ministries.values import clean_values

# How each 2025 line's fixed request fields became its requestable measures: {measure code: old field}.
LEGACY_FIELDS: dict[str, dict[str, str]] = {
    "regional_visa": {"visa_type": "visa_type", "requested": "persons"},
    "extinction_fund": {"name": "project_name", "approved_krw": "amount_krw"},
    "rural_agreement_facility": {"name": "project_name", "amount_krw": "amount_krw"},
    "sme_commercialization": {"item": "support_item", "companies": "companies", "amount_krw": "amount_krw"},
}
DESCRIPTION_LENGTH = 2000


def legacy_values(row: Mapping[str, Any]) -> dict[str, Any]:
    """An old-shape request (``line`` plus fixed fields; ``support_item`` as the MSS item's code) as the
    line's measure values; empty fields left out, as the new rows leave them out."""
    return {measure: row[field] for measure, field in LEGACY_FIELDS.get(row.get("line"), {}).items()
            if row.get(field) not in (None, "")}


def request_row(row: Mapping[str, Any]) -> dict[str, Any]:
    """A frozen request in today's shape ``{"line", "values", "description"}``, whichever shape it was frozen
    in (versions submitted before the lines were data keep their fixed fields)."""
    if "values" in row:
        return {"line": row["line"], "values": dict(row["values"]), "description": row.get("description", "")}
    return {"line": row["line"], "values": legacy_values(row), "description": row.get("description") or ""}


def clean_request(line: LineSpec, values: Mapping[str, Any] | None) -> dict[str, Any]:
    """``values`` checked as a draft's request of ``line``: only requestable measures, each of its type, the
    line's rules among those typed, and a required measure that counts something above zero (being asked for).
    A required measure may still be missing, as typed so far: that is what :func:`request_gaps` names and
    submission refuses. ``ValidationError`` by measure."""
    cleaned = clean_values(line, values, request=True, partial=True)
    errors = {measure.code: [_("%(measure)s: ask for more than zero.") % {"measure": measure.name}]
              for measure in line.requestable if measure.required and measure.is_number
              and cleaned.get(measure.code) == 0}
    if errors:
        raise ValidationError(errors)
    return cleaned


def request_gaps(line: LineSpec, values: Mapping[str, Any]) -> dict[str, str]:
    """What a saved request still lacks before the proposal can be submitted, by measure code: each required
    requestable measure not there yet."""
    return {measure.code: _("%(measure)s is required.") % {"measure": measure.name}
            for measure in line.requestable if measure.required and values.get(measure.code) in (None, "")}


def request_key(line: LineSpec, values: Mapping[str, Any]) -> str | None:
    """The request's key among the line's requests, or ``None`` while a key measure is still blank (a half-typed
    row is not yet the same request as another)."""
    if any(measure.key and values.get(measure.code) in (None, "") for measure in line.requestable):
        return None
    return line.key_of(dict(values), request=True)


def has_key(line: LineSpec) -> bool:
    """Whether a proposal may ask a line only once per value of its requestable key measures."""
    return any(measure.key for measure in line.requestable)


def repeated_message() -> str:
    return _("This line already has a request of this kind; change that one instead.")


def request_problems(lines: Mapping[str, LineSpec], rows: Sequence[Mapping[str, Any]]
                     ) -> tuple[list[dict[str, Any]], list[dict[str, list[str]]]]:
    """Each row (``{"line": code, "values": {...}, "description": text}``) checked against ``lines`` (the
    lines the proposal may ask): the cleaned rows, and one error object per row (empty where it is fine),
    keyed by measure code, ``line``, ``description`` or ``non_field_errors`` (a repeated request)."""
    cleaned_rows, problems, seen = [], [], set()
    for row in rows:
        errors: dict[str, list[str]] = {}
        line = lines.get(row.get("line") or "")
        description = unicodedata.normalize("NFC", str(row.get("description") or "")).strip()
        if len(description) > DESCRIPTION_LENGTH:
            errors["description"] = [TOO_LONG % {"length": DESCRIPTION_LENGTH}]
        if line is None:
            errors["line"] = [_("No support line of this contest has this code.")]
            cleaned_rows.append(None)
            problems.append(errors)
            continue
        try:
            values = clean_request(line, row.get("values") or {})
        except ValidationError as error:
            errors.update(error.message_dict)
            values = None
        key = request_key(line, values) if values is not None and has_key(line) else None
        if key is not None:
            if (line.code, key) in seen:
                errors["non_field_errors"] = [repeated_message()]
            seen.add((line.code, key))
        cleaned_rows.append({"line": line.code, "values": values, "description": description})
        problems.append(errors)
    return cleaned_rows, problems
