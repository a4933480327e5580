"""Why a payment against an agreement line is held: a continuation evaluation stopped the task, or the year is
funded on condition and not decided yet. Asked by ``record_disbursement`` and by the task's page."""
from django.utils import timezone
from django.utils.translation import gettext as _

from tracking.models import AgreementLine, ContinuationEvaluation, ContinuationOutcome, SelectedTask


def hold_for_year(task: SelectedTask, year: int, evaluations: list[ContinuationEvaluation]) -> str | None:
    """Why no payment may be made against ``task``'s lines of ``year`` (``evaluations``: the task's, any
    order), or ``None`` when they may be paid. Pure, so a page's list asks it without a query per line."""
    stops = sorted((evaluation for evaluation in evaluations
                    if evaluation.outcome == ContinuationOutcome.STOP and evaluation.year <= year),
                   key=lambda evaluation: evaluation.year)
    if stops:
        stop = stops[0]
        return _("The continuation evaluation of %(decided)s stopped this task's funding from %(year)s: "
                 "%(reason)s") % {"decided": timezone.localdate(stop.decided_at).isoformat(), "year": stop.year,
                                  "reason": stop.reason}
    conditional = task.conditional_from_year
    if conditional is not None and year >= conditional and not any(
            evaluation.year == year and evaluation.is_funded for evaluation in evaluations):
        return _("The %(year)s funding is on condition: it may be paid once the continuation evaluation of "
                 "%(year)s continues the task.") % {"year": year}
    return None


def payment_hold(line: AgreementLine) -> str | None:
    """``hold_for_year`` of one agreement line, read from the database."""
    return hold_for_year(line.task, line.year, list(line.task.continuation_evaluations.all()))
