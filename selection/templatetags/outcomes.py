"""``{{ proposal.published_outcome|outcome_label }}``: the outcome's words (선정, 예비, 미선정 …) for a list."""
from django import template

from reviews.models.panels import stage_label
from selection.models import Outcome
from selection.selectors import run_stage_codes

register = template.Library()


@register.filter
def outcome_label(value: str | None) -> str:
    return Outcome(value).label if value in Outcome.values else ""


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
