"""Every CSV and XLSX the portal writes, with hostile text in it (issue 21, kind 4): a title that is a formula,
a title holding U+000B, a panel named with a colon. Text stays text, control characters go, sheet titles are
valid; no export answers 500. The walk is checked against the URL configuration, so a new export joins it."""
import csv
import io
from datetime import datetime

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from openpyxl import load_workbook

from applications.models import SEOUL, Proposal
from core.spreadsheets import CONTROL, read_back, safe_cell, sheet_title, starts_formula
from ministries.registry import support_lines
from reviews.models import Panel, PresentationSlot
from tests.tracking.builders import confirmed_run, support_row
from tracking.models import SelectedTask
from tracking.tables import TABLES

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]

FORMULA = '=HYPERLINK("http://example.invalid/?x="&B2,"사과")'
VERTICAL_TAB = "함양 산삼\x0b항노화 과제"
PANEL = "제2분과: 발표평가"
DESK_MINISTRIES = ("MOJ", "MOIS", "MAFRA", "MSS", "MCST", "MOF")


@pytest.fixture
def hostile(registry, council, django_capture_on_commit_callbacks, celery_eager):
    run = confirmed_run(council, django_capture_on_commit_callbacks)
    Proposal.objects.filter(contest=run.contest, lead_local_government__code="48870").update(title=FORMULA)
    Proposal.objects.filter(contest=run.contest, lead_local_government__code="12720").update(title=VERTICAL_TAB)
    Proposal.objects.filter(contest=run.contest, lead_local_government__code="43800").update(title="@SUM(1+1)")
    for code, title in (("48870", FORMULA), ("46720", VERTICAL_TAB)):  # the opened tasks, published at /results/
        SelectedTask.objects.filter(contest=run.contest, local_government__code=code).update(title=title)
    Panel.objects.filter(contest=run.contest, stage="document").update(name=PANEL)
    Panel.objects.filter(contest=run.contest, stage="presentation").update(name="[발표]/현장*평가?" + "가" * 40)
    presentation = Panel.objects.get(contest=run.contest, stage="presentation")
    hamyang = Proposal.objects.get(contest=run.contest, lead_local_government__code="48870")
    PresentationSlot.objects.create(panel=presentation, proposal=hamyang, room="-2+3 회의실",
                                    starts_at=datetime(2025, 10, 28, 10, tzinfo=SEOUL),
                                    ends_at=datetime(2025, 10, 28, 10, 30, tzinfo=SEOUL))
    # What a ministry types into its lines' text measures reaches the desk, the dashboard and every template.
    for task in SelectedTask.objects.filter(contest=run.contest):
        support_row(task, "extinction_fund", name="+82 센터", year=2028, approved_krw=1)
        support_row(task, "extinction_fund", name="@SUM(1+1)", year=2027, approved_krw=1)
        support_row(task, "extinction_fund", name="\u3000\uff1dSUM(1+1)", year=2029, approved_krw=1)  # full width
        support_row(task, "rural_agreement_facility", name=FORMULA, placement="back", amount_krw=1)
    return run


def export_urls(run) -> dict[str, str]:
    contest = run.contest
    urls = {f"contest-proposals-export {fmt}": reverse("applications:contest-proposals-export",
                                                       args=[contest.pk, fmt]) for fmt in ("csv", "xlsx")}
    for panel in Panel.objects.filter(contest=contest):
        urls[f"panel-results-export {panel.stage}"] = reverse("reviews:panel-results-export", args=[panel.pk])
        urls[f"panel-schedule {panel.stage}"] = reverse("reviews:panel-schedule", args=[panel.pk])
    urls["run-export"] = reverse("selection:run-export", args=[run.pk])
    for table in TABLES:
        if table != "support":
            urls[f"rows {table}"] = reverse("tracking:rows", args=[contest.pk, table]) + "?export=xlsx"
    for fmt in ("csv", "xlsx"):  # the public results (open data), the same writer
        urls[f"public-results-{fmt} all"] = reverse(f"public-results-{fmt}")
    for line in support_lines():  # the lines the dashboard's support table offers
        urls[f"rows support {line}"] = (reverse("tracking:rows", args=[contest.pk, "support"])
                                        + f"?line={line}&export=xlsx")
    for code in DESK_MINISTRIES:  # each ministry's desk, its export and template, fetched by that ministry's staff
        urls[f"desk-template {code}"] = reverse("tracking:desk-template")
        urls[f"desk-export {code}"] = reverse("tracking:desk") + f"?contest={contest.pk}&export=xlsx"
    return urls


