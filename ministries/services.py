"""Writes to the ministries' reference data. Each change is checked by the same predicate as the pages and the
API, and written to the audit trail with who made it and why."""
import unicodedata
from typing import Any

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils.translation import gettext as _

from audit.services import record
from core.fields import TOO_LONG
from core.permissions import refuse_unless

from .models import NUMERIC_TYPES, Measure, MeasureRule, MeasureType, Ministry, SupportLineKind
from .permissions import can_manage_ministries
from .rules import rule_errors
from .values import no_such_measure

DESCRIPTION_LENGTH = 2000  # characters of a line's description, in either language (page, API, service)
# A line's measures are the desk's, the template's and the exports' columns, and a choice's options a list on
# every row: bounded so that a line's template stays within what an upload reads (regions.tabular's columns).
MAX_MEASURES = 40
MAX_OPTIONS = 100


class MinistryRefused(Exception):
    """A change the caller may not make, or that the data refuses; the message says why."""


def _nfc(text: str) -> str:
    return unicodedata.normalize("NFC", (text or "").strip())


@transaction.atomic
def create_ministry(*, actor, code: str, name_ko: str, name_en: str, reason: str = "") -> Ministry:
    """Add a ministry that joins the project. ``code`` is stored in capitals; a code in use is refused.

    Raises :class:`MinistryRefused` when the actor may not add ministries or the code is taken, and
    ``ValidationError`` (by field) when a value does not fit.
    """
    refuse_unless(can_manage_ministries(actor), MinistryRefused)
    ministry = Ministry(code=_nfc(code).upper(), name_ko=_nfc(name_ko), name_en=_nfc(name_en))
    ministry.full_clean(validate_unique=False)
    taken = MinistryRefused(_("A ministry with the code %(code)s exists already.") % {"code": ministry.code})
    if Ministry.objects.filter(code=ministry.code).exists():
        raise taken
    try:
        with transaction.atomic():
            ministry.save()
    except IntegrityError as error:
        raise taken from error
    record(actor=actor, action="ministries.ministry_created", target=ministry, reason=reason,
           changes={"code": ministry.code, "name_ko": ministry.name_ko, "name_en": ministry.name_en})
    return ministry




MEASURE_FIELDS = ("code", "name_ko", "name_en", "type", "choices", "required", "summed", "requestable", "key")


def _measure(line: SupportLineKind, position: int, data: dict[str, Any]) -> Measure:
    options = [{"code": _nfc(str(option.get("code", ""))), "name_ko": _nfc(str(option.get("name_ko", ""))),
                "name_en": _nfc(str(option.get("name_en", "")))} for option in data.get("choices") or []]
    measure = Measure(line=line, position=position, code=_nfc(data.get("code", "")), type=data.get("type", ""),
                      name_ko=_nfc(data.get("name_ko", "")), name_en=_nfc(data.get("name_en", "")), choices=options,
                      **{flag: bool(data.get(flag, False)) for flag in ("required", "summed", "requestable", "key")})
    errors = {}
    try:
        measure.full_clean(exclude=["line"], validate_unique=False, validate_constraints=False)
    except ValidationError as error:
        errors.update(error.message_dict)
    if measure.type == MeasureType.CHOICE and not options:
        errors["choices"] = [_("A choice measure needs its options.")]
    if len(options) > MAX_OPTIONS:
        errors["choices"] = [too_many_options()]
    elif any(not (option["code"] and option["name_ko"] and option["name_en"]) for option in options):
        errors["choices"] = [_("Each option needs a code and its Korean and English names.")]
    elif len({option["code"] for option in options}) != len(options):
        errors["choices"] = [_("Each option needs its own code.")]
    if measure.summed and measure.type not in NUMERIC_TYPES:
        errors["summed"] = [_("Only counts and KRW add up.")]
    if errors:
        raise ValidationError({f"measures.{position}.{name}": messages for name, messages in errors.items()})
    return measure


