"""Reading uploaded tables (CSV or XLSX) into numbered rows.

Row numbers are the ones a person sees in a spreadsheet: the header is row 1. A cell the portal's own export
marked as text (a leading apostrophe before ``= + - @``, ``core.spreadsheets.read_back``) is read as the text it
marked: a template sent back unchanged changes nothing. Every cell is NFC, as every other text input is.
CSV files are read as UTF-8 (with or without BOM) and, failing that, as CP949,
which is what Korean Excel writes.

A table is at most ``MAX_TABLE_ROWS`` rows that hold something, by ``MAX_TABLE_COLUMNS`` columns, and no row
lies past a spreadsheet's last (1,048,576). A file of a few kilobytes can claim more: an XLSX whose sheet names
cell XFD1048576 (or says so in its dimension) made openpyxl hand over a million rows of 16,384 empty cells each
(an hour of work), and a CSV header of a million commas made every row a million cells. The reader never pads
past the bound and refuses a larger table by saying so; blank rows (a column formatted to the sheet's end) are
skipped.
"""
import csv
import io
import re
import unicodedata
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime
from typing import BinaryIO

from django.utils.translation import gettext as _

from core.spreadsheets import read_back

MAX_TABLE_ROWS = 20_000  # a ministry's rows, a designation list: a few thousand at most
MAX_TABLE_COLUMNS = 200
MAX_TABLE_CELLS = 100_000  # filled cells of an XLSX sheet
LAST_SHEET_ROW = 1_048_576


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


def _nfc(text: str) -> str:
    """A cell's text as every text input enters the portal: NFC (macOS and some tools write Hangul as NFD)."""
    return unicodedata.normalize("NFC", text).strip()


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

    not_a_workbook = TableError(_("The file is not a valid XLSX workbook."))
    try:
        with zipfile.ZipFile(io.BytesIO(raw)) as archive:
            check_archive(archive)  # the archive's declared sizes first, so openpyxl never inflates a bomb
            workbook = load_workbook(io.BytesIO(raw), read_only=True, data_only=True)
            sheet = workbook.worksheets[0]
            _check_cells(archive, sheet._worksheet_path)
    except ValidationError as error:
        raise TableError(" ".join(error.messages)) from error
    except TableError:
        raise
    except Exception as error:  # a bad zip, or any of the many kinds openpyxl raises for a file not a workbook
        raise not_a_workbook from error
    try:
        sheet.reset_dimensions()  # the file's own claim of its size is not padded to
        for values in sheet.iter_rows(max_col=MAX_TABLE_COLUMNS + 1, values_only=True):
            empty = values.count(None) == len(values)  # a blank row costs no call per cell
            yield [] if empty else [_cell_text(value) for value in values]
    except Exception as error:  # the sheet's XML is read only now: broken, or a cell openpyxl cannot read
        raise not_a_workbook from error
    finally:
        workbook.close()


CELL = re.compile(rb"<(?:[A-Za-z_][\w.-]{0,30}:)?c[\s/>]")


def _check_cells(archive: zipfile.ZipFile, path: str) -> None:
    """Refuse a sheet of more than ``MAX_TABLE_CELLS`` cells, counted in its XML before openpyxl parses it
    (it parses every cell of a row, also those past the columns read, at some 25,000 cells a second)."""
    count, carry, more = 0, b"", True
    with archive.open(path.lstrip("/")) as xml:
        while more and count <= MAX_TABLE_CELLS:
            chunk = xml.read(1 << 20)
            more = bool(chunk)
            data = carry + chunk
            end = max(len(data) - 64, 0) if more else len(data)  # a cell begun in the last bytes counts next time
            count += sum(1 for match in CELL.finditer(data) if match.start() < end)
            carry = data[end:]
    if count > MAX_TABLE_CELLS:
        raise TableError(_("The file has more than %(count)s cells.") % {"count": f"{MAX_TABLE_CELLS:,}"})


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
    columns = [read_back(_nfc(cell)).lower() for cell in header]  # a header the portal wrote (a template's)
    while columns and not columns[-1]:
        columns.pop()
    if len(columns) > MAX_TABLE_COLUMNS:
        raise TableError(_("The file has more than %(count)s columns.") % {"count": MAX_TABLE_COLUMNS})
    rows = []
    for number, cells in enumerate(lines, start=2):
        if number > LAST_SHEET_ROW or len(rows) == MAX_TABLE_ROWS:
            raise TableError(_("The file has more than %(count)s rows.") % {"count": MAX_TABLE_ROWS})
        if not any((cell or "").strip() for cell in cells):
            continue
        padded = list(cells) + [""] * (len(columns) - len(cells))
        rows.append((number, {column: read_back(_nfc(padded[i] or ""))
                              for i, column in enumerate(columns) if column}))
    return Table(columns=columns, rows=rows)
