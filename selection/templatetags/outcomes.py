"""``{{ proposal.published_outcome|outcome_label }}``: the outcome's words (선정, 예비, 미선정 …) for a list;
``outcome_badge`` and ``run_badge``: the colour of an outcome's and a run's badge, one mapping per enum."""
from django import template

from reviews.models.panels import stage_label
from selection.models import Outcome, RunStatus
from selection.selectors import run_stage_codes

register = template.Library()

OUTCOME_BADGES = {
    Outcome.SELECTED: "text-bg-success",
    Outcome.RESERVE: "text-bg-info",
    Outcome.NOT_SELECTED: "text-bg-secondary",
    Outcome.BELOW_CUTOFF: "text-bg-light border",
    Outcome.NOT_SCORED: "text-bg-light border",
}
RUN_BADGES = {
    RunStatus.QUEUED: "text-bg-warning",
    RunStatus.RUNNING: "text-bg-warning",
    RunStatus.COMPLETED: "text-bg-info",
    RunStatus.FAILED: "text-bg-danger",
    RunStatus.SUPERSEDED: "text-bg-light border",
    RunStatus.APPROVED: "text-bg-primary",
    RunStatus.PUBLISHED: "text-bg-success",
    RunStatus.CONFIRMED: "text-bg-success",
}


@register.filter
def outcome_label(value: str | None) -> str:
    return Outcome(value).label if value in Outcome.values else ""


@register.filter
def outcome_badge(value: str | None) -> str:
    """``{{ decision.outcome|outcome_badge }}``: the Bootstrap class of the outcome's badge."""
    return OUTCOME_BADGES.get(value, OUTCOME_BADGES[Outcome.NOT_SCORED])


@register.filter
def run_badge(status: str) -> str:
    """``{{ run.status|run_badge }}``: the Bootstrap class of the run status badge."""
    return RUN_BADGES.get(status, RUN_BADGES[RunStatus.QUEUED])


@register.filter
def stage_score(decision, code: str):
    """``{{ decision|stage_score:stage.code }}``: the decision's score in that stage, or None."""
    return decision.stage_score(code)


@register.filter
def scores_by_stage(decision) -> list[tuple[str, object]]:
    """``{% for name, score in decision|scores_by_stage %}``: the decision's stage scores in the run's order, read
    from the run's snapshot (no query for the well-known stages' names)."""
    return [(stage_label(decision.run.contest_id, code), decision.stage_score(code))
            for code in run_stage_codes(decision.run)]
