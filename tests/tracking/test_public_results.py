"""``/results/``: anyone, without an account, reads every confirmed round's selected tasks, filters them, sees them
on the map and downloads them (CSV, XLSX, JSON) in the documented schema; nothing unpublished or personal is
reachable, and the answers can be cached (no cookie, no session, an ETag)."""
import csv
import io
import json
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.sessions.models import Session
from openpyxl import load_workbook

from accounts.models import User
from reviews.models import Reviewer
from selection.models import SelectionDecision
from selection.services import approve_run, publish_run
from tests.selection.builders import scored_contest
from tests.selection.conftest import computed_run
from tests.tracking.builders import more_tasks
from tracking.selectors.public_results import FIELDS

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]

# The documented schema (README, "Public results"): a change here is a change to published open data.
SCHEMA = [("contest_year", "integer"), ("contest", "string"), ("local_government_code", "string"),
          ("local_government_ko", "string"), ("local_government_en", "string"), ("province_code", "string"),
          ("province_ko", "string"), ("province_en", "string"), ("partner_codes", "string"), ("title", "string"),
          ("theme", "string"), ("industry", "string"), ("national_funding_krw", "integer"),
          ("first_year", "integer"), ("last_year", "integer"), ("status", "string"), ("confirmed_on", "string"),
          ("round_year", "integer"), ("round_local_government_code", "string")]


@pytest.fixture
def unpublished(council, django_capture_on_commit_callbacks, celery_eager):
    """Two rounds of 2026 that are not confirmed: one computed and approved, one published (objection period)."""
    approved, _ = scored_contest({"47730": ([90] * 3, [90] * 3)}, year=2026)
    run = computed_run(approved, council, django_capture_on_commit_callbacks)
    approve_run(actor=council, run=run)
    published, _ = scored_contest({"43800": ([90] * 3, [90] * 3)}, year=2027)
    run = computed_run(published, council, django_capture_on_commit_callbacks)
    approve_run(actor=council, run=run)
    with django_capture_on_commit_callbacks(execute=True):
        publish_run(actor=council, run=run)
    return ["과제 47730", "과제 43800"]


def downloads(client, query: str = "") -> dict[str, bytes]:
    return {kind: client.get(f"/results/selected-tasks.{kind}{query}").content for kind in ("csv", "xlsx", "json")}


def test_anyone_reads_the_selected_tasks_with_a_map_without_an_account(client, tasks):
    response = client.get("/results/")
    assert response.status_code == 200
    page = response.content.decode()
    assert "과제 48870" in page and "과제 12720" in page and "1,000,000,000" in page
    assert 'id="korea-map"' in page and 'id="map-48"' in page and "경상남도" in page
    assert "public" in response["Cache-Control"] and response.has_header("ETag")
    assert not response.cookies and not Session.objects.exists()
    again = client.get("/results/", HTTP_IF_NONE_MATCH=response["ETag"])
    assert again.status_code == 304


def test_filters_by_province_and_year_and_bad_filters_are_no_error(client, tasks):
    page = client.get("/results/?province=48").content.decode()
    assert "과제 48870" in page and "과제 12720" not in page
    assert "과제 48870" not in client.get("/results/?year=2024").content.decode()
    for query in ("?year=abc", "?year=1e30", "?round=abc", "?round=-5", "?province=<script>",
                  "?province=99&year=-1"):
        response = client.get(f"/results/{query}")
        assert response.status_code == 200, query
        assert "과제 48870" in response.content.decode(), query  # a bad filter is shown, not applied
    # Gokseong-gun's task is of a round held before the 2026-07-01 merger: it is listed, and filtered, under
    # Jeollanam-do (46) as the layout stood on the contest's date, not under today's 전남광주통합특별시 (12).
    rows = json.loads(client.get("/results/selected-tasks.json?province=46").content)["tasks"]
    assert [(row["local_government_code"], row["province_code"], row["province_ko"]) for row in rows] == [
        ("12720", "46", "전라남도")]
    assert json.loads(client.get("/results/selected-tasks.json?province=12").content)["tasks"] == []


def test_the_downloads_follow_the_documented_schema(client, tasks):
    files = downloads(client)
    body = json.loads(files["json"])
    assert [(field["name"], field["type"]) for field in body["fields"]] == SCHEMA
    assert body["schema_version"] == 1 and body["count"] == 2
    hamyang = next(row for row in body["tasks"] if row["local_government_code"] == "48870")
    assert hamyang["national_funding_krw"] == 1_000_000_000 and (hamyang["first_year"], hamyang["last_year"]) \
        == (2026, 2027)
    assert hamyang["province_code"] == "48" and hamyang["status"] == "preparing"
    for row in body["tasks"]:
        assert [name for name, _type in SCHEMA] == list(row)
        assert all(isinstance(row[name], int if kind == "integer" else str) for name, kind in SCHEMA)
    table = list(csv.reader(io.StringIO(files["csv"].decode("utf-8-sig"))))
    assert table[0] == [name for name, _type in SCHEMA] and len(table) == 3
    sheet = load_workbook(io.BytesIO(files["xlsx"])).active
    assert [cell.value for cell in sheet[1]] == table[0] and sheet.max_row == 3
    readme = (Path(settings.BASE_DIR) / "README.md").read_text(encoding="utf-8")
    assert all(f"`{field.name}`" in readme for field in FIELDS)


