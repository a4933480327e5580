"""Reading uploaded tables (CSV or XLSX) into numbered rows.

Row numbers are the ones a person sees in a spreadsheet: the header is row 1.
CSV files are read as UTF-8 (with or without BOM) and, failing that, as CP949,
which is what Korean Excel writes.
"""
import csv
import io
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime
from typing import BinaryIO

from django.utils.translation import gettext as _


class TableError(Exception):
    """The file cannot be read as a table at all."""


@dataclass(frozen=True)
class Table:
    columns: list[str]
    rows: list[tuple[int, dict[str, str]]]


def _cell_text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def _decode(raw: bytes) -> str:
    for encoding in ("utf-8-sig", "cp949"):
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise TableError(_("The file is neither UTF-8 nor CP949 text."))


def _csv_rows(raw: bytes) -> Iterator[list[str]]:
    text = _decode(raw)
    try:
        yield from csv.reader(io.StringIO(text))
    except csv.Error as error:
        raise TableError(_("The CSV file is malformed: %(error)s") % {"error": error}) from error


def _xlsx_rows(raw: bytes) -> Iterator[list[str]]:
    from django.core.exceptions import ValidationError
    from openpyxl import load_workbook

    from core.uploads import check_archive

    try:
        with zipfile.ZipFile(io.BytesIO(raw)) as archive:
            check_archive(archive)  # the archive's declared sizes first, so openpyxl never inflates a bomb
        workbook = load_workbook(io.BytesIO(raw), read_only=True, data_only=True)
    except ValidationError as error:
        raise TableError(" ".join(error.messages)) from error
    except Exception as error:  # a bad zip, or any of the many kinds openpyxl raises for a file not a workbook
        raise TableError(_("The file is not a valid XLSX workbook.")) from error
    try:
        for values in workbook.worksheets[0].iter_rows(values_only=True):
            yield [_cell_text(value) for value in values]
    finally:
        workbook.close()


def check_table_name(file_name: str) -> None:
    """Refuse by its name a file that is neither CSV nor XLSX: the upload form asks before the file is read."""
    if not file_name.lower().endswith((".csv", ".xlsx")):
        raise TableError(_("Only CSV and XLSX files can be imported."))


def read_table(stream: BinaryIO, file_name: str) -> Table:
    """Read a CSV or XLSX file; blank lines are skipped but keep their numbers."""
    check_table_name(file_name)
    raw = stream.read()
    lines = _csv_rows(raw) if file_name.lower().endswith(".csv") else _xlsx_rows(raw)
    lines = iter(lines)
    header = next(lines, None)
    if not header or not any(cell.strip() for cell in header):
        raise TableError(_("The file is empty: row 1 must hold the column names."))
    columns = [cell.strip().lower() for cell in header]
    rows = []
    for number, cells in enumerate(lines, start=2):
        if not any((cell or "").strip() for cell in cells):
            continue
        padded = list(cells) + [""] * (len(columns) - len(cells))
        rows.append((number, {column: (padded[i] or "").strip() for i, column in enumerate(columns) if column}))
    return Table(columns=columns, rows=rows)
