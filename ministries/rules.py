"""Whether a rule between two measures of a line holds together: the one check a new line's rules
(``services.create_line_kind``) and a rule added to a line later (``rule_services.add_rule``) both ask.

A rule compares counts and KRW only. The row checker (``values.breaks_rule``) counts a missing value as zero,
which means nothing for a year, and a date is stored as text that cannot be compared with that zero: years and
dates are refused rather than checked wrongly."""
from collections.abc import Iterable, Mapping

from django.utils.translation import gettext as _

from .models import NUMERIC_TYPES, Measure, MeasureRule
from .values import no_such_measure


def rule_errors(measures: Mapping[str, Measure], left: str, op: str, right: str,
                existing: Iterable[tuple[str, str, str]] = ()) -> dict[str, list[str]]:
    """What is wrong with the rule ``left op right`` among ``measures`` (a line's, by code), by the field to
    show it beside (``left``, ``op``, ``right``); empty when it holds together. ``existing``: the line's rules
    as ``(left, op, right)`` codes, which it may not repeat."""
    errors: dict[str, list[str]] = {}
    if op not in MeasureRule.Op.values:
        errors["op"] = [_("A rule is “at most” (lte), the only comparison there is.")]
    for side, code in (("left", left), ("right", right)):
        measure = measures.get(code)
        if measure is None:
            errors[side] = [no_such_measure(code)]
        elif measure.type not in NUMERIC_TYPES:
            errors[side] = [_("%(measure)s is not a count or an amount (KRW); a rule compares those only.")
                            % {"measure": measure.name}]
    if errors:
        return errors
    if left == right:
        return {"right": [_("A rule compares two different measures; choose another one.")]}
    if (left, op, right) in set(existing):
        return {"left": [_("This line has the rule %(rule)s already.")
                         % {"rule": MeasureRule(left=measures[left], op=op, right=measures[right]).words}]}
    return {}
