"""Template helpers for tracking pages: support-line cells described by the line registry."""
from django import template
from django.contrib.humanize.templatetags.humanize import intcomma

register = template.Library()


@register.filter
def field_label(line, name: str) -> str:
    return line.verbose(name)


@register.simple_tag
def support_cell(line, row, name: str) -> str:
    value = line.value(row, name)
    return intcomma(value) if isinstance(value, int) and name != "year" else value


@register.filter
def subtract(value, other) -> int:
    return (value or 0) - (other or 0)
