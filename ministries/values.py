"""Checking a row's values against its line: every door (page, API, XLSX, demo, migration) writes rows through
:func:`clean_values`, so a value of the wrong type, an unknown or missing measure or a broken rule is refused
the same way, named by its measure."""
import unicodedata
from collections.abc import Mapping
from datetime import date
from typing import Any

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from core.fields import NOT_A_WHOLE_NUMBER, TOO_LONG, validate_plausible_date
from core.formats import number

from .models import MeasureType
from .registry import LineSpec, MeasureSpec

LARGEST = {MeasureType.COUNT: 2_147_483_647, MeasureType.KRW: 9_000_000_000_000_000}
TEXT_LENGTH = 300


def _whole_number(value: Any) -> int:
    if isinstance(value, bool):
        raise ValueError
    if isinstance(value, int):
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, str):
        text = value.replace(",", "").replace(" ", "").strip()
        if text.lstrip("-").isdigit():
            return int(text)
    raise ValueError


def no_such_measure(code: str) -> str:
    """What a value (or a change) naming a measure the line does not have is told."""
    return _("This line has no measure %(code)s.") % {"code": code}


def clean_value(measure: MeasureSpec, value: Any) -> Any:
    """``value`` as stored for ``measure`` (int for numbers and years, option code, ISO date, NFC text);
    ``ValidationError`` with a message a person understands otherwise."""
    if measure.type in (MeasureType.COUNT, MeasureType.KRW, MeasureType.YEAR):
        try:
            number = _whole_number(value)
        except ValueError as error:
            raise ValidationError(NOT_A_WHOLE_NUMBER) from error
        if measure.type == MeasureType.YEAR:
            if not 2000 <= number <= 2100:
                raise ValidationError(_("Enter a year between 2000 and 2100."))
            return number
        if number < 0:
            raise ValidationError(_("Enter zero or more."))
        if number > LARGEST[measure.type]:
            raise ValidationError(_("This number is too large."))
        return number
    if measure.type == MeasureType.DATE:
        try:
            day = value if isinstance(value, date) else date.fromisoformat(str(value).strip())
        except ValueError as error:
            raise ValidationError(_("Enter a date as YYYY-MM-DD.")) from error
        validate_plausible_date(day)  # within the portal's years, as every other date typed
        return day.isoformat()
    if not isinstance(value, str | int) or isinstance(value, bool):
        raise ValidationError(_("Enter text."))
    text = unicodedata.normalize("NFC", str(value)).strip()
    if measure.type == MeasureType.CHOICE:
        codes = [code for code, _ko, _en in measure.options]
        if text not in codes:
            raise ValidationError(_("Choose one of: %(options)s.") % {"options": ", ".join(codes)})
        return text
    if len(text) > TEXT_LENGTH:
        raise ValidationError(TOO_LONG % {"length": TEXT_LENGTH})
    return text


def breaks_rule(values: Mapping[str, Any], left: str, op: str, right: str) -> bool:
    """Whether a row's checked values (as :func:`clean_values` stores them) break the rule ``left op right``:
    for ``lte``, ``left`` above ``right``, a missing number counting as zero. The one comparison every row save
    and every new rule's check of the rows already saved ask."""
    return op == "lte" and values.get(left, 0) > values.get(right, 0)


def clean_values(line: LineSpec, values: Mapping[str, Any] | None, *, request: bool = False,
                 named: bool = True, partial: bool = False) -> dict[str, Any]:
    """The row's values checked and normalised: ``{measure code: value}`` with empty values left out.

    ``request``: a proposal's request, which may hold only the line's requestable measures. ``named``: each
    message begins with its measure's name; without, it is bare, for a reader that names the measure itself
    (the desk's upload: "row 4, column F (Year): required"). ``partial``: a draft's row, kept as far as it is
    typed: a required measure may still be missing (its writer checks it before the row counts), and a rule
    naming one is checked once it is there. Raises ``ValidationError`` whose ``message_dict`` is keyed by
    measure code (an unknown code under its own name).
    """
    if not isinstance(values, Mapping):
        raise ValidationError({"values": [_("Give the values as an object of measure codes.")]})
    measures = line.requestable if request else line.measures
    known = {measure.code for measure in measures}
    errors: dict[str, list[str]] = {}
    for code in values:
        if code not in known:
            message = (_("A proposal does not request this measure.") if request and line.measure(code)
                       else no_such_measure(code))
            errors[str(code)] = [message]
    cleaned: dict[str, Any] = {}
    for measure in measures:
        raw = values.get(measure.code)
        if raw is None or (isinstance(raw, str) and not raw.strip()):
            if measure.required and not partial:
                errors[measure.code] = [_("%(measure)s is required.") % {"measure": measure.name} if named
                                        else _("Required.")]
            continue
        try:
            cleaned[measure.code] = clean_value(measure, raw)
        except ValidationError as error:
            errors[measure.code] = [f"{measure.name}: {message}" if named else message
                                    for message in error.messages]
    for left, op, right in line.rules:
        if left in errors or right in errors or left not in known or right not in known:
            continue
        if partial and any(code not in cleaned and line.measure(code).required for code in (left, right)):
            continue
        if breaks_rule(cleaned, left, op, right):
            words = {"left": line.measure(left).name, "right": line.measure(right).name,
                     "limit": number(cleaned.get(right, 0))}
            errors[left] = [(_("%(left)s cannot exceed %(right)s (%(limit)s).") if named
                             else _("At most %(right)s (%(limit)s).")) % words]
    if errors:
        raise ValidationError(errors)
    return cleaned
