"""Reads of selected tasks: the list, one task with everything on its page, its KPI roll-up and timeline."""
from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime

from django.db.models import Count, OuterRef, Prefetch, Q, QuerySet, Subquery, Sum
from django.utils import timezone

from applications.models import KpiIndicator, KpiTarget
from audit.models import ACTION_LABELS, AuditEntry
from tracking.models import (
    REPORT_EDITABLE,
    AgreementLine,
    CompanyApplication,
    KpiActual,
    ProgressReport,
    ReportStatus,
    SelectedTask,
)
from tracking.permissions import tasks_for_user
from tracking.support_lines import LINES


def late_reports(queryset: QuerySet[ProgressReport] | None = None, today: date | None = None
                 ) -> QuerySet[ProgressReport]:
    """Reports past their due date that the council does not have: never submitted, or returned."""
    queryset = ProgressReport.objects.all() if queryset is None else queryset
    return queryset.filter(due_on__lt=today or timezone.localdate(), status__in=REPORT_EDITABLE)


def task_list(user, today: date | None = None) -> QuerySet[SelectedTask]:
    """The tasks ``user`` may see with the money agreed and paid and the late reports counted, in SQL."""
    today = today or timezone.localdate()
    paid = (AgreementLine.objects.filter(task=OuterRef("pk"))
            .values("task").annotate(total=Sum("disbursements__amount_krw")).values("total"))
    return (tasks_for_user(user)
            .select_related("contest", "local_government__province")
            .annotate(agreed_national_krw=Sum("agreement_lines__amount_krw",
                                              filter=Q(agreement_lines__source="national")),
                      disbursed_krw=Subquery(paid),
                      late_report_count=Count("reports", distinct=True,
                                              filter=Q(reports__due_on__lt=today,
                                                       reports__status__in=REPORT_EDITABLE)))
            .order_by("contest__year", "local_government__province__code", "local_government__code"))


def task_detail(task_id: int) -> SelectedTask:
    """One task with what its page shows, fetched in a fixed number of queries."""
    return (SelectedTask.objects
            .select_related("contest", "local_government__province", "decision__run", "proposal")
            .prefetch_related(
                Prefetch("agreement_lines", queryset=AgreementLine.objects.annotate(
                    disbursed_krw=Sum("disbursements__amount_krw")).order_by("year", "source")),
                "agreement_lines__disbursements", "milestones", "grades__graded_by",
                "plan_inclusions__confirmed_by",
                Prefetch("reports", queryset=ProgressReport.objects.prefetch_related("kpi_actuals")),
                "recruitments",
                Prefetch("recruitments__applications", queryset=CompanyApplication.objects.order_by("applied_at")),
                "visa_allocations", "fund_projects", "rural_facilities", "commercialization__item")
            .get(pk=task_id))


@dataclass(frozen=True)
class KpiLine:
    indicator: str
    label: str
    target: int
    actual: int

    @property
    def achievement_pct(self) -> int | None:
        return None if not self.target else round(self.actual * 100 / self.target)


def kpi_rollup(tasks: QuerySet[SelectedTask]) -> dict[int, list[KpiLine]]:
    """Per task, each indicator's target (from the proposal) and the sum of the accepted reports' actuals.
    Two queries whatever the number of tasks."""
    targets = defaultdict(dict)
    for row in KpiTarget.objects.filter(proposal__task__in=tasks).values("proposal__task", "indicator", "target"):
        targets[row["proposal__task"]][row["indicator"]] = row["target"]
    actuals = defaultdict(dict)
    for row in (KpiActual.objects.filter(report__task__in=tasks, report__status=ReportStatus.ACCEPTED)
                .values("report__task", "indicator").annotate(total=Sum("actual"))):
        actuals[row["report__task"]][row["indicator"]] = row["total"]
    rollup = {}
    for task_id in set(targets) | set(actuals):
        rollup[task_id] = [KpiLine(indicator, str(label), targets[task_id].get(indicator, 0),
                                   actuals[task_id].get(indicator, 0))
                           for indicator, label in KpiIndicator.choices
                           if indicator in targets[task_id] or indicator in actuals[task_id]]
    return rollup


@dataclass(frozen=True)
class TimelineEvent:
    at: datetime | date
    label: str
    detail: str = ""
    who: str = ""
    why: str = ""


def _as_datetime(moment) -> datetime:
    if isinstance(moment, datetime):
        return moment
    return timezone.make_aware(datetime(moment.year, moment.month, moment.day))


def timeline(task: SelectedTask) -> list[TimelineEvent]:
    """The task's life from the proposal's first draft to today: the proposal's versions, the selection, and
    every change written to the trail since, oldest first."""
    proposal, run = task.proposal, task.decision.run
    events = [TimelineEvent(proposal.created_at, _label("proposal.created"))]
    for version in proposal.versions.select_related("submitted_by").order_by("number"):
        events.append(TimelineEvent(version.submitted_at, _label("proposal.submitted"), f"v{version.number}",
                                    str(version.submitted_by)))
    for moment, action in ((run.approved_at, "selection.run_approved"), (run.published_at, "selection.run_published"),
                           (run.confirmed_at, "selection.run_confirmed")):
        if moment:
            events.append(TimelineEvent(moment, _label(action), f"#{run.number}"))
    entries = (AuditEntry.objects.filter(target_type=task._meta.label_lower, target_id=str(task.pk))
               .select_related("actor").order_by("at", "pk"))
    for entry in entries:
        events.append(TimelineEvent(entry.at, entry.action_label, _describe(entry.changes),
                                    str(entry.actor) if entry.actor else "", entry.reason))
    return sorted(events, key=lambda event: _as_datetime(event.at))


def _label(action: str) -> str:
    return str(ACTION_LABELS[action])


def _describe(changes: dict) -> str:
    """The changes as a short line: ``field: old → new`` or ``field: value``."""
    parts = []
    for name, value in changes.items():
        if name == "line" and value in LINES:
            value = LINES[value].label
        if isinstance(value, list) and len(value) == 2:
            parts.append(f"{name}: {value[0] if value[0] is not None else '—'} → {value[1]}")
        elif not isinstance(value, dict):
            parts.append(f"{name}: {value}")
    return " · ".join(parts)
