"""``{{ proposal.published_outcome|outcome_label }}``: the outcome's words (선정, 예비, 미선정 …) for a list."""
from django import template

from selection.models import Outcome

register = template.Library()


@register.filter
def outcome_label(value: str | None) -> str:
    return Outcome(value).label if value in Outcome.values else ""
