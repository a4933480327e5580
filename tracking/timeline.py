"""A task's timeline: the proposal's versions, the selection and every change written to the audit trail
against the task since, each told in the reader's language."""
from dataclasses import dataclass
from datetime import date, datetime

from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from applications.models import BudgetSource, GrowthStage
from audit.models import AuditEntry
from audit.registry import action_label
from core.formats import half_year_code, number
from ministries.registry import LineSpec, support_lines

from .models import ApplicationStatus, ContinuationOutcome, Grade, SelectedTask, TaskStatus

LABELS = {
    "year": _("year"), "source": _("source"), "amount_krw": _("amount (KRW)"), "paid_on": _("paid on"),
    "disbursed_krw": _("disbursed so far (KRW)"), "status": _("status"), "milestone": _("milestone"),
    "title": pgettext_lazy("recruitment", "title"), "due_on": _("due on"), "completed_on": _("completed on"),
    "period": _("period"),
    "submission": _("submission"), "grade": _("grade"), "plan": _("plan"), "line": _("support line"),
    "row": _("row"), "company": _("company"), "support_received_krw": _("support received (KRW)"),
    "growth_stage": _("growth stage"), "run": _("selection run"), "national_krw": _("national funding (KRW)"),
    "opens_on": _("applications open"), "closes_on": _("applications close"), "outcome": _("outcome"),
    "conditional_from_year": _("funded on condition from"),
}
CHOICES = {"source": (BudgetSource,), "status": (TaskStatus, ApplicationStatus), "grade": (Grade,),
           "growth_stage": (GrowthStage,), "outcome": (ContinuationOutcome,)}


@dataclass(frozen=True)
class TimelineEvent:
    at: datetime
    label: str
    detail: str = ""
    who: str = ""
    why: str = ""


def _value(name: str, value, line: LineSpec | None = None) -> str:
    if value is None or value == "":
        return "—"
    measure = line.measure(name) if line is not None else None
    if measure is not None:
        shown = measure.display(value)
        return number(shown) if measure.is_number else str(shown)
    if name == "period":
        return half_year_code(value)
    for choices in CHOICES.get(name, ()):
        if value in choices.values:
            return str(choices(value).label)
    if isinstance(value, int) and name not in ("year", "run", "submission", "conditional_from_year"):
        return number(value)
    return str(value)


def _label(name: str, line: LineSpec | None) -> str:
    measure = line.measure(name) if line is not None else None
    if measure is not None:
        return measure.name
    if name in LABELS:
        return str(LABELS[name])
    return name


def describe(changes: dict, lines: dict[str, LineSpec] | None = None) -> str:
    """The stored changes as one line: ``label: old → new`` or ``label: value``; a support row's measures
    are named and shown as its line (from ``lines``, the registry by code) describes them."""
    line = (lines or {}).get(changes.get("line"))
    parts = []
    for name, value in changes.items():
        if name == "line" and line is not None:
            parts.append(f"{_label(name, None)}: {line.label}")
        elif isinstance(value, list) and len(value) == 2:
            parts.append(f"{_label(name, line)}: {_value(name, value[0], line)} → {_value(name, value[1], line)}")
        elif not isinstance(value, dict | list):
            parts.append(f"{_label(name, line)}: {_value(name, value, line)}")
    return " · ".join(parts)


def _moment(value: datetime | date) -> datetime:
    if isinstance(value, datetime):
        return value
    return timezone.make_aware(datetime(value.year, value.month, value.day))


def timeline(task: SelectedTask) -> list[TimelineEvent]:
    """Oldest first, from the proposal's first draft to today."""
    proposal, run = task.proposal, task.decision.run
    events = [TimelineEvent(proposal.created_at, action_label("proposal.created"))]
    for version in proposal.versions.select_related("submitted_by").order_by("number"):
        events.append(TimelineEvent(version.submitted_at, action_label("proposal.submitted"),
                                    f"v{version.number}", str(version.submitted_by)))
    for moment, action in ((run.approved_at, "selection.run_approved"), (run.published_at, "selection.run_published"),
                           (run.confirmed_at, "selection.run_confirmed")):
        if moment:
            events.append(TimelineEvent(moment, action_label(action), f"#{run.number}"))
    entries = (AuditEntry.objects.filter(target_type=task._meta.label_lower, target_id=str(task.pk))
               .select_related("actor").order_by("at", "pk"))
    lines = support_lines()
    events += [TimelineEvent(entry.at, entry.action_label, describe(entry.changes, lines),
                             str(entry.actor) if entry.actor else "", entry.reason) for entry in entries]
    return sorted(events, key=lambda event: _moment(event.at))
