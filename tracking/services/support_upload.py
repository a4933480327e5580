"""A ministry's support rows from one spreadsheet, all or nothing.

The sheet is the desk's template (``tracking.desk_template``): the task's number, the line and a column per
measure of the ministry's lines (the receipt number, local government and title are there for the reader and
ignored). Every row is checked first, against the same rules as a single edit (the task is one the
ministry supports, of a contest it takes part in; the line is the ministry's own; each value fits its measure;
the line's rules hold; one row per key); any problem refuses the whole file, naming the row and the column (its
letter and its name). A row whose measure cells are all empty is a template row left blank (the
template has one per task and line without a row yet) and is left aside, not refused; a row with any value is
checked whole. Columns are read by the template's hidden row of codes, or, without it, by row 1: a column's
code (the templates of before) or its name in Korean or English; a line by its code or its name. Then each row
is written through ``save_support_row`` (the same permission and audit as a single edit) and the upload itself
is recorded.
Text is NFC-normalised; a choice may be given by its code or its name.
"""
import unicodedata
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from openpyxl.utils import get_column_letter

from audit.services import record
from core.fields import ascii_whole_number
from ministries.models import Ministry
from ministries.registry import LineSpec
from ministries.values import clean_values
from regions.tabular import Table
from tracking.desk_template import INFORMATIONAL, TemplateColumn, by_code, line_code, template_columns
from tracking.models import SupportLineRow
from tracking.permissions import can_edit_support_line, can_upload_support_rows

from .refusals import TrackingRefused
from .support import save_support_row

MAX_ROWS = 2000


@dataclass(frozen=True)
class UploadProblem:
    row: int
    column: str  # the column's letter ("D"), or "" for the whole row or file
    message: str
    name: str = ""  # the column's name ("Amount (KRW)", "Task number") or, for a column of no template, its heading

    def __str__(self) -> str:
        if self.column:
            return _("Row %(row)s, column %(letter)s (%(name)s): %(message)s") % {
                "row": self.row, "letter": self.column, "name": self.name, "message": self.message}
        return _("Row %(row)s: %(message)s") % {"row": self.row, "message": self.message}


class UploadRefused(Exception):
    """The file was refused and nothing was written; ``problems`` say where and why."""

    def __init__(self, problems: list[UploadProblem]):
        super().__init__("; ".join(str(problem) for problem in problems))
        self.problems = problems


@dataclass(frozen=True)
class UploadResult:
    created: int
    updated: int
    unchanged: int
    skipped: int = 0  # template rows left blank


def _nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text or "").strip()


def _choice_code(line: LineSpec, code: str, text: str) -> str:
    """A choice cell as its option code: the code itself, or the option's Korean or English name."""
    measure = line.measure(code)
    for option, name_ko, name_en in measure.options:
        if text in (option, _nfc(name_ko), _nfc(name_en)):
            return option
    return text


class _Sheet:
    def __init__(self, table: Table, lines: dict[str, LineSpec], actor, columns: list[TemplateColumn]):
        self.table, self.lines, self.actor = table, lines, actor
        self.names = {column.code: column.name for column in columns}
        self.letters = {name: get_column_letter(index + 1) for index, name in enumerate(table.columns)}
        self.problems: list[UploadProblem] = []

    def refuse(self, row: int, column: str, message: str, line: LineSpec | None = None) -> None:
        """Record a problem of ``column`` (its code), named by its letter and by ``line``'s (or any line's)
        measure of that code, else by the template's name of the column, else by its heading."""
        if column not in self.letters:
            self.problems.append(UploadProblem(row, "", message))
            return
        measure = next((measure for each in (line, *self.lines.values()) if each is not None
                        for measure in each.measures if measure.code == column), None)
        self.problems.append(UploadProblem(row, self.letters[column], message,
                                           measure.name if measure else self.names.get(column, column)))

    @staticmethod
    def blank(cells: dict[str, str]) -> bool:
        """Whether a row is a template row left blank: nothing but the task and line it was prefilled with."""
        return not any(_nfc(value) for name, value in cells.items()
                       if name not in {"task_id", "line", *INFORMATIONAL})

    def check_columns(self) -> None:
        measures = {measure.code for line in self.lines.values() for measure in line.measures}
        for name in self.table.columns:
            if name and name not in {"task_id", "line", *INFORMATIONAL, *measures}:
                self.refuse(1, name, _("Not a column of the template: keep the template's column names (or "
                                       "their codes) and your lines' measures."))
        for index, name in enumerate(self.table.columns):
            if name and self.table.columns.index(name) != index:  # a second one would silently win
                self.problems.append(UploadProblem(1, get_column_letter(index + 1), _("This column appears twice."),
                                                   self.names.get(name, name)))
        for code in ("task_id", "line"):
            if code not in self.table.columns and (code == "task_id" or len(self.lines) != 1):
                self.problems.append(UploadProblem(1, "", _("The column %(name)s is missing.")
                                                   % {"name": self.names[code]}))
        if not self.table.rows:
            self.problems.append(UploadProblem(2, "", _("The file has no data rows.")))
        if len(self.table.rows) > MAX_ROWS:
            self.problems.append(UploadProblem(1, "", _("At most %(count)s rows at a time.") % {"count": MAX_ROWS}))

    def parse(self, number: int, cells: dict[str, str], tasks: dict[int, Any]):
        """One row as (task, line, cleaned values), or None after recording its problems."""
        before = len(self.problems)
        cells = {name: _nfc(value) for name, value in cells.items()}
        task_text = cells.get("task_id", "")
        task = tasks.get(ascii_whole_number(task_text))
        if task is None:
            self.refuse(number, "task_id", _("No task your ministry supports has this number."))
        code = line_code(cells.get("line", ""), self.lines) or (next(iter(self.lines)) if len(self.lines) == 1
                                                                 else "")
        line = self.lines.get(code)
        if line is None:
            self.refuse(number, "line", _("Not one of your ministry's lines: %(lines)s.")
                        % {"lines": ", ".join(str(each.label) for each in self.lines.values())})
            return None
        if task is not None:  # a task of a contest the ministry takes no part in, whoever listed it
            decision = can_edit_support_line(self.actor, line, task)
            if not decision:
                self.refuse(number, "task_id", decision.reason)
        own = {measure.code for measure in line.measures}
        for name, value in cells.items():
            if value and name not in own and name not in {"task_id", "line", *INFORMATIONAL}:
                self.refuse(number, name, _("%(line)s has no such measure; leave it empty.") % {"line": line.label},
                            line)
        values = {measure.code: (_choice_code(line, measure.code, cells[measure.code])
                                 if measure.type == "choice" else cells[measure.code])
                  for measure in line.measures if cells.get(measure.code)}
        try:
            cleaned = clean_values(line, values, named=False)  # the column names the measure
        except ValidationError as error:
            for code, messages in error.message_dict.items():
                self.refuse(number, code, " ".join(messages), line)
            return None
        return None if len(self.problems) > before else (task, line, cleaned)


