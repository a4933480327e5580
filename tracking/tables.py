"""The rows behind the dashboard's figures, as tables a page lists and an XLSX export writes: one
definition per table, so the page, the export and the dashboard's sums read the same rows."""
from collections.abc import Callable
from dataclasses import dataclass
from operator import attrgetter

from django.db.models import Sum
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _

from applications.models import BudgetSource, Contest, KpiIndicator
from applications.selectors.layout import in_round_layout, in_round_province
from ministries.registry import line_for

from .models import AgreementLine, ProgressReport, SelectedTask
from .selectors import kpi_rollup, late_reports
from .selectors.support import contest_rows


@dataclass
class RowsTable:
    title: str
    headers: list[str]
    rows: list[tuple[list, int | None]]  # the cells, and the task the row belongs to
    numeric: tuple[int, ...] = ()  # columns summed in the footer

    @property
    def totals(self) -> list:
        return [sum(cells[index] or 0 for cells, _task in self.rows) if index in self.numeric else ""
                for index in range(len(self.headers))]


def _task_cells(task: SelectedTask) -> list:
    """A task's first cells, its local government named as on its round's date (``_stood`` gave it ``as_of``)."""
    return [task.proposal.receipt_number, task.local_government.as_of.province.name, task.local_government.as_of.name,
            task.title]


def _stood(rows, task: str = "") -> list:
    """``rows`` with their task's local government in the round's layout (``applications.selectors.layout``),
    ordered by that province and code, then as given."""
    prefix = f"{task}__" if task else ""
    rows = in_round_layout(rows, local_government=f"{prefix}local_government", contest=f"{prefix}contest")
    unit = attrgetter(f"{task}.local_government.as_of" if task else "local_government.as_of")
    return sorted(rows, key=lambda row: (unit(row).province.code, unit(row).code))


def _task_headers() -> list[str]:
    return [_("Receipt number"), _("Province"), _("Local government"), _("Task")]


def _tasks(contest: Contest):
    return (SelectedTask.objects.filter(contest=contest)
            .select_related("proposal", "local_government__province")
            .order_by("local_government__province__code", "local_government__code"))


def tasks_table(contest: Contest, params) -> RowsTable:
    tasks = _tasks(contest)
    if params.get("province"):  # the province as the layout stood on the contest's date
        tasks = in_round_province(tasks, params["province"])
    if params.get("status"):
        tasks = tasks.filter(status=params["status"])
    return RowsTable(_("Selected tasks"), [*_task_headers(), _("Status")],
                     [([*_task_cells(task), task.get_status_display()], task.pk) for task in _stood(tasks)])


def money_table(contest: Contest, params) -> RowsTable:
    lines = (AgreementLine.objects.filter(task__contest=contest)
             .select_related("task__proposal", "task__local_government__province")
             .annotate(paid=Sum("disbursements__amount_krw"))
             .order_by("task__local_government__province__code", "task__local_government__code", "year", "source"))
    if params.get("source") in BudgetSource.values:
        lines = lines.filter(source=params["source"])
    headers = [*_task_headers(), _("Year"), _("Source"), _("Agreed (KRW)"), _("Disbursed (KRW)")]
    return RowsTable(_("Funding agreements and disbursements"), headers,
                     [([*_task_cells(line.task), line.year, line.get_source_display(), line.amount_krw,
                        line.paid or 0], line.task_id) for line in _stood(lines, "task")], numeric=(6, 7))


def support_table(contest: Contest, params) -> RowsTable:
    """One line's rows across the contest's tasks, a column per measure; the summed measures' columns are
    the dashboard's figures for the line."""
    line = line_for(params.get("line", ""))
    measures = line.measures
    numeric = tuple(4 + index for index, measure in enumerate(measures) if measure.summed)
    return RowsTable(str(line.label), [*_task_headers(), *[measure.name for measure in measures]],
                     [([*_task_cells(row.task), *[measure.display(row.values.get(measure.code))
                                                   for measure in measures]], row.task_id)
                      for row in _stood(contest_rows(contest, line), "task")], numeric=numeric)


def kpi_table(contest: Contest, params) -> RowsTable:
    tasks = _tasks(contest)
    rollup = kpi_rollup(tasks)
    wanted = params.get("indicator") if params.get("indicator") in KpiIndicator.values else None
    rows = []
    for task in _stood(tasks):
        for kpi in rollup.get(task.pk, []):
            if wanted in (None, kpi.indicator):
                rows.append(([*_task_cells(task), kpi.label, kpi.target, kpi.actual,
                              "" if kpi.achievement_pct is None else kpi.achievement_pct], task.pk))
    return RowsTable(_("KPI achievement"), [*_task_headers(), _("Indicator"), _("Target"),
                                            _("Achieved (accepted reports)"), _("Achievement (%)")],
                     rows, numeric=(5, 6) if wanted else ())


def reports_table(contest: Contest, params) -> RowsTable:
    reports = (ProgressReport.objects.filter(task__contest=contest)
               .select_related("task__proposal", "task__local_government__province")
               .order_by("due_on", "task__local_government__code"))
    if params.get("late"):
        reports = late_reports(reports, today=timezone.localdate())
    return RowsTable(_("Late progress reports") if params.get("late") else _("Progress reports"),
                     [*_task_headers(), _("Period"), _("Due on"), _("Status")],
                     [([*_task_cells(report.task), report.period_label, report.due_on, report.get_status_display()],
                       report.task_id) for report in in_round_layout(reports, local_government="task__local_government",
                                                                     contest="task__contest")])


TABLES: dict[str, Callable[[Contest, dict], RowsTable]] = {
    "tasks": tasks_table, "money": money_table, "support": support_table, "kpis": kpi_table,
    "reports": reports_table,
}


def table_for(name: str, contest: Contest, params) -> RowsTable:
    try:
        build = TABLES[name]
    except KeyError as error:
        raise Http404 from error
    return build(contest, params)
