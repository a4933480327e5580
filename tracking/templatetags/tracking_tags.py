"""Template helpers for tracking pages: support-line cells described by the ministries' registry, and the
task status badge's colour."""
from django import template

from core.formats import number
from ministries.models import NUMERIC_TYPES
from tracking.models import TaskStatus

register = template.Library()

TASK_BADGES = {
    TaskStatus.PREPARING: "text-bg-warning",
    TaskStatus.RUNNING: "text-bg-success",
    TaskStatus.SUSPENDED: "text-bg-danger",
    TaskStatus.COMPLETED: "text-bg-secondary",
}


@register.filter
def task_badge(status: str) -> str:
    """``{{ task.status|task_badge }}``: the Bootstrap class of the task status badge."""
    return TASK_BADGES.get(status, TASK_BADGES[TaskStatus.PREPARING])


@register.simple_tag
def measure_cell(measure, values: dict) -> str:
    """One measure's value of a row as a person reads it: KRW and counts with separators, options by name."""
    value = measure.display((values or {}).get(measure.code))
    return number(value) if measure.type in NUMERIC_TYPES and value != "" else value


@register.filter
def subtract(value, other) -> int:
    return (value or 0) - (other or 0)