def _cells(response) -> list[object]:
    if response["Content-Type"].startswith("text/csv"):
        return [cell for row in csv.reader(io.StringIO(response.content.decode("utf-8-sig"))) for cell in row]
    book = load_workbook(io.BytesIO(response.content))
    for sheet in book.worksheets:
        assert sheet.title == sheet_title(sheet.title) and len(sheet.title) <= 31
        for row in sheet.iter_rows():
            for cell in row:
                assert cell.data_type != "f", (sheet.title, cell.coordinate, cell.value)
    return [cell.value for sheet in book.worksheets for row in sheet.iter_rows() for cell in row]


def test_every_export_writes_hostile_text_as_text(client, council, staff, hostile):
    titles_seen = set()
    for label, url in export_urls(hostile).items():
        kind, _, which = label.partition(" ")
        client.force_login(staff[which] if kind.startswith("desk-") else council)
        response = client.get(url)
        assert response.status_code == 200, (label, response.status_code)
        assert "attachment" in response["Content-Disposition"]
        cells = [str(value) for value in _cells(response) if value is not None]
        assert not any(starts_formula(cell) and not cell.startswith("'") for cell in cells), label
        assert not any("\x0b" in cell for cell in cells), label
        titles_seen.update(cell for cell in cells if cell in {"'" + FORMULA, "함양 산삼항노화 과제", "'@SUM(1+1)"})
        if label in ("desk-template MOIS", "rows support extinction_fund"):  # the desk's export: sums only
            assert all(any(typed in cell for cell in cells) for typed in ("+82 센터", "@SUM(1+1)", "\uff1dSUM")), label
        if label == "desk-template MAFRA":  # a ministry's typing reaches its files as text
            assert any(FORMULA in cell for cell in cells), label
    assert titles_seen == {"'" + FORMULA, "함양 산삼항노화 과제", "'@SUM(1+1)"}


def test_the_walk_reaches_every_export_the_urls_offer(hostile):
    """Every URL that serves a file the portal writes (.xlsx, .csv, export) is in ``export_urls``."""
    def names(resolver, namespace=""):
        for pattern in resolver.url_patterns:
            if isinstance(pattern, URLResolver):
                yield from names(pattern, f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace)
            elif isinstance(pattern, URLPattern) and pattern.name and any(
                    mark in str(pattern.pattern) for mark in (".xlsx", ".csv", "export")):
                yield f"{namespace}{pattern.name}"

    walked = {label.split()[0] for label in export_urls(hostile)} - {"rows", "desk-export"}  # ?export=
    offered = {name.rsplit(":", 1)[-1] for name in names(get_resolver()) if not name.startswith("admin:")}
    assert offered == walked


def test_the_proposal_list_exports_keep_the_formula_as_visible_text(client, council, hostile):
    client.force_login(council)
    url = reverse("applications:contest-proposals-export", args=[hostile.contest.pk, "csv"])
    assert f'"\'{FORMULA.replace(chr(34), chr(34) * 2)}"' in client.get(url).content.decode("utf-8-sig")


@pytest.mark.parametrize(("title", "taken", "expected"), [
    (PANEL, (), "제2분과  발표평가".replace("  ", " ")),
    ("a/b\\c?d*e[f]g", (), "a b c d e f g"),
    ("'quoted'", (), "quoted"),
    ("", (), "Sheet"),
    ("가" * 40, (), "가" * 31),
    ("Results", ("results",), "Results (2)"),
    ("가" * 40, ("가" * 31,), "가" * 27 + " (2)"),
])
def test_sheet_titles_are_valid_and_unique(title, taken, expected):
    assert sheet_title(title, taken) == expected


