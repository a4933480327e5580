"""The ministry desk: one ministry's support lines across every selected task it supports, as one table the
page lists, the XLSX export writes and the upload template prefills. A ministry supports the tasks of every
contest it takes part in (a contest that names no ministry takes all of them)."""
from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Exists, OuterRef, Q, QuerySet
from django.utils.translation import gettext as _

from applications.models import Contest
from applications.selectors.layout import in_round_layout, in_round_province
from core.fields import ascii_whole_number
from ministries.models import Ministry
from ministries.registry import LineSpec, support_lines
from tracking.desk_template import FIXED, line_cell, template_columns
from tracking.models import SelectedTask, SupportLineRow, TaskStatus
from tracking.permissions import supported_tasks, taking_part


def ministry_lines(ministry: Ministry) -> dict[str, LineSpec]:
    """The ministry's own lines by code, from the one registry (three queries)."""
    return {code: line for code, line in support_lines().items() if line.ministry_id == ministry.pk}


def contests_of(ministry: Ministry) -> QuerySet[Contest]:
    """The contests with selected tasks that ``ministry`` takes part in (or that name no ministry)."""
    return (Contest.objects.filter(tasks__isnull=False).filter(taking_part(ministry.pk, "pk"))
            .distinct().order_by("-application_closes_at", "pk"))


def desk_tasks(ministry: Ministry, params) -> QuerySet[SelectedTask]:
    """The tasks the ministry supports (``tracking.permissions.supported_tasks``), filtered by ``params``:
    ``contest`` (id), ``province`` (code, on each task's round's date), ``status``, ``q`` (title or local
    government), ``rows`` (``with``/``without`` a row of the ministry's lines)."""
    tasks = (supported_tasks(ministry.pk).select_related("contest", "proposal", "local_government__province")
             .prefetch_related("contest__participating_ministries")  # the predicate asked per row reads these
             .order_by("-contest__application_closes_at", "contest", "local_government__province__code",
                       "local_government__code", "pk"))
    contest_id = ascii_whole_number(params.get("contest"))
    if contest_id is not None:
        tasks = tasks.filter(contest_id=contest_id)
    if params.get("province"):  # each task judged in its own round's layout
        tasks = in_round_province(tasks, params["province"])
    if params.get("status") in TaskStatus.values:
        tasks = tasks.filter(status=params["status"])
    text = (params.get("q") or "").strip()
    if text:
        tasks = tasks.filter(Q(title__icontains=text) | Q(local_government__name_ko__icontains=text)
                             | Q(local_government__name_en__icontains=text))
    own_rows = SupportLineRow.objects.filter(task=OuterRef("pk"), line__ministry=ministry)
    if params.get("rows") == "with":
        tasks = tasks.filter(Exists(own_rows))
    elif params.get("rows") == "without":
        tasks = tasks.filter(~Exists(own_rows))
    return tasks


@dataclass
class DeskRow:
    task: SelectedTask
    rows: dict[str, list[SupportLineRow]] = field(default_factory=dict)  # by line code

    def count(self, code: str) -> int:
        return len(self.rows.get(code, []))

    def total(self, code: str, measure: str) -> int:
        """A summed measure's total over the task's rows of one line, in whole units (KRW, persons)."""
        return sum(int(row.values.get(measure) or 0) for row in self.rows.get(code, []))


@dataclass
class DeskTable:
    lines: dict[str, LineSpec]
    rows: list[DeskRow]

    @property
    def headers(self) -> list[str]:
        headers = [_("Contest"), _("Receipt number"), _("Province"), _("Local government"), _("Task"), _("Status")]
        for line in self.lines.values():
            headers.append(_("%(line)s: rows") % {"line": line.label})
            headers += [f"{line.label}: {measure.name}" for measure in line.summed]
        return headers

    def cells(self, row: DeskRow) -> list:
        task = row.task
        cells = [task.contest.name, task.proposal.receipt_number, task.local_government.as_of.province.name,
                 task.local_government.as_of.name, task.title, task.get_status_display()]
        for code, line in self.lines.items():
            cells.append(row.count(code))
            cells += [row.total(code, measure.code) for measure in line.summed]
        return cells

    def line_rows(self) -> list[tuple[LineSpec, list[tuple[SelectedTask, SupportLineRow]]]]:
        """Each of the ministry's lines with its rows across the listed tasks: the line's table across tasks
        (the desk shows each row as a form in place, ``tracking.forms.desk_row_form``)."""
        return [(line, [(desk_row.task, row) for desk_row in self.rows for row in desk_row.rows.get(code, [])])
                for code, line in self.lines.items()]

    @property
    def totals(self) -> list:
        """The footer: the number of tasks, then each line's rows and summed measures over every listed task."""
        totals = [_("Total"), "", "", "", len(self.rows), ""]
        for code, line in self.lines.items():
            totals.append(sum(row.count(code) for row in self.rows))
            totals += [sum(row.total(code, measure.code) for row in self.rows) for measure in line.summed]
        return totals


def desk_table(ministry: Ministry, params) -> DeskTable:
    """Every task the ministry supports (filtered) with its rows of the ministry's lines: the registry (three
    queries), the tasks (one, and three to stand them in their rounds' layouts) and their rows (one), whatever
    the number of tasks."""
    lines = ministry_lines(ministry)
    tasks = in_round_layout(desk_tasks(ministry, params))
    by_task: dict[int, dict[str, list]] = defaultdict(lambda: defaultdict(list))
    codes = {line.pk: code for code, line in lines.items()}
    if tasks and lines:
        for row in SupportLineRow.objects.filter(task__in=[task.pk for task in tasks], line_id__in=codes) \
                .order_by("task", "line", "pk"):
            by_task[row.task_id][codes[row.line_id]].append(row)
    return DeskTable(lines=lines, rows=[DeskRow(task=task, rows=dict(by_task.get(task.pk, {}))) for task in tasks])


def template_sheet(table: DeskTable) -> tuple[list[str], list[str], list[list]]:
    """The upload template (``tracking.desk_template``): the columns' names in the active language, their codes
    (the template's hidden second row) and a row per existing row, and an empty one per task and line that has
    none yet, to fill in; the line named as the officer knows it."""
    columns = template_columns(table.lines)
    measures = [column.code for column in columns if column.code not in FIXED]
    rows = []
    for desk_row in table.rows:
        task = desk_row.task
        about = [task.pk, task.proposal.receipt_number, task.local_government.as_of.name, task.title]
        for code, line in table.lines.items():
            for values in [row.values for row in desk_row.rows.get(code, [])] or [{}]:
                rows.append([*about, line_cell(line, table.lines), *[values.get(measure, "") for measure in measures]])
    return [column.name for column in columns], [column.code for column in columns], rows
