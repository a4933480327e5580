"""Continuation (계속 지원): a task funded on condition from a year (``SelectedTask.conditional_from_year``) is
paid for that year and later ones only after the council's continuation evaluation of the year says so.

The outcome *continue* keeps the year's national line (a line zeroed before, as agreements were written while
the portal had no condition, is restored to the amount the selection drafted); *reduced* amends it down to the
amount decided; *stop* leaves the lines as the record of what was planned and refuses every payment against
them from that year on. Each decision is audited against the task, amends go through ``set_agreement_line``
(audited too), and the lead local government's officials and its province's officers are told once it
commits (through the outbox)."""
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from applications.models import BudgetSource
from audit.services import record
from core.fields import UNKNOWN_OUTCOME
from core.formats import number
from notifications.services import announce
from tracking.models import (
    ContinuationEvaluation,
    ContinuationOutcome,
    SelectedTask,
)
from tracking.permissions import can_evaluate_continuation

from .holds import hold_for_year, payment_hold
from .opening import drafted_agreement
from .refusals import TrackingRefused
from .tasks import current_line, set_agreement_line

__all__ = ["hold_for_year", "payment_hold", "record_continuation", "set_condition"]


def _allowed(actor) -> None:
    decision = can_evaluate_continuation(actor)
    if not decision:
        raise TrackingRefused(decision.reason)


def _agreement_years(task: SelectedTask) -> list[int]:
    return sorted(set(task.agreement_lines.values_list("year", flat=True)))


@transaction.atomic
def set_condition(*, actor, task: SelectedTask, from_year: int | None, reason: str) -> SelectedTask:
    """Fund ``task`` on condition from ``from_year`` (a year of its agreement after the first), or
    unconditionally (``None``). Refused once a continuation evaluation is recorded: the decision stands."""
    _allowed(actor)
    task = SelectedTask.objects.select_for_update().get(pk=task.pk)
    if task.continuation_evaluations.exists():
        raise TrackingRefused(_("A continuation evaluation is recorded already; the condition can no longer "
                                "change."))
    years = _agreement_years(task)
    if from_year is not None and (from_year not in years or from_year == years[0]):
        raise TrackingRefused(_("The condition starts in a later year of the agreement (%(years)s).") % {
            "years": ", ".join(str(year) for year in years[1:]) or "—"})
    before = task.conditional_from_year
    task.conditional_from_year = from_year
    task.save(update_fields=["conditional_from_year"])
    record(actor=actor, action="tracking.condition_set", target=task, reason=reason,
           changes={"conditional_from_year": [before, from_year]})
    return task


def _full_national(task: SelectedTask, year: int) -> int:
    """The year's national funding before the decision: the agreed line, or, where it is missing or zero, what
    the selection's decision drafted for the year (whole KRW)."""
    line = current_line(task, year, BudgetSource.NATIONAL)
    if line is not None and line.amount_krw:
        return line.amount_krw
    drafted = drafted_agreement(task.decision, list(task.proposal.budget_lines.all()))
    return drafted.get((year, BudgetSource.NATIONAL), 0)


def _checked(task: SelectedTask, year: int) -> None:
    if task.conditional_from_year is None or year < task.conditional_from_year:
        raise TrackingRefused(_("The %(year)s funding of this task is not on condition; there is no "
                                "continuation to decide.") % {"year": year})
    if year not in _agreement_years(task):
        raise TrackingRefused(_("The agreement has no %(year)s lines.") % {"year": year})
    decided = task.continuation_evaluations.filter(year__lte=year).order_by("year")
    if any(evaluation.year == year for evaluation in decided):
        raise TrackingRefused(_("The continuation of %(year)s is decided already.") % {"year": year})
    stop = next((evaluation for evaluation in decided if evaluation.outcome == ContinuationOutcome.STOP), None)
    if stop is not None:
        raise TrackingRefused(_("The task was stopped from %(year)s.") % {"year": stop.year})


def check_reduced_amount(outcome: str, national_krw: int | None) -> None:
    """A reduced continuation names its national funding for the year (KRW); the form asks this too."""
    if outcome == ContinuationOutcome.REDUCED and not national_krw:
        raise TrackingRefused(_("Give the reduced national funding for the year (KRW)."))


def _national_after(task: SelectedTask, year: int, outcome: str, national_krw: int | None) -> int:
    full = _full_national(task, year)
    if outcome == ContinuationOutcome.STOP:
        if national_krw:
            raise TrackingRefused(_("A stopped year has no national funding."))
        return 0
    if outcome == ContinuationOutcome.REDUCED:
        check_reduced_amount(outcome, national_krw)
        if full and national_krw >= full:
            raise TrackingRefused(_("A reduced amount is less than the %(full)s KRW planned for the year.") % {
                "full": number(full)})
        return national_krw
    if not full:
        raise TrackingRefused(_("No national funding is planned for %(year)s; record the amount as a reduced "
                                "continuation.") % {"year": year})
    if national_krw is not None and national_krw != full:
        raise TrackingRefused(_("To continue with another amount than the %(full)s KRW planned, choose "
                                "reduced funding.") % {"full": number(full)})
    return full


@transaction.atomic
def record_continuation(*, actor, task: SelectedTask, year: int, outcome: str, national_krw: int | None,
                        reason: str) -> ContinuationEvaluation:
    """The council's continuation decision for ``task``'s ``year``, with its reasons. Raises
    ``TrackingRefused`` when the actor is not council staff, the year is not on condition or is decided (or an
    earlier year stopped the task), or the amount does not fit the outcome. The year's national line follows
    (amended and audited), and the lead local government and its province are notified."""
    _allowed(actor)
    reason = reason.strip()
    if not reason:
        raise TrackingRefused(_("Give the reasons for the decision."))
    if outcome not in ContinuationOutcome.values:
        raise TrackingRefused(str(UNKNOWN_OUTCOME))
    task = SelectedTask.objects.select_for_update().select_related("decision", "proposal").get(pk=task.pk)
    _checked(task, year)
    after = _national_after(task, year, outcome, national_krw)
    line = current_line(task, year, BudgetSource.NATIONAL)
    before = line.amount_krw if line else 0
    evaluation = ContinuationEvaluation.objects.create(task=task, year=year, outcome=outcome, national_krw=after,
                                                       reason=reason, decided_by=actor, decided_at=timezone.now())
    record(actor=actor, action="tracking.continuation_decided", target=task, reason=reason,
           changes={"year": year, "outcome": outcome, "national_krw": [before, after]})
    if outcome != ContinuationOutcome.STOP and after != before:
        set_agreement_line(actor=actor, task=task, year=year, source=BudgetSource.NATIONAL, amount_krw=after,
                           reason=_("Continuation evaluation of %(year)s: %(outcome)s") % {
                               "year": year, "outcome": ContinuationOutcome(outcome).label})
    announce("tracking.continuation_decided", evaluation.pk, occasion="decided")
    return evaluation
