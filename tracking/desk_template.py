"""The ministry desk's upload template: its columns, named for a person and coded for the upload.

A desk officer reads row 1: each column's name in the language he works in (Korean by default, English), and a
support line by its name. Row 2, hidden, holds the columns' codes (``task_id``, ``line``, each measure's code),
which is what the upload reads the columns by, whatever language row 1 was written in and whatever a measure has
been renamed to since. A sheet without that row is read by row 1, a column known by its code (the templates of
before, whose row 1 was the codes) or by its name in Korean or English. Both are written and read here, so the
template and its upload cannot drift apart.
"""
import unicodedata
from dataclasses import dataclass

from django.utils import translation
from django.utils.translation import gettext_lazy as _

from ministries.registry import LineSpec
from regions.tabular import Table

# The columns every template starts with; the task's number and the line are read, the others are for the reader.
FIXED = {"task_id": _("Task number"), "receipt_number": _("Receipt number"),
         "local_government": _("Local government"), "title": _("Title"), "line": _("Support line")}
INFORMATIONAL = ("receipt_number", "local_government", "title")
LANGUAGES = ("ko", "en")


@dataclass(frozen=True)
class TemplateColumn:
    code: str
    names: tuple[str, str]  # Korean, English

    @property
    def name(self) -> str:
        """The column's name in the active language."""
        return self.names[1] if (translation.get_language() or "").startswith("en") else self.names[0]


def _key(text: str) -> str:
    return unicodedata.normalize("NFC", str(text or "")).strip().casefold()


def _both(label) -> tuple[str, str]:
    names = []
    for language in LANGUAGES:
        with translation.override(language):
            names.append(str(label))
    return names[0], names[1]


def template_columns(lines: dict[str, LineSpec]) -> list[TemplateColumn]:
    """The template's columns in order: the fixed ones, then each measure code of the ministry's lines once (a
    code two lines share is one column, named by the first). A name two columns would share is told apart by
    the code after it."""
    columns = [TemplateColumn(code, _both(label)) for code, label in FIXED.items()]
    for line in lines.values():
        columns += [TemplateColumn(measure.code, (measure.name_ko, measure.name_en)) for measure in line.measures
                    if measure.code not in {column.code for column in columns}]
    told_apart = []
    for column in columns:
        names = tuple(name if sum(_key(other.names[index]) == _key(name) for other in columns) == 1
                      else f"{name} ({column.code})" for index, name in enumerate(column.names))
        told_apart.append(TemplateColumn(column.code, names))
    return told_apart


def line_cell(line: LineSpec, lines: dict[str, LineSpec]) -> str:
    """How the template names ``line``: by its name, unless another of the ministry's lines has the same one."""
    if sum(_key(other.label) == _key(line.label) for other in lines.values()) == 1:
        return str(line.label)
    return line.code


def line_code(text: str, lines: dict[str, LineSpec]) -> str:
    """A line cell as the line's code: the code itself, or the line's Korean or English name."""
    if text in lines:
        return text
    found = [code for code, line in lines.items() if _key(text) in (_key(line.name_ko), _key(line.name_en))]
    return found[0] if len(found) == 1 else text


def _is_code_row(cells: dict[str, str], codes: set[str]) -> bool:
    filled = {value.strip() for value in cells.values() if value and value.strip()}
    return "task_id" in filled and filled <= codes


def by_code(table: Table, columns: list[TemplateColumn]) -> Table:
    """``table`` with its columns named by their codes and without the template's row of codes: by that row
    where the sheet has it (anywhere: a sort may have moved it), else by row 1, a column known by its code or
    by its name in either language. A column known by neither keeps its heading, which the upload refuses by
    its letter."""
    codes = {column.code for column in columns}
    code_rows = [cells for _number, cells in table.rows if _is_code_row(cells, codes)]
    by_name = {_key(name): column.code for column in columns for name in column.names}
    named = []
    for heading in table.columns:
        code = (code_rows[0].get(heading) or "").strip() if code_rows and heading else ""
        named.append(code or (heading if heading in codes else by_name.get(_key(heading), heading)))
    rows = [(number, {named[index]: cells.get(heading, "") for index, heading in enumerate(table.columns)
                      if heading and named[index]})
            for number, cells in table.rows if not _is_code_row(cells, codes)]
    return Table(columns=named, rows=rows)
