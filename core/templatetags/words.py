"""``{{ code|ministry_short }}``: a ministry's short name in the reader's language (``core.words``)."""
from django import template

from core.words import ministry_short_name

register = template.Library()


@register.filter
def ministry_short(code: str) -> str:
    return ministry_short_name(code)
