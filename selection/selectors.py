"""Reads of the final selection, filtered by who asks where it matters."""
from dataclasses import dataclass

from django.db.models import Count, OuterRef, Q, QuerySet, Subquery, Sum

from accounts.permissions import is_council, is_local_official
from applications.models import Contest, Proposal

from .models import (
    PUBLIC_STATUSES,
    DecisionAdjustment,
    Objection,
    ObjectionReview,
    Outcome,
    SelectionDecision,
    SelectionRun,
)
from .permissions import can_view_decision


def runs_of(contest: Contest) -> QuerySet[SelectionRun]:
    return (SelectionRun.objects.filter(contest=contest).select_related("requested_by", "approved_by")
            .annotate(selected=Count("decisions", filter=Q(decisions__outcome=Outcome.SELECTED)),
                      committed=Sum("decisions__national_krw")).order_by("-number"))


def decisions_of(run: SelectionRun) -> QuerySet[SelectionDecision]:
    return run.decisions.select_related("proposal__lead_local_government__province", "objection")


@dataclass(frozen=True)
class RunSummary:
    by_outcome: dict[str, int]
    committed_krw: int
    budget_krw: int | None
    target: int

    @property
    def selected(self) -> int:
        return self.by_outcome.get(Outcome.SELECTED, 0)

    @property
    def applicants(self) -> int:
        """How many proposals the run decided: each one's local government hears of its result."""
        return sum(self.by_outcome.values())

    @property
    def budget_left_krw(self) -> int | None:
        return None if self.budget_krw is None else self.budget_krw - self.committed_krw


def summary_of(run: SelectionRun) -> RunSummary:
    rows = run.decisions.values("outcome").annotate(count=Count("pk"), money=Sum("national_krw")).order_by()
    by_outcome = {row["outcome"]: row["count"] for row in rows}
    committed = sum(row["money"] or 0 for row in rows)
    return RunSummary(by_outcome, committed, run.contest.total_national_budget_krw, run.contest.target_task_count)


def adjustments_of(run: SelectionRun) -> QuerySet[DecisionAdjustment]:
    return (DecisionAdjustment.objects.filter(decision__run=run)
            .select_related("actor", "decision__proposal__lead_local_government").order_by("at", "pk"))


def with_published_outcome(proposals: QuerySet[Proposal]) -> QuerySet[Proposal]:
    """Each proposal with ``published_outcome``: its decision's outcome (``Outcome`` value) in its contest's
    published or confirmed result, None before one is published. One subquery, so a list stays one query."""
    decisions = SelectionDecision.objects.filter(proposal=OuterRef("pk"), run__status__in=PUBLIC_STATUSES)
    return proposals.annotate(published_outcome=Subquery(decisions.values("outcome")[:1]))


def published_decision_of(proposal: Proposal) -> SelectionDecision | None:
    """The proposal's decision in its contest's published (or confirmed) result, if any."""
    return (SelectionDecision.objects.filter(proposal=proposal, run__status__in=PUBLIC_STATUSES)
            .select_related("run__contest", "proposal__lead_local_government", "objection").first())


def result_for_user(user, proposal: Proposal) -> SelectionDecision | None:
    """The proposal's published decision if ``user`` may see it (``permissions.can_view_decision``), else
    ``None``: before publication nobody but the council's run pages shows it, and strangers never."""
    decision = published_decision_of(proposal)
    if decision is None or not can_view_decision(user, decision):
        return None
    return decision


def objections_visible_to(user) -> QuerySet[Objection]:
    objections = Objection.objects.select_related("decision__run__contest",
                                                  "decision__proposal__lead_local_government", "filed_by")
    if is_council(user):
        return objections
    if is_local_official(user):
        return objections.filter(decision__proposal__lead_local_government_id=user.local_government_id)
    return objections.none()


def objections_of(run: SelectionRun) -> QuerySet[Objection]:
    return (Objection.objects.filter(decision__run=run)
            .select_related("decision__proposal__lead_local_government").order_by("filed_at", "pk"))


def re_reviews_of(user) -> QuerySet[ObjectionReview]:
    return (ObjectionReview.objects.filter(reviewer__user=user)
            .select_related("objection__decision__proposal__lead_local_government", "objection__decision__run")
            .order_by("submitted_at", "-requested_at"))


def re_reviews_for(objection: Objection) -> QuerySet[ObjectionReview]:
    return objection.re_reviews.select_related("reviewer__user").order_by("requested_at", "pk")