@transaction.atomic
def create_line_kind(*, actor, ministry_code: str, code: str, name_ko: str, name_en: str,
                     description_ko: str = "", description_en: str = "", measures: list[dict[str, Any]],
                     rules: list[dict[str, str]] = (), reason: str = "") -> SupportLineKind:
    """Add a support line to a ministry, described by its measures (``{code, name_ko, name_en, type, choices,
    required, summed, requestable, key}``) and rules between two of them (``{left, op: "lte", right}``).

    Raises :class:`MinistryRefused` when the actor may not, the ministry is unknown or the code is taken;
    ``ValidationError`` keyed by the offending part (``measures.N.field``, ``rules.N``) when the description
    does not hold together.
    """
    refuse_unless(can_manage_ministries(actor), MinistryRefused)
    ministry = Ministry.objects.filter(code=_nfc(ministry_code).upper()).first()
    if ministry is None:
        raise MinistryRefused(_("No ministry has the code %(code)s.") % {"code": ministry_code})
    line = SupportLineKind(ministry=ministry, code=_nfc(code), name_ko=_nfc(name_ko), name_en=_nfc(name_en),
                           description_ko=_nfc(description_ko), description_en=_nfc(description_en))
    line.full_clean(exclude=["ministry"], validate_unique=False)
    too_long = {field: [TOO_LONG % {"length": DESCRIPTION_LENGTH}] for field in ("description_ko", "description_en")
                if len(getattr(line, field)) > DESCRIPTION_LENGTH}
    if too_long:
        raise ValidationError(too_long)
    taken = MinistryRefused(_("A support line with the code %(code)s exists already.") % {"code": line.code})
    if SupportLineKind.objects.filter(code=line.code).exists():
        raise taken
    if not measures:
        raise ValidationError({"measures": [no_measure()]})
    if len(measures) > MAX_MEASURES:
        raise ValidationError({"measures": [too_many_measures()]})
    made = [_measure(line, position, data) for position, data in enumerate(measures, start=1)]
    codes = [measure.code for measure in made]
    if len(set(codes)) != len(codes):
        raise ValidationError({"measures": [_("Each measure needs its own code.")]})
    by_code = {measure.code: measure for measure in made}
    for index, rule in enumerate(rules or []):
        earlier = [(other.get("left"), other.get("op", "lte"), other.get("right")) for other in rules[:index]]
        errors = rule_errors(by_code, rule.get("left"), rule.get("op", "lte"), rule.get("right"), earlier)
        if errors:
            raise ValidationError({f"rules.{index}": [message for messages in errors.values()
                                                      for message in messages]})
    try:
        with transaction.atomic():
            line.save()  # another clerk's line with the same code may have committed since the check above
    except IntegrityError as error:
        raise taken from error
    for measure in made:
        measure.line = line
    Measure.objects.bulk_create(made)
    saved = {measure.code: measure for measure in line.measures.all()}
    MeasureRule.objects.bulk_create([MeasureRule(line=line, left=saved[rule["left"]], op="lte",
                                                 right=saved[rule["right"]]) for rule in rules or []])
    record(actor=actor, action="ministries.line_created", target=line, reason=reason,
           changes={"ministry": ministry.code, "code": line.code, "name_ko": line.name_ko,
                    "measures": [{name: getattr(measure, name) for name in MEASURE_FIELDS} for measure in made],
                    "rules": [dict(rule) for rule in rules or []]})
    return line


def measure_holds_values(line: SupportLineKind, code: str) -> bool:
    """Whether any task's row or any proposal's request of ``line`` has a value for measure ``code`` (the
    rows and requests are the tracking and applications apps' models, reached by their relation names)."""
    return line.task_rows.filter(values__has_key=code).exists() \
        or line.proposal_requests.filter(values__has_key=code).exists()


def line_in_use(line: SupportLineKind) -> bool:
    """Whether a task's row or a proposal's request names ``line``: from then on its configuration is frozen
    where a change would make what is recorded wrong (see :func:`add_measure`)."""
    return line.task_rows.exists() or line.proposal_requests.exists()


