"""Template helpers for tracking pages: support-line cells described by the line registry."""
from django import template
from django.contrib.humanize.templatetags.humanize import intcomma

register = template.Library()


@register.filter
def field_label(line, name: str) -> str:
    return line.verbose(name)


@register.filter
def field_value(row, name: str) -> str:
    display = getattr(row, f"get_{name}_display", None)
    if display:
        return display()
    value = getattr(row, name)
    return intcomma(value) if isinstance(value, int) and name != "year" else str(value)


@register.filter
def subtract(value, other) -> int:
    return (value or 0) - (other or 0)
