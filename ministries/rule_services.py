"""A line that exists gains or loses a rule between two of its measures (``left ≤ right``), on the council's
page or through the API. Asked by the same predicate as the pages and the API (``line_to_change``), written to
the audit trail with who, when and why (a reason is required), and a rule that rows or requests already saved
would break is refused, naming how many and one of them: the data already kept stays valid."""
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import QuerySet
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from audit.services import record
from core.formats import number

from .models import Measure, MeasureRule, SupportLineKind
from .rules import rule_errors
from .services import MinistryRefused, line_to_change
from .values import breaks_rule


def _reason_missing(reason: str) -> dict[str, list[str]]:
    if (reason or "").strip():
        return {}
    return {"reason": [_("Say why: the reason is kept in the history with the rule.")]}


def _first_breaking(rows: QuerySet, left: Measure, op: str, right: Measure) -> tuple[int, int | None, dict]:
    """How many of ``rows`` (a line's task rows or proposal requests) break the rule, and the first one's pk
    and values; one query, the values only."""
    count, first, first_values = 0, None, {}
    for pk, values in rows.order_by("pk").values_list("pk", "values").iterator(chunk_size=2000):
        if breaks_rule(values or {}, left.code, op, right.code):
            count += 1
            if first is None:
                first, first_values = pk, values
    return count, first, first_values


def _example(owner, values: dict, left: Measure, right: Measure) -> str:
    return (f"{owner}: {left.name} {number(values.get(left.code, 0))} > "
            f"{right.name} {number(values.get(right.code, 0))}")


def saved_data_breaking(line: SupportLineKind, left: Measure, op: str, right: Measure) -> str:
    """Why the rows already saved (tasks' rows, then proposals' requests where both measures are requestable,
    as those are checked) refuse the rule: how many break it and one example; empty when none does."""
    sources = [(line.task_rows, "task", "task__local_government", lambda count: ngettext(
        "%(count)s row already saved breaks this rule (%(example)s); correct it first.",
        "%(count)s rows already saved break this rule, e.g. %(example)s; correct them first.", count))]
    if left.requestable and right.requestable:
        sources.append((line.proposal_requests, "proposal", "proposal", lambda count: ngettext(
            "%(count)s proposal's request breaks this rule (%(example)s); correct it first.",
            "%(count)s proposals' requests break this rule, e.g. %(example)s; correct them first.", count)))
    for rows, owner, related, message in sources:
        count, first, values = _first_breaking(rows.all(), left, op, right)
        if count:
            example = getattr(rows.select_related(related).get(pk=first), owner)
            return message(count) % {"count": number(count), "example": _example(example, values, left, right)}
    return ""


@transaction.atomic
def add_rule(*, actor, line_code: str, left: str, right: str, op: str = MeasureRule.Op.LTE,
             reason: str = "") -> MeasureRule:
    """Give the line ``line_code`` the rule ``left op right`` between two of its counts or KRW measures
    (codes), checked from then on whenever a row is saved.

    Raises :class:`MinistryRefused` when the actor may not change lines or the line is unknown, and
    ``ValidationError`` by field (``left``, ``op``, ``right``, ``reason``) for a measure the line does not have
    or that is no number, the same measure twice, a rule the line has already, a missing reason, or a rule the
    rows already saved would break.
    """
    line = line_to_change(actor, line_code)
    measures = {measure.code: measure for measure in line.measures.all()}
    existing = line.rules.values_list("left__code", "op", "right__code")
    errors = {**rule_errors(measures, left, op, right, existing), **_reason_missing(reason)}
    if errors:
        raise ValidationError(errors)
    broken = saved_data_breaking(line, measures[left], op, measures[right])
    if broken:
        raise ValidationError({"left": [broken]})
    rule = MeasureRule.objects.create(line=line, left=measures[left], op=op, right=measures[right])
    record(actor=actor, action="ministries.rule_added", target=line, reason=reason.strip(),
           changes={"rule": {"left": left, "op": op, "right": right}, "words": rule.words})
    return rule


@transaction.atomic
def remove_rule(*, actor, line_code: str, left: str, right: str, op: str = MeasureRule.Op.LTE,
                reason: str = "") -> None:
    """Remove the line's rule ``left op right``: rows are no longer checked against it.

    Raises :class:`MinistryRefused` when the actor may not, or the line or the rule is unknown;
    ``ValidationError`` on ``reason`` when none is given.
    """
    line = line_to_change(actor, line_code)
    rule = line.rules.select_related("left", "right").filter(left__code=left, op=op, right__code=right).first()
    if rule is None:
        raise MinistryRefused(_("This line has no rule %(left)s %(op)s %(right)s.")
                              % {"left": left, "op": op, "right": right})
    errors = _reason_missing(reason)
    if errors:
        raise ValidationError(errors)
    words = rule.words
    rule.delete()
    record(actor=actor, action="ministries.rule_removed", target=line, reason=reason.strip(),
           changes={"rule": {"left": left, "op": op, "right": right}, "words": words})