def line_to_change(actor, line_code: str) -> SupportLineKind:
    """The line ``line_code``, locked for the change; :class:`MinistryRefused` when the actor may not change
    lines or no line has that code."""
    refuse_unless(can_manage_ministries(actor), MinistryRefused)
    line = SupportLineKind.objects.select_for_update().filter(code=line_code).first()
    if line is None:
        raise MinistryRefused(_("No support line has the code %(code)s.") % {"code": line_code})
    return line


@transaction.atomic
def add_measure(*, actor, line_code: str, measure: dict[str, Any], reason: str = "") -> Measure:
    """A line in use gains a measure (after its others). A new required measure would make every existing row
    or request incomplete, so on a line in use (:func:`line_in_use`) it is refused; a new key measure too (rows
    and requests are identified already).

    Raises :class:`MinistryRefused` with the reason; ``ValidationError`` by field when the measure does not fit.
    """
    line = line_to_change(actor, line_code)
    position = (line.measures.order_by("-position").values_list("position", flat=True).first() or 0) + 1
    made = _measure(line, position, measure)
    if line.measures.filter(code=made.code).exists():
        raise MinistryRefused(_("This line has a measure %(code)s already.") % {"code": made.code})
    if line.measures.count() >= MAX_MEASURES:
        raise MinistryRefused(too_many_measures())
    if (made.required or made.key) and line_in_use(line):
        raise MinistryRefused(_("Rows or requests exist already: a measure added now can be neither required nor "
                                "a key."))
    made.save()
    record(actor=actor, action="ministries.measure_added", target=line, reason=reason,
           changes={"measure": {name: getattr(made, name) for name in MEASURE_FIELDS}})
    return made


def _measure_of(line: SupportLineKind, code: str) -> Measure:
    measure = line.measures.filter(code=code).first()
    if measure is None:
        raise MinistryRefused(no_such_measure(code))
    return measure


def too_many_measures() -> str:
    return _("A line has at most %(count)s measures.") % {"count": MAX_MEASURES}


def too_many_options() -> str:
    return _("A choice measure has at most %(count)s options.") % {"count": MAX_OPTIONS}


def no_measure() -> str:
    """What a support line given no measure is told: by this service and, before it, the council's line form."""
    return _("A line needs at least one measure.")


@transaction.atomic
def remove_measure(*, actor, line_code: str, code: str, reason: str = "") -> None:
    """Remove a measure no row holds a value for; one that holds values, or that a rule names, is refused."""
    line = line_to_change(actor, line_code)
    measure = _measure_of(line, code)
    if measure_holds_values(line, code):
        raise MinistryRefused(_("%(measure)s holds values on tasks' rows or proposals' requests; it cannot be "
                                "removed.")
                              % {"measure": measure.name})
    if line.rules.filter(Q(left=measure) | Q(right=measure)).exists():
        raise MinistryRefused(_("A rule of this line names %(measure)s; it cannot be removed.")
                              % {"measure": measure.name})
    snapshot = {name: getattr(measure, name) for name in MEASURE_FIELDS}
    measure.delete()
    record(actor=actor, action="ministries.measure_removed", target=line, reason=reason,
           changes={"measure": snapshot})


@transaction.atomic
def change_measure_type(*, actor, line_code: str, code: str, new_type: str, reason: str = "") -> Measure:
    """A measure's type changes only while no row holds a value for it (else the values would not fit)."""
    line = line_to_change(actor, line_code)
    measure = _measure_of(line, code)
    if new_type != measure.type and measure_holds_values(line, code):
        raise MinistryRefused(_("%(measure)s holds values on tasks' rows or proposals' requests; its type cannot "
                                "change.")
                              % {"measure": measure.name})
    if new_type not in NUMERIC_TYPES and line.rules.filter(Q(left=measure) | Q(right=measure)).exists():
        raise MinistryRefused(_("A rule of this line names %(measure)s; it stays a count or an amount (KRW).")
                              % {"measure": measure.name})
    before, measure.type = measure.type, new_type
    changed = _measure(line, measure.position, {**{name: getattr(measure, name) for name in MEASURE_FIELDS}})
    measure.type = changed.type
    measure.save(update_fields=["type"])
    record(actor=actor, action="ministries.measure_changed", target=line, reason=reason,
           changes={"measure": code, "type": [before, new_type]})
    return measure