def import_support_rows(*, actor, ministry: Ministry, table: Table, lines: dict[str, LineSpec],
                        tasks: dict[int, Any], file_name: str, reason: str = "") -> UploadResult:
    """Write the sheet's rows for ``ministry`` (``lines``: its lines; ``tasks``: the tasks it supports, by id)
    or refuse it whole with :class:`UploadRefused`. A row whose task already has a row with the same key values
    changes that row; an identical one is left alone; any other is added; a template row left blank is left
    aside (counted as ``skipped``)."""
    decision = can_upload_support_rows(actor, ministry)
    if not decision:
        raise UploadRefused([UploadProblem(1, "", decision.reason)])
    columns = template_columns(lines)
    sheet = _Sheet(by_code(table, columns), lines, actor, columns)
    table = sheet.table
    sheet.check_columns()
    if sheet.problems:
        raise UploadRefused(sheet.problems)
    parsed, first_row_of, skipped = [], {}, 0
    for number, cells in table.rows:
        if sheet.blank(cells):
            skipped += 1
            continue
        result = sheet.parse(number, cells, tasks)
        if result is None:
            continue
        task, line, cleaned = result
        key = (task.pk, line.code, line.key_of(cleaned))
        if key in first_row_of:
            sheet.refuse(number, "", _("The same row as row %(row)s (the same task and %(keys)s).")
                         % {"row": first_row_of[key], "keys": ", ".join(
                             measure.name for measure in line.measures if measure.key) or line.label})
            continue
        first_row_of[key] = number
        parsed.append((number, task, line, cleaned))
    if not parsed and not sheet.problems:
        sheet.problems.append(UploadProblem(2, "", _("Every row is empty: fill the measure columns of the rows to "
                                                     "save.")))
    if sheet.problems:
        raise UploadRefused(sheet.problems)
    return _write(actor, ministry, parsed, file_name, reason, skipped)


@transaction.atomic
def _write(actor, ministry: Ministry, parsed: list, file_name: str, reason: str, skipped: int) -> UploadResult:
    existing = {(row.task_id, row.line_id, row.key): row for row in SupportLineRow.objects.select_for_update()
                .filter(task__in={task.pk for _n, task, _l, _c in parsed}, line__ministry=ministry)}
    created = updated = unchanged = 0
    why = reason or _("Uploaded from %(file)s") % {"file": file_name}
    for number, task, line, cleaned in parsed:
        row = existing.get((task.pk, line.pk, line.key_of(cleaned)))
        if row is not None and row.values == cleaned:
            unchanged += 1
            continue
        try:
            save_support_row(actor=actor, task=task, line=line, row=row, values=cleaned, reason=why)
        except (TrackingRefused, ValidationError) as error:  # a race with another writer: nothing of it stays
            raise UploadRefused([UploadProblem(number, "", str(error))]) from error
        created, updated = (created + 1, updated) if row is None else (created, updated + 1)
    record(actor=actor, action="tracking.support_uploaded", target=ministry, reason=why,
           changes={"file": file_name, "created": created, "updated": updated, "unchanged": unchanged,
                    "skipped": skipped})
    return UploadResult(created=created, updated=updated, unchanged=unchanged, skipped=skipped)
