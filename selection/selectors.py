"""Reads of the final selection, filtered by who asks where it matters."""
from dataclasses import dataclass

from django.db.models import Count, F, OuterRef, Q, QuerySet, Subquery, Sum
from django.utils.translation import gettext as _

from accounts.permissions import is_council, is_local_official, is_signed_in
from applications.models import Contest, ContestStage, Proposal
from applications.selectors import contest_stages
from applications.selectors.layout import in_round_layout

from .computation import NATIONAL_REQUEST, RECEIPT_NUMBER, tie_break_order, upgraded
from .models import (
    PUBLIC_STATUSES,
    DecisionAdjustment,
    Objection,
    ObjectionReview,
    Outcome,
    SelectionDecision,
    SelectionPolicy,
    SelectionRun,
)
from .permissions import can_view_decision, re_reviews_reading_proposal


def runs_of(contest: Contest) -> QuerySet[SelectionRun]:
    return (SelectionRun.objects.filter(contest=contest).select_related("requested_by", "approved_by")
            .annotate(selected=Count("decisions", filter=Q(decisions__outcome=Outcome.SELECTED)),
                      committed=Sum("decisions__national_krw")).order_by("-number"))


def decisions_of(run: SelectionRun) -> list[SelectionDecision]:
    """The run's decisions, each lead local government named as on the contest's eligibility date (a 2025 round's
    Haenam in 전라남도, ``applications.selectors.layout``), in a fixed number of queries."""
    return in_round_layout(run.decisions.select_related("proposal__lead_local_government__province", "objection",
                                                        "proposal__contest"),
                           local_government="proposal__lead_local_government", contest="proposal__contest")


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


def adjustments_of(run: SelectionRun) -> list[DecisionAdjustment]:
    return in_round_layout(DecisionAdjustment.objects.filter(decision__run=run)
                           .select_related("actor", "decision__proposal__lead_local_government__province",
                                           "decision__proposal__contest").order_by("at", "pk"),
                           local_government="decision__proposal__lead_local_government",
                           contest="decision__proposal__contest")


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


def objections_of(run: SelectionRun) -> list[Objection]:
    return in_round_layout(Objection.objects.filter(decision__run=run)
                           .select_related("decision__proposal__lead_local_government__province",
                                           "decision__proposal__contest").order_by("filed_at", "pk"),
                           local_government="decision__proposal__lead_local_government",
                           contest="decision__proposal__contest")


def re_reviews_of(user) -> QuerySet[ObjectionReview]:
    """The re-reviews asked of ``user`` (none for an anonymous one)."""
    if not is_signed_in(user):
        return ObjectionReview.objects.none()
    return (ObjectionReview.objects.filter(reviewer__user=user)
            .select_related("objection__decision__proposal__lead_local_government", "objection__decision__run")
            # those still awaiting his opinion first on SQLite and PostgreSQL alike (they put NULL at opposite ends)
            .order_by(F("submitted_at").asc(nulls_first=True), "-requested_at", "-pk"))


def proposals_re_reviewed_by(user, proposals: QuerySet[Proposal]) -> QuerySet[Proposal]:
    """Of ``proposals``, those ``user`` reads through a re-review after an objection: pledge signed, objection
    undecided (``permissions.re_reviews_reading_proposal``, the rule of the re-review page). Registered in
    ``applications.extensions`` from ``SelectionConfig.ready``; a confirmed assignment is a source of its own."""
    return proposals.filter(pk__in=re_reviews_reading_proposal(user).values("objection__decision__proposal_id"))


def re_reviews_for(objection: Objection) -> QuerySet[ObjectionReview]:
    return objection.re_reviews.select_related("reviewer__user").order_by("requested_at", "pk")


@dataclass(frozen=True)
class RunStage:
    """A stage as a run weighed it: from the run's snapshot (the contest's stages before it computed)."""

    code: str
    name: str
    weight_pct: int
    cutoff: str


def tie_break_labels(keys: list[str], names: dict[str, str]) -> list[str]:
    """The tie-break keys in words: a stage's name, the smaller national request, the receipt number."""
    words = {NATIONAL_REQUEST: _("the smaller national funding request"), RECEIPT_NUMBER: _("the receipt number")}
    return [str(words.get(key) or names.get(key, key)) for key in keys]


def policy_tie_break(policy: SelectionPolicy, stages: list[ContestStage]) -> list[str]:
    return tie_break_labels(tie_break_order(policy, stages), {stage.code: stage.name for stage in stages})


def run_stage_codes(run: SelectionRun) -> list[str]:
    """The stage codes a run weighed, in order (its snapshot); the decisions' own before it computed."""
    if run.inputs:
        return upgraded(run.inputs)["policy"]["stages"]
    return [stage.code for stage in contest_stages(run.contest)]


def run_rules(run: SelectionRun) -> tuple[list[RunStage], list[str]]:
    """The stages (in order, with weight and cut-off) and the tie-break order a computed run used, read from its
    snapshot (also one stored before stages were data); named after the contest's stages."""
    stages = contest_stages(run.contest)
    names = {stage.code: stage.name for stage in stages}
    if not run.inputs:
        return [RunStage(stage.code, stage.name, stage.weight_pct, str(stage.cutoff)) for stage in stages], []
    policy = upgraded(run.inputs)["policy"]
    return ([RunStage(code, names.get(code, code), policy[f"{code}_weight_pct"], policy[f"{code}_cutoff"])
             for code in policy["stages"]], tie_break_labels(policy["tie_break"], names))