@pytest.mark.parametrize(("value", "expected"), [
    ("=1+1", "'=1+1"), ("+82 10", "'+82 10"), ("-3", "'-3"), ("@A1", "'@A1"), ("\tx", "'\tx"), ("\rx", "'\nx"),
    ("a\x0bb\x00c\x1f", "abc"), ("줄1\r\n줄2", "줄1\n줄2"), (-3, -3), (None, None), ("함양군", "함양군"),
    ("'=1+1", "''=1+1"), ("''-3", "'''-3"), ("'90년대", "'90년대"), ("'", "'"),
    # what a spreadsheet skips or folds before it decides: white space, invisible characters, full width
    ("\uff1d1+1", "'\uff1d1+1"), ("\uff0b82", "'\uff0b82"), ("\uff0d3", "'\uff0d3"), ("\uff20A1", "'\uff20A1"),
    ("\ufe66A1", "'\ufe66A1"), (" =1+1", "' =1+1"), ("  @A1", "'  @A1"), ("\n=1", "'\n=1"),
    ("\u3000=1", "'\u3000=1"), ("\u00a0+1", "'\u00a0+1"), ("\u200b=1", "'\u200b=1"), ("\ufeff-1", "'\ufeff-1"),
    (" \uff1d1", "' \uff1d1"), ("'\u3000=1", "''\u3000=1"), (" 함양", " 함양"), ("\uff08주\uff09", "\uff08주\uff09"),
])
def test_cells_are_neutralised(value, expected):
    assert safe_cell(value) == expected
    if isinstance(value, str) and "\r" not in value and not CONTROL.search(value):
        assert read_back(expected) == value  # a file the portal wrote reads back as the text it holds


def _first_row(response) -> list[str]:
    if response["Content-Type"].startswith("text/csv"):
        return next(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    sheet = load_workbook(io.BytesIO(response.content)).worksheets[0]
    return [str(cell.value) for cell in next(sheet.iter_rows()) if cell.value is not None]


def _rows(response) -> list[list[object]]:
    if response["Content-Type"].startswith("text/csv"):
        return list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    sheet = load_workbook(io.BytesIO(response.content)).worksheets[0]
    return [[cell.value for cell in row] for row in sheet.iter_rows()]


@pytest.mark.parametrize("language", ["ko", "en"])
def test_every_exports_header_row_names_each_column_once(client, council, staff, hostile, language):
    """Two columns of one file never carry the same heading (the timetable's "Room" and "Place" were both
    장소 in Korean): in either language, each export's first row names every column differently."""
    for user in (council, *staff.values()):
        user.language = language
        user.save(update_fields=["language"])
    for label, url in export_urls(hostile).items():
        kind, _, which = label.partition(" ")
        client.force_login(staff[which] if kind.startswith("desk-") else council)
        headers = _first_row(client.get(url, HTTP_ACCEPT_LANGUAGE=language))
        assert headers, label
        assert len(headers) == len(set(headers)), (label, [h for h in headers if headers.count(h) > 1])


def test_every_export_names_the_contest_as_its_page_does(client, council, staff, hostile):
    """A contest held in 2025 is named "2026년 …" (the round is named for its first funded year): an export's
    contest column holds that name, not the 2025 of the contest's ``year`` field, and a file name carries the
    year the name says. The open data keeps ``contest_year`` (its documented contract, the year the contest was
    held) and carries ``round_year``, the year the name and the results page say."""
    contest = hostile.contest
    contest.name_ko, contest.name_en = "2026년 시군구 연고산업 육성 협업 프로젝트", "2026 Collaboration Project"
    contest.save(update_fields=["name_ko", "name_en"])
    names = {contest.name_ko, contest.name_en}
    for label, url in export_urls(hostile).items():
        kind, _, which = label.partition(" ")
        client.force_login(staff[which] if kind.startswith("desk-") else council)
        response = client.get(url)
        disposition = response["Content-Disposition"]
        assert f"-{contest.year}-" not in disposition and not disposition.endswith(f'-{contest.year}.xlsx"'), \
            (label, disposition)
        rows = _rows(response)
        for index, header in enumerate(rows[0]):
            if header in ("Contest", "공모", "contest"):
                cells = {row[index] for row in rows[1:] if index < len(row) and row[index] not in (None, "")}
                cells -= {"Total", "합계"}
                assert cells and cells <= names, (label, cells)
            if header == "round_year":
                assert {row[index] for row in rows[1:]} <= {contest.round_year, str(contest.round_year)}, label
