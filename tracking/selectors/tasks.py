"""Reads of selected tasks: the list, one task with everything on its page, its KPI roll-up and timeline."""
from collections import defaultdict
from dataclasses import dataclass
from datetime import date

from django.db.models import Count, OuterRef, Prefetch, QuerySet, Subquery, Sum
from django.db.models.functions import Coalesce
from django.utils import timezone

from applications.models import BudgetSource, KpiIndicator, KpiTarget
from applications.selectors.layout import in_round_layout
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


def late_reports(queryset: QuerySet[ProgressReport] | None = None, today: date | None = None
                 ) -> QuerySet[ProgressReport]:
    """Reports past their due date that the council does not have: never submitted, or returned."""
    queryset = ProgressReport.objects.all() if queryset is None else queryset
    return queryset.filter(due_on__lt=today or timezone.localdate(), status__in=REPORT_EDITABLE)


def _per_task(queryset, total):
    """A subquery of one figure per task (``total`` over ``queryset`` grouped by task), so several figures can
    stand beside each other without their joins multiplying one another."""
    per_task = queryset.filter(task=OuterRef("pk")).values("task").annotate(total=total).values("total")
    return Coalesce(Subquery(per_task), 0)


def task_list(user, today: date | None = None) -> QuerySet[SelectedTask]:
    """The tasks ``user`` may see with the national funding agreed and paid and the late reports counted."""
    today = today or timezone.localdate()
    national = AgreementLine.objects.filter(source=BudgetSource.NATIONAL)
    return (tasks_for_user(user)
            .select_related("contest", "local_government__province")
            .annotate(agreed_national_krw=_per_task(national, Sum("amount_krw")),
                      disbursed_national_krw=_per_task(national, Sum("disbursements__amount_krw")),
                      late_report_count=_per_task(late_reports(today=today), Count("pk")))
            .order_by("contest__year", "local_government__province__code", "local_government__code"))


def with_details(tasks: QuerySet[SelectedTask]) -> QuerySet[SelectedTask]:
    """``tasks`` with what a task's page (and the API's task) shows, fetched in a fixed number of queries."""
    return (tasks
            .select_related("contest", "local_government__province", "decision__run", "proposal")
            .prefetch_related(
                Prefetch("agreement_lines", queryset=AgreementLine.objects.annotate(
                    disbursed_krw=Sum("disbursements__amount_krw")).order_by("year", BudgetSource.ordering())),
                "agreement_lines__disbursements", "milestones", "grades__graded_by",
                "plan_inclusions__confirmed_by", "continuation_evaluations__decided_by",
                Prefetch("reports", queryset=ProgressReport.objects.prefetch_related("kpi_actuals")),
                "recruitments",
                Prefetch("recruitments__applications",
                         queryset=CompanyApplication.objects.order_by("applied_at", "pk")),
                "support_rows"))


def task_detail(task_id: int) -> SelectedTask:
    """One task with its page's rows, its local government standing as on its round's date
    (``applications.selectors.layout``)."""
    return in_round_layout([with_details(SelectedTask.objects.all()).get(pk=task_id)])[0]


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
