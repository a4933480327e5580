"""Every door that reads an uploaded table (the ministry desk's upload, the designation import's page and API)
with files that are tables only by name or claim far more than they hold (standards: uploads refused say why;
no request answers 500). An XLSX whose sheet names cell XFD1048576 made openpyxl hand over a million rows of
16,384 empty cells (an hour of work from 5 KB); a sheet whose XML is broken, or whose cells openpyxl cannot
read (a column past XFD, a number 'abc', a date 2026-99-99), answered 500 because the sheet is parsed only
while its rows are read. Each such file is now refused with the reason beside the field, nothing is written,
and none takes long."""
import io
import re
import time
import unicodedata
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import Workbook

from regions.models import DesignationImport
from regions.tabular import MAX_TABLE_CELLS, MAX_TABLE_COLUMNS, MAX_TABLE_ROWS, read_table
from tests.factories import api_as
from tracking.models import SupportLineRow

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("registry", "english")]


def _xlsx(rows: list[list], edit=lambda xml: xml) -> bytes:
    """A workbook of ``rows`` whose first sheet's XML is passed through ``edit``."""
    book = Workbook()
    for row in rows:
        book.active.append(row)
    plain, edited = io.BytesIO(), io.BytesIO()
    book.save(plain)
    with zipfile.ZipFile(plain) as source, zipfile.ZipFile(edited, "w", zipfile.ZIP_DEFLATED) as target:
        for entry in source.infolist():
            data = source.read(entry.filename)
            if entry.filename == "xl/worksheets/sheet1.xml":
                data = edit(data.decode()).encode()
            target.writestr(entry.filename, data)
    return edited.getvalue()


def _far_cell(row: int, column: str):
    def edit(xml: str) -> str:
        xml = re.sub(r'<dimension ref="[^"]*" ?/>', f'<dimension ref="A1:{column}{row}"/>', xml)
        return xml.replace("</sheetData>", f'<row r="{row}"><c r="{column}{row}" t="inlineStr"><is><t>x</t></is>'
                                           f'</c></row></sheetData>')
    return edit


def _wide_rows(xml: str) -> str:
    cells = "".join(f'<c r="{column}3"><v>1</v></c>' for column in _columns(MAX_TABLE_CELLS // 40 + 1))
    return xml.replace("</sheetData>", "".join(f'<row r="{row}">{cells.replace("3", str(row))}</row>'
                                               for row in range(3, 44)) + "</sheetData>")


def _columns(count: int) -> list[str]:
    from openpyxl.utils import get_column_letter

    return [get_column_letter(index) for index in range(1, count + 1)]


HEADER = ["task_id", "line", "selection_year", "province_ko", "name_ko"]
GOOD = [HEADER, [1, "regional_visa", 2023, "경상남도", "없는군"]]
HOSTILE = {
    "a cell at XFD1048576": (_xlsx(GOOD, _far_cell(1048576, "XFD")), None),
    "a row past the sheet's last": (_xlsx(GOOD, _far_cell(99_999_999, "B")), f"more than {MAX_TABLE_ROWS} rows"),
    "a sheet cut in half": (_xlsx(GOOD, lambda xml: xml[:len(xml) // 2]), "not a valid XLSX workbook"),
    "a column past XFD": (_xlsx(GOOD, lambda xml: xml.replace('r="B2"', 'r="ZZZZZZ2"')), "not a valid XLSX"),
    "a number that is text": (_xlsx(GOOD, lambda xml: xml.replace("<v>2023</v>", "<v>abc</v>")), "not a valid"),
    "a date that is no date": (_xlsx(GOOD, lambda xml: xml.replace('t="n"><v>2023</v>', 't="d"><v>2026-99-99</v>')),
                               "not a valid XLSX"),
    "a row numbered x": (_xlsx(GOOD, lambda xml: xml.replace('<row r="2"', '<row r="x"')), "not a valid XLSX"),
    "rows of 2,501 cells": (_xlsx(GOOD, _wide_rows), f"more than {MAX_TABLE_CELLS:,} cells"),
    "a header of a million commas": (("a" + "," * 1_000_000 + "b\n1\n").encode(), f"more than {MAX_TABLE_COLUMNS}"),
    "two million blank lines": (("a,b\n" + "\n" * 2_000_000 + "1,2\n").encode(), f"more than {MAX_TABLE_ROWS} rows"),
}


@pytest.mark.parametrize("case", HOSTILE)
def test_the_reader_refuses_or_reads_a_hostile_table_quickly(case):
    content, _message = HOSTILE[case]
    started = time.monotonic()
    try:
        table = read_table(io.BytesIO(content), "t.csv" if case.startswith("a header") or "blank" in case
                           else "t.xlsx")
    except Exception as error:
        assert type(error).__name__ == "TableError", case
    else:
        assert [number for number, _cells in table.rows] == [2], case  # the far cell lies past the columns read
    assert time.monotonic() - started < 20, case


@pytest.mark.parametrize("case", HOSTILE)
def test_every_table_upload_door_refuses_a_hostile_file_saying_why(client, tasks, staff, council, case):
    content, message = HOSTILE[case]
    is_csv = case.startswith("a header") or "blank" in case
    name = "table.csv" if is_csv else "table.xlsx"
    answers = []
    if not is_csv:  # the desk takes its XLSX template only
        client.force_login(staff["MOJ"])
        response = client.post(reverse("tracking:desk-upload"), {"file": SimpleUploadedFile(name, content)})
        answers.append(("desk", response.status_code, " ".join(response.context["form"].errors["file"])))
    client.force_login(council)
    response = client.post(reverse("regions:import"), {"file": SimpleUploadedFile(name, content), "reason": "점검"})
    answers.append(("import page", response.status_code, " ".join(response.context["form"].errors.get("file", []))))
    response = api_as(council).post("/api/v1/designation-imports/", {"file": SimpleUploadedFile(name, content),
                                                                     "reason": "점검"}, format="multipart")
    answers.append(("import API", response.status_code, " ".join(response.json().get("file", []))))
    for door, status, errors in answers:
        assert status in (200, 400), (door, status)
        assert errors, door
        if message:
            assert message in errors, (door, errors)
    assert not SupportLineRow.objects.exists()
    assert not DesignationImport.objects.exists()


@pytest.mark.parametrize("name", ["list.csv", "list.xlsx"])
def test_every_table_upload_door_reads_decomposed_hangul_as_the_same_text(client, council, name):
    """A list saved on macOS holds Hangul decomposed (NFD): '경상남도' looked the same and was refused as an unknown
    province by the designation import (the desk's upload alone normalised its cells). Every cell is now NFC."""
    rows = [["selection_year", "province_ko", "name_ko", "source"],
            [2023, "경상남도", "함양군", "농림축산식품부 보도자료"]]
    rows = [[unicodedata.normalize("NFD", value) if isinstance(value, str) else value for value in row]
            for row in rows]
    content = ("\n".join(",".join(map(str, row)) for row in rows).encode() if name.endswith(".csv")
               else _xlsx(rows))
    client.force_login(council)
    page = client.post(reverse("regions:import"), {"file": SimpleUploadedFile(name, content), "reason": "점검"})
    assert page.status_code == 302, page.context["form"].errors
    designation = DesignationImport.objects.get().designations.get()  # the file's one row
    assert designation.local_government.name_ko == "함양군"
    assert designation.source == "농림축산식품부 보도자료"
    api = api_as(council).post("/api/v1/designation-imports/", {"file": SimpleUploadedFile(name, content),
                                                                "reason": "점검"}, format="multipart")
    assert api.status_code == 201, api.json()
