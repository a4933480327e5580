"""Template helpers for tracking pages: support-line cells described by the ministries' registry."""
from django import template

from core.formats import number
from ministries.models import NUMERIC_TYPES

register = template.Library()


@register.simple_tag
def measure_cell(measure, values: dict) -> str:
    """One measure's value of a row as a person reads it: KRW and counts with separators, options by name."""
    value = measure.display((values or {}).get(measure.code))
    return number(value) if measure.type in NUMERIC_TYPES and value != "" else value


@register.filter
def subtract(value, other) -> int:
    return (value or 0) - (other or 0)
