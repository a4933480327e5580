"""Changing a computed decision: the council before approval, or on an accepted objection. Every change
keeps the computed values, writes an adjustment (who, when, why, before and after) and an audit entry."""
from django.db import transaction
from django.db.models import Count, Sum
from django.utils.translation import gettext as _

from audit.services import record
from core.fields import UNKNOWN_OUTCOME
from core.formats import number
from core.permissions import refuse_unless
from selection.models import DecisionAdjustment, Outcome, SelectionDecision, SelectionRun
from selection.permissions import can_be_adjusted


class SelectionRefused(Exception):
    """The selection step breaks a rule; the message says which."""


def check_commitment(contest, *, selected: int, committed_krw: int, enforce_target: bool = True) -> None:
    """A run's selected tasks, counted and summed, fit the contest's target and total budget."""
    if enforce_target and selected > contest.target_task_count:
        raise SelectionRefused(_("The contest selects at most %(target)s tasks.")
                               % {"target": contest.target_task_count})
    budget = contest.total_national_budget_krw
    if budget is not None and committed_krw > budget:
        raise SelectionRefused(_("This would commit %(committed)s KRW of a total budget of %(budget)s KRW.")
                               % {"committed": number(committed_krw), "budget": number(budget)})


def check_funding(run: SelectionRun, decision: SelectionDecision, outcome: str, national_krw: int, *,
                  enforce_target: bool) -> None:
    """The contest's rules on one changed decision: funding only when selected, within the cap per task and,
    with the run's other selected tasks, within the total budget and (before approval) the target."""
    contest = run.contest
    if outcome != Outcome.SELECTED and national_krw:
        raise SelectionRefused(_("Only a selected task receives funding; set the amount to 0."))
    if national_krw > contest.national_cap_per_task_krw:
        raise SelectionRefused(_("The cap per task is %(cap)s KRW.")
                               % {"cap": number(contest.national_cap_per_task_krw)})
    others = run.decisions.filter(outcome=Outcome.SELECTED).exclude(pk=decision.pk).aggregate(
        count=Count("pk"), money=Sum("national_krw"))
    check_commitment(contest, selected=others["count"] + (outcome == Outcome.SELECTED),
                     committed_krw=(others["money"] or 0) + national_krw, enforce_target=enforce_target)


def change_decision(*, actor, run: SelectionRun, decision: SelectionDecision, outcome: str, national_krw: int,
                    reason: str, enforce_target: bool) -> SelectionDecision:
    """Apply a checked change; the caller holds the run's row lock."""
    if not reason.strip():
        raise SelectionRefused(_("Say why the decision changes."))
    if outcome not in Outcome.values:
        raise SelectionRefused(str(UNKNOWN_OUTCOME))
    if outcome == decision.outcome and national_krw == decision.national_krw:
        raise SelectionRefused(_("Nothing changes: the outcome and the funding are the same as now."))
    check_funding(run, decision, outcome, national_krw, enforce_target=enforce_target)
    DecisionAdjustment.objects.create(decision=decision, actor=actor, reason=reason,
                                      outcome_before=decision.outcome, outcome_after=outcome,
                                      national_before=decision.national_krw, national_after=national_krw)
    record(actor=actor, action="selection.decision_adjusted", target=decision, reason=reason,
           changes={"outcome": [decision.outcome, outcome], "national_krw": [decision.national_krw, national_krw]})
    decision.outcome, decision.national_krw = outcome, national_krw
    decision.save(update_fields=["outcome", "national_krw"])
    return decision


def adjust_decision(*, actor, decision: SelectionDecision, outcome: str, national_krw: int,
                    reason: str) -> SelectionDecision:
    """The council changes a decision of a computed run before approving it."""
    with transaction.atomic():
        run = SelectionRun.objects.select_for_update().select_related("contest").get(pk=decision.run_id)
        refuse_unless(can_be_adjusted(run), SelectionRefused)
        decision = SelectionDecision.objects.select_for_update().get(pk=decision.pk)
        return change_decision(actor=actor, run=run, decision=decision, outcome=outcome,
                               national_krw=national_krw, reason=reason, enforce_target=True)
