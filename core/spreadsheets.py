"""The one writer of every CSV and XLSX the portal serves (issue 21, kind 4).

User text reaches these files (titles, names, panel names), and a spreadsheet program treats some text as
instructions. So every cell passes through ``safe_cell``:

- text is text: a value starting with ``= + - @``, a TAB or a CR gets a leading apostrophe (OWASP's advice
  for CSV injection), and XLSX cells are written with the string type, so no text is ever a formula. What a
  spreadsheet program skips or folds before it decides counts too: leading spaces, line breaks and invisible
  characters (`` =1+1``, ``\u3000=1``, ``\ufeff=1``), and the full-width and small forms (``＝ ＋ － ＠``, ``﹦``)
  that Excel's Korean and Japanese input turns into the ASCII ones; so does a
  value that would read as one so marked (apostrophes, then one of those), and ``read_back`` takes the mark
  off a cell of a file the portal wrote and a person sends back (the desk's template), so the text returns as
  it was typed and a key stays the same key;
- control characters are removed (XLSX cannot hold most of them, and openpyxl refused the whole file), line
  breaks kept as LF;
- numbers (int, Decimal, float), dates and None are left as they are: amounts stay whole won a spreadsheet can
  sum (the header names the unit), and dates are date cells in the portal's style (``core.formats``: 2026-03-31,
  2026-03-31 18:00 KST); in CSV they are written in that style.

Sheet titles pass through ``sheet_title``: Excel's forbidden characters ``: \\ / ? * [ ]`` become spaces, at
most 31 characters, never empty, never quoted, and unique within the workbook.
"""
import csv
import io
import re
import unicodedata
from collections.abc import Iterable, Sequence
from datetime import date, datetime
from decimal import Decimal

from django.http import HttpResponse
from django.utils import timezone
from django.utils.encoding import force_str
from django.utils.http import content_disposition_header
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell

from core import formats

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
CSV = "text/csv; charset=utf-8"
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
FORBIDDEN_IN_TITLE = re.compile(r"[:\\/?*\[\]]")
TITLE_LIMIT = 31


def _invisible(char: str) -> bool:
    """A character a spreadsheet program passes over at the start of a cell: white space of any width, or a
    format character (zero-width space, joiners, the byte-order mark)."""
    return char.isspace() or unicodedata.category(char) == "Cf"


def starts_formula(text: str) -> bool:
    """Whether a spreadsheet program could read ``text`` (after any apostrophes) as a formula: its first
    visible character is ``= + - @`` in any width, or it starts with a TAB or a CR."""
    text = text.lstrip("'")
    if text.startswith(FORMULA_STARTS):
        return True
    visible = next((char for char in text if not _invisible(char)), "")
    return unicodedata.normalize("NFKC", visible)[:1] in FORMULA_STARTS


def safe_text(value: str) -> str:
    """``value`` without control characters, and with an apostrophe before a leading formula character (or
    before apostrophes that precede one)."""
    text = CONTROL.sub("", value.replace("\r\n", "\n"))
    if starts_formula(text):
        text = "'" + text
    return text.replace("\r", "\n")


def read_back(text: str) -> str:
    """A cell's text as it was before ``safe_text`` marked it: the inverse of the apostrophe it adds."""
    if text.startswith("'") and starts_formula(text[1:]):
        return text[1:]
    return text


def safe_cell(value):
    """A cell's value as written: numbers, dates and None unchanged, anything else safe text."""
    if value is None or isinstance(value, bool | int | float | Decimal | date | datetime):
        return value
    return safe_text(force_str(value))


def sheet_title(title: str, taken: Iterable[str] = ()) -> str:
    """A valid Excel sheet title for ``title``, distinct (case-insensitively) from ``taken``."""
    text = FORBIDDEN_IN_TITLE.sub(" ", CONTROL.sub("", force_str(title)))
    text = re.sub(r"\s+", " ", text).strip().strip("'").strip() or "Sheet"
    text = text[:TITLE_LIMIT]
    used = {name.casefold() for name in taken}
    candidate, number = text, 1
    while candidate.casefold() in used:
        number += 1
        suffix = f" ({number})"
        candidate = text[:TITLE_LIMIT - len(suffix)] + suffix
    return candidate


class XlsxBook:
    """A workbook built in memory (the portal's tables are a few hundred rows), sheet by sheet."""

    def __init__(self):
        self.workbook = Workbook(write_only=True)
        self.titles: list[str] = []

    def add_sheet(self, title: str, headers: Sequence, rows: Iterable[Sequence], codes: Sequence = ()) -> str:
        """Add a sheet; returns the title it was given. ``headers`` are names a person reads; a sheet that is
        sent back (a template) gives its columns' ``codes`` too, written in a hidden second row the upload reads
        the columns by, with the panes frozen below it."""
        name = sheet_title(title, self.titles)
        self.titles.append(name)
        sheet = self.workbook.create_sheet(name)
        if codes:
            sheet.row_dimensions[2].hidden = True
            sheet.freeze_panes = "A3"
        for row in (headers, *([codes] if codes else []), *rows):
            sheet.append([self._cell(sheet, value) for value in row])
        return name

    @staticmethod
    def _cell(sheet, value):
        value = safe_cell(value)
        if isinstance(value, date):  # a date cell shown in the portal's style (core.formats), KST for a moment
            is_moment = isinstance(value, datetime)
            if is_moment and timezone.is_aware(value):
                value = timezone.make_naive(value)
            cell = WriteOnlyCell(sheet, value=value)
            cell.number_format = formats.XLSX_MOMENT if is_moment else formats.XLSX_DAY
            return cell
        if not isinstance(value, str):
            return value
        cell = WriteOnlyCell(sheet, value=value)
        cell.data_type = "s"  # text, whatever it starts with
        return cell

    def to_bytes(self) -> bytes:
        buffer = io.BytesIO()
        self.workbook.save(buffer)
        return buffer.getvalue()


def _download(content: bytes | str, content_type: str, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = content_disposition_header(as_attachment=True, filename=filename)
    response["Cache-Control"] = "private, no-store"
    return response


def xlsx_response(*, title: str, headers: Sequence, rows: Iterable[Sequence], name: str,
                  codes: Sequence = (), more: Sequence[tuple[str, Sequence, Iterable[Sequence]]] = ()) -> HttpResponse:
    """One sheet of ``headers`` (and a template's hidden ``codes``, ``XlsxBook.add_sheet``) then ``rows`` as an
    XLSX download named ``name``.xlsx; ``more`` sheets (title, headers, rows) after it."""
    book = XlsxBook()
    book.add_sheet(title, headers, rows, codes)
    for sheet in more:
        book.add_sheet(*sheet)
    return _download(book.to_bytes(), XLSX, f"{name}.xlsx")


def _csv_value(value):
    """A CSV cell: dates and moments as the portal writes them (``core.formats``), the rest ``safe_cell``."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        return formats.moment(value)
    if isinstance(value, date):
        return formats.day(value)
    return safe_cell(value)


def csv_text(headers: Sequence, rows: Iterable[Sequence]) -> str:
    """UTF-8 CSV text with the byte-order mark Excel needs to read Korean."""
    buffer = io.StringIO()
    buffer.write("\ufeff")
    writer = csv.writer(buffer)
    for row in (headers, *rows):
        writer.writerow([_csv_value(value) for value in row])
    return buffer.getvalue()


def csv_response(*, headers: Sequence, rows: Iterable[Sequence], name: str) -> HttpResponse:
    """``headers`` then ``rows`` as a CSV download named ``name``.csv."""
    return _download(csv_text(headers, rows), CSV, f"{name}.csv")