@pytest.mark.parametrize(("query", "headers", "contest_year"), [
    ("", ["항목", "이름", "유형", "설명"], ("contest_year", "공모 연도", "integer",
                                                   "공모가 열린 해(2026년 공모는 2025년에 열림, round_year 참조).")),
    ("?lang=en", ["Field", "Name", "Type", "Description"],
     ("contest_year", "Contest year", "integer",
                          "The year the contest was held (the 2026 round was held in 2025; see round_year)."))])
def test_the_spreadsheet_keeps_the_schemas_names_in_row_1_and_names_each_field_for_a_person(
        client, tasks, query, headers, contest_year):
    """Row 1 is the documented schema (field names, whatever the language); a second sheet says what each column
    is in the query's language (Korean unless ``?lang=en``; a language cookie does not change the file)."""
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en" if not query else "ko"
    book = load_workbook(io.BytesIO(client.get(f"/results/selected-tasks.xlsx{query}").content))
    data, fields = book.worksheets
    assert [cell.value for cell in data[1]] == [name for name, _type in SCHEMA]
    rows = [list(row) for row in fields.iter_rows(values_only=True)]
    assert rows[0] == headers and tuple(rows[1]) == contest_year
    assert [row[0] for row in rows[1:]] == [name for name, _type in SCHEMA]
    assert all(row[1] and row[3] and row[1] != row[0] for row in rows[1:])  # every field named, not by its code


def test_nothing_unpublished_or_personal_is_reachable(client, tasks, unpublished):
    outputs = {"page": client.get("/results/").content, **downloads(client),
               **{f"{kind} 2026": content for kind, content in downloads(client, "?year=2026").items()}}
    texts = {name: (content.decode("utf-8-sig") if name.split()[0] != "xlsx" else
                    " ".join(str(cell.value) for row in load_workbook(io.BytesIO(content)).active.iter_rows()
                             for cell in row))
             for name, content in outputs.items()}
    people = [value for user in User.objects.all() for value in (user.username, user.get_full_name(), user.email)
              if value]
    reviewers = list(Reviewer.objects.values_list("affiliation", flat=True))
    decisions = SelectionDecision.objects.all()
    receipts = [decision.proposal.receipt_number for decision in decisions]
    scores = {str(value) for decision in decisions for value in (decision.document_score,
                                                                 decision.presentation_score,
                                                                 decision.combined_score) if value}
    assert people and reviewers and receipts and scores
    for name, text in texts.items():
        for value in [*unpublished, *people, *reviewers, *receipts, *scores]:
            assert value not in text, (name, value)
    for row in json.loads(outputs["json"])["tasks"]:
        assert not {"score", "rank", "receipt", "reviewer", "sheet"} & {part for key in row for part in key.split("_")}


def test_the_page_reads_a_bounded_number_of_queries(client, tasks, django_assert_max_num_queries):
    with django_assert_max_num_queries(8):
        assert client.get("/results/").status_code == 200
    more_tasks(tasks["48870"].decision.run, 10)
    with django_assert_max_num_queries(8):
        page = client.get("/results/").content.decode()
    assert page.count("<tr>") >= 12
    with django_assert_max_num_queries(6):
        assert client.get("/results/selected-tasks.json").status_code == 200


def test_the_round_is_named_and_filtered_by_its_funding_year_and_an_unknown_one_says_so(client, tasks):
    """The builders' round is held in 2025 (Contest.year) and funded 2026–2027: it is the 2026 round."""
    page = client.get("/results/?round=2026", HTTP_ACCEPT_LANGUAGE="ko").content.decode()
    assert "과제 48870" in page and 'value="2026" selected' in page
    assert "<td>2026</td>" in page and "<td>2025</td>" not in page
    unknown = client.get("/results/?round=2025", HTTP_ACCEPT_LANGUAGE="ko").content.decode()
    assert "과제 48870" not in unknown and 'id="unknown-round"' in unknown
    # The downloads' documented filter keeps its meaning for those who use it: ``year`` is the rows'
    # ``contest_year``; the page's round filter carries over to them too.
    by_contest_year = client.get("/results/selected-tasks.json?year=2025").json()["tasks"]
    assert {row["contest_year"] for row in by_contest_year} == {2025} and by_contest_year
    assert {row["round_year"] for row in by_contest_year} == {2026}  # as the page's Round column says
    assert client.get("/results/selected-tasks.json?round=2026").json()["tasks"] == by_contest_year
    assert client.get("/results/selected-tasks.json?year=2026").json()["tasks"] == []
