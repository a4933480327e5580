"""The ministry desk: a ministry's officer sees every selected task his ministry supports with his own lines'
rows and sums, filters them, exports them as a formula-safe XLSX and uploads support rows from the template,
all or nothing, told the row and column of what is refused. Nobody else reaches it."""
import io
import unicodedata

import pytest
from django.urls import reverse
from openpyxl import Workbook, load_workbook

from accounts.roles import Role
from audit.models import AuditEntry
from tests.factories import make_user
from tests.tracking.builders import more_tasks, support_row
from tracking.models import SupportLineRow

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("registry", "english")]
DESK = "tracking:desk"


def workbook(response) -> list[list]:
    content = b"".join(response.streaming_content) if response.streaming else response.content
    return [list(row) for row in load_workbook(io.BytesIO(content)).active.iter_rows(values_only=True)]


def xlsx(rows: list[list], name: str = "support.xlsx"):
    from django.core.files.uploadedfile import SimpleUploadedFile

    book = Workbook()
    for row in rows:
        book.active.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return SimpleUploadedFile(name, buffer.getvalue(),
                              content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")


def test_the_desk_lists_every_task_with_the_ministrys_own_lines_and_sums(client, tasks, staff):
    hamyang, gokseong = tasks["48870"], tasks["12720"]
    support_row(hamyang, "regional_visa", year=2026, visa_type="F-2-R", requested=15, allocated=12, issued=9)
    support_row(hamyang, "regional_visa", year=2026, visa_type="F-4-R", requested=3, allocated=2)
    support_row(hamyang, "fisheries_infrastructure", facility="양식장", year=2026, kind="aquaculture",
                amount_krw=700_000_000)
    client.force_login(staff["MOJ"])
    page = client.get(reverse(DESK))
    assert page.status_code == 200
    table = page.context["table"]
    assert [row.task for row in table.rows] == sorted([hamyang, gokseong], key=lambda task: (
        task.local_government.province.code, task.local_government.code))
    assert list(table.lines) == ["regional_visa"]
    assert "Region-specific visa: Persons requested" in table.headers
    assert not any("Fisheries" in header for header in table.headers)  # no other ministry's line, no leak
    hamyang_row = next(row for row in table.rows if row.task == hamyang)
    cells = dict(zip(table.headers, table.cells(hamyang_row), strict=True))
    assert cells["Region-specific visa: rows"] == 2 and cells["Region-specific visa: Persons requested"] == 18
    assert cells["Region-specific visa: Visas issued"] == 9 and cells["Status"] == hamyang.get_status_display()
    body = page.content.decode()
    assert "700,000,000" not in body and "양식장" not in body
    assert reverse("tracking:support-add", args=[gokseong.pk, "regional_visa"]) in body  # a row added from here
    visa_rows, new_visa_rows = {line: (rows, new) for line, rows, new in page.context["line_rows"]}[
        table.lines["regional_visa"]]
    assert [task for task, _form in new_visa_rows] == [gokseong]  # a task without a row: an empty row in place
    assert [(task, form.initial) for task, _row, form in visa_rows] == [
        (hamyang, {"year": 2026, "visa_type": "F-2-R", "requested": 15, "allocated": 12, "issued": 9}),
        (hamyang, {"year": 2026, "visa_type": "F-4-R", "requested": 3, "allocated": 2})]
    first = visa_rows[0][1]
    assert reverse("tracking:support-row", args=[hamyang.pk, "regional_visa", first.pk]) in body  # changed here
    edit = reverse("tracking:support-row", args=[hamyang.pk, "regional_visa", first.pk])
    back = reverse(DESK) + "?rows=with"
    assert f'value="{back}"' in client.get(edit, {"next": back}).content.decode()
    saved = client.post(edit, {**first.values, "issued": 10, "reason": "추가 발급", "next": back})
    assert saved.status_code == 302 and saved.url == back  # saved from the desk, back to the desk
    assert client.post(edit, {**first.values, "issued": 11, "reason": "x", "next": "https://evil.example/"}).url \
        == reverse("tracking:task", args=[hamyang.pk]) + "#line-regional_visa"
    without = client.get(reverse(DESK), {"rows": "without"}).context["table"]
    assert [row.task for row in without.rows] == [gokseong]
    found = client.get(reverse(DESK), {"q": hamyang.local_government.name_en}).context["table"]
    assert [row.task for row in found.rows] == [hamyang]
    assert not client.get(reverse(DESK), {"status": "completed"}).context["table"].rows
    mof = make_user(Role.MINISTRY_STAFF, ministry=staff["MOF"].ministry, language="en")
    client.force_login(mof)
    mof_table = client.get(reverse(DESK)).context["table"]
    assert list(mof_table.lines) == ["fisheries_infrastructure"]
    mof_totals = dict(zip(mof_table.headers, mof_table.totals, strict=True))
    assert mof_totals["Fisheries and aquaculture infrastructure: KRW supported"] == 700_000_000


def test_a_row_is_changed_in_place_on_the_desk_as_a_single_edit_would_change_it(client, tasks, staff):
    """Each row of the desk's line tables is a form in place: its inputs (filled with the row's values) belong
    to a form that posts to the row's own page with the desk as ``next``; saved, the officer is back on the desk
    and the change is in the history with why; refused, the row's page says why beside the field and keeps
    what was typed."""
    from html.parser import HTMLParser

    hamyang = tasks["48870"]
    row = support_row(hamyang, "regional_visa", year=2026, visa_type="F-2-R", requested=15, allocated=12, issued=9)
    client.force_login(staff["MOJ"])
    desk = reverse(DESK) + "?rows=with"
    body = client.get(desk).content.decode()

    class RowForm(HTMLParser):
        action, fields = "", {}

        def handle_starttag(self, tag, attrs):
            attrs = dict(attrs)
            if tag == "form" and attrs.get("id") == f"desk-row-{row.pk}":
                self.action = attrs["action"]
            if attrs.get("form") == f"desk-row-{row.pk}" and tag in ("input", "select") and attrs.get("name"):
                self.fields[attrs["name"]] = attrs.get("value", "")
            if tag == "option" and "selected" in attrs:
                self.fields.setdefault("_selected", []).append(attrs["value"])

    found = RowForm()
    found.feed(body)
    assert found.action == reverse("tracking:support-row", args=[hamyang.pk, "regional_visa", row.pk])
    assert {key: found.fields[key] for key in ("year", "requested", "allocated", "issued")} == {
        "year": "2026", "requested": "15", "allocated": "12", "issued": "9"}
    assert "F-2-R" in found.fields["_selected"] and "reason" in found.fields
    assert f'name="next" value="{desk}"'.replace("&", "&amp;") in body

    posted = {"year": "2026", "visa_type": "F-2-R", "requested": "15", "allocated": "12", "issued": "11",
              "reason": "추가 발급분 반영", "next": desk}
    saved = client.post(found.action, posted)
    assert saved.status_code == 302 and saved.url == desk
    row.refresh_from_db()
    assert row.values["issued"] == 11
    entry = AuditEntry.objects.filter(action__startswith="tracking.support").latest("pk")
    assert entry.reason == "추가 발급분 반영" and entry.actor == staff["MOJ"]

    refused = client.post(found.action, {**posted, "issued": "13"})  # more issued than allocated
    assert refused.status_code == 200
    form = refused.context["form"]
    assert form.errors and form.data["issued"] == "13" and form.data["reason"] == "추가 발급분 반영"
    row.refresh_from_db()
    assert row.values["issued"] == 11


def test_the_desk_runs_the_same_queries_for_two_tasks_and_for_ten(client, tasks, staff,
                                                                  django_assert_max_num_queries):
    client.force_login(staff["MSS"])
    with django_assert_max_num_queries(16):
        assert len(client.get(reverse(DESK)).context["table"].rows) == 2
    more_tasks(tasks["48870"].decision.run, 8)
    with django_assert_max_num_queries(16):
        table = client.get(reverse(DESK)).context["table"]
    assert len(table.rows) == 10
    assert dict(zip(table.headers, table.totals, strict=True))["SME commercialization: Amount (KRW)"] == 8 * 30_000_000


def test_the_export_is_the_table_with_numbers_as_numbers_and_text_never_a_formula(client, tasks, staff):
    hamyang = tasks["48870"]
    type(hamyang).objects.filter(pk=hamyang.pk).update(title='=HYPERLINK("http://evil","x")')
    support_row(hamyang, "extinction_fund", name="+센터", year=2026, approved_krw=1_200_000_000, disbursed_krw=4)
    client.force_login(staff["MOIS"])
    response = client.get(reverse(DESK), {"export": "xlsx"})
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    rows = workbook(response)
    headers = rows[0]
    found = next(row for row in rows if row[1] == hamyang.proposal.receipt_number)
    hamyang_row = dict(zip(headers, found, strict=True))
    assert hamyang_row["Task"] == "'=HYPERLINK(\"http://evil\",\"x\")"
    assert hamyang_row["Local Extinction Response Fund: Approved (KRW)"] == 1_200_000_000
    assert rows[-1][0] == "Total"
    template = workbook(client.get(reverse("tracking:desk-template")))
    assert template[0][:5] == ["Task number", "Receipt number", "Local government", "Title", "Support line"]
    assert template[1][:5] == ["task_id", "receipt_number", "local_government", "title", "line"]  # hidden codes
    filled = next(row for row in template[2:] if row[0] == hamyang.pk)
    assert filled[3].startswith("'=") and "'+센터" in filled


def _template(client) -> tuple[list, list[list]]:
    """The template's column codes (its hidden second row) and its rows; sent back as ``[codes, *rows]``, it is a
    template of before, whose row 1 was the codes."""
    rows = workbook(client.get(reverse("tracking:desk-template")))
    return rows[1], [list(row) for row in rows[2:]]


def test_an_upload_of_the_filled_template_saves_every_row_audited(client, tasks, staff):
    hamyang, gokseong = tasks["48870"], tasks["12720"]
    kept = support_row(hamyang, "regional_visa", year=2026, visa_type="F-2-R", requested=15, allocated=12)
    client.force_login(staff["MOJ"])
    headers, rows = _template(client)
    column = {name: index for index, name in enumerate(headers)}
    for row in rows:
        if row[0] == hamyang.pk:
            row[column["issued"]] = 10  # change the kept row
        if row[0] == gokseong.pk:
            row[column["year"]], row[column["requested"]] = 2026, 4
            row[column["visa_type"]] = "F-4-R 지역특화형 재외동포"
    rows.append([hamyang.pk, "", "", "", "regional_visa", 2027, "F-4-R", 2, 0, 0])
    response = client.post(reverse("tracking:desk-upload"), {"file": xlsx([headers, *rows]), "reason": "1분기 배정"})
    assert response.status_code == 302, response.context["form"].errors
    kept.refresh_from_db()
    assert kept.values["issued"] == 10
    new = SupportLineRow.objects.get(task=gokseong)
    assert new.values == {"year": 2026, "visa_type": "F-4-R", "requested": 4}  # the option named, stored by code
    assert SupportLineRow.objects.filter(task=hamyang).count() == 2
    assert AuditEntry.objects.filter(action="tracking.support_saved", reason="1분기 배정").count() == 3
    upload = AuditEntry.objects.get(action="tracking.support_uploaded")
    assert upload.changes == {"file": "support.xlsx", "created": 2, "updated": 1, "unchanged": 0,
                              "skipped": 0}
    again = client.post(reverse("tracking:desk-upload"), {"file": xlsx([headers, *rows])}, follow=True)
    assert "0 rows added, 0 changed, 3 unchanged" in again.content.decode()


def test_a_bad_row_refuses_the_whole_file_naming_its_row_and_column(client, tasks, staff):
    hamyang, gokseong = tasks["48870"], tasks["12720"]
    client.force_login(staff["MOJ"])
    headers = ["task_id", "line", "year", "visa_type", "requested", "allocated", "issued"]
    good = [hamyang.pk, "regional_visa", 2026, "F-2-R", 5, 4, 3]
    cases = [
        ([gokseong.pk, "regional_visa", 2026, "F-2-R", "many", 1, 0], "Row 3, column E (Persons requested): "),
        ([gokseong.pk, "regional_visa", 2026, "F-2-R", 5, 2, 3], "Row 3, column G (Visas issued): At most "
                                                                  "Persons allocated (2)."),
        ([999999, "regional_visa", 2026, "F-2-R", 5, 2, 1], "Row 3, column A (Task number): No task your ministry "
                                                            "supports has this number."),
        ([gokseong.pk, "extinction_fund", 2026, "", "", "", ""], "Row 3, column B (Support line): Not one of your "
                                                                 "ministry's lines"),
        ([hamyang.pk, "regional_visa", 2026, "F-2-R", 1, 1, 1], "Row 3: The same row as row 2"),
        ([gokseong.pk, "regional_visa", 2026, "E-9", 1, 1, 1], "Row 3, column D (Visa type): "),
    ]
    for bad, message in cases:
        response = client.post(reverse("tracking:desk-upload"), {"file": xlsx([headers, good, bad])})
        assert response.status_code == 200
        errors = [str(error) for error in response.context["form"].errors["file"]]
        assert errors[0] == "The file was refused and nothing was saved."
        assert any(error.startswith(message) for error in errors), (message, errors)
        assert not SupportLineRow.objects.exists()
    unknown = client.post(reverse("tracking:desk-upload"), {"file": xlsx([[*headers, "amount_krw"], good])})
    assert "Row 1, column H (amount_krw): Not a column of the template" in str(unknown.context["form"].errors)
    missing = client.post(reverse("tracking:desk-upload"), {"file": xlsx([headers[1:], good[1:]])})
    assert "The column Task number is missing." in str(missing.context["form"].errors)
    csv = client.post(reverse("tracking:desk-upload"), {"file": xlsx([headers, good], name="rows.csv")})
    assert csv.context["form"].errors["file"] == ["Upload the template as an XLSX file."]
    broken = client.post(reverse("tracking:desk-upload"), {"file": xlsx([headers], name="a.xlsx")})
    assert "The file has no data rows." in str(broken.context["form"].errors)
    assert not SupportLineRow.objects.exists() and not AuditEntry.objects.filter(
        action__startswith="tracking.support").exists()


def test_uploaded_text_is_stored_nfc_normalised(client, tasks, staff):
    client.force_login(staff["MOIS"])
    decomposed = unicodedata.normalize("NFD", "기업지원센터")
    response = client.post(reverse("tracking:desk-upload"), {"file": xlsx([
        ["task_id", "name", "year", "approved_krw"], [tasks["48870"].pk, decomposed, 2026, "1,000,000"]])})
    assert response.status_code == 302
    assert SupportLineRow.objects.get().values == {"name": "기업지원센터", "year": 2026, "approved_krw": 1_000_000}


@pytest.mark.parametrize("role", [Role.LOCAL_OFFICIAL, Role.PROVINCIAL_OFFICER, Role.REVIEWER, Role.COUNCIL_STAFF,
                                  Role.ADMINISTRATOR])
def test_no_other_role_reaches_the_desk_its_files_or_the_upload(client, tasks, role):
    support_row(tasks["48870"], "regional_visa", year=2026, visa_type="F-2-R", requested=15)
    client.force_login(make_user(role))
    assert client.get(reverse(DESK)).status_code == 403
    assert client.get(reverse(DESK), {"export": "xlsx"}).status_code == 403
    assert client.get(reverse("tracking:desk-template")).status_code == 403
    upload = client.post(reverse("tracking:desk-upload"), {"file": xlsx([
        ["task_id", "line", "year", "visa_type", "requested"],
        [tasks["12720"].pk, "regional_visa", 2026, "F-2-R", 1]])})
    assert upload.status_code == 403
    assert SupportLineRow.objects.count() == 1


def test_an_anonymous_visitor_is_sent_to_sign_in_and_a_get_of_the_upload_is_refused(client, staff):
    for name in (DESK, "tracking:desk-template", "tracking:desk-upload"):
        response = client.get(reverse(name))
        assert response.status_code == 302 and "login" in response.url
    client.force_login(staff["MOJ"])
    assert client.get(reverse("tracking:desk-upload")).status_code == 405


def test_a_ministry_cannot_upload_rows_of_another_ministrys_line_or_task_outside_its_contests(client, tasks, staff):
    from ministries.models import Ministry

    hamyang = tasks["48870"]
    hamyang.contest.participating_ministries.set(Ministry.objects.filter(code__in=["MSS", "MOJ"]))
    client.force_login(staff["MOF"])
    assert client.get(reverse(DESK)).context["table"].rows == []
    response = client.post(reverse("tracking:desk-upload"), {"file": xlsx([
        ["task_id", "line", "facility", "year", "kind", "amount_krw"],
        [hamyang.pk, "fisheries_infrastructure", "양식장", 2026, "aquaculture", 1]])})
    assert "column A (Task number): No task your ministry supports has this number." in str(
        response.context["form"].errors)
    client.force_login(staff["MOJ"])
    response = client.post(reverse("tracking:desk-upload"), {"file": xlsx([
        ["task_id", "line", "facility", "year", "kind", "amount_krw"],
        [hamyang.pk, "fisheries_infrastructure", "양식장", 2026, "aquaculture", 1]])})
    errors = str(response.context["form"].errors)
    assert "Not a column of the template" in errors  # MOF's measures are not MOJ's columns
    assert not SupportLineRow.objects.exists()


@pytest.mark.parametrize("name", ["-3공구 정비", "+센터", "=창업센터", "@지원센터", "'=이미 따옴표"])
def test_the_template_uploaded_back_unchanged_changes_nothing_whatever_the_text(client, tasks, staff, name):
    """The export writes a text that a spreadsheet would read as a formula with a leading apostrophe; read back,
    the apostrophe is the export's, not the text's: the key is the same and no second row appears."""
    row = support_row(tasks["48870"], "extinction_fund", name=name, year=2026, approved_krw=1_000_000)
    client.force_login(staff["MOIS"])
    headers, rows = _template(client)
    filled = [values for values in rows if values[headers.index("name")]]  # the template's empty rows aside
    assert [values[headers.index("name")] for values in filled] == ["'" + name]  # as text, never a formula
    response = client.post(reverse("tracking:desk-upload"), {"file": xlsx([headers, *filled])}, follow=True)
    assert "0 rows added, 0 changed, 1 unchanged" in response.content.decode()
    assert list(SupportLineRow.objects.values_list("values", flat=True)) == [row.values]


def _downloaded(client, language: str):
    """The template as a desk officer working in ``language`` downloads it: its rows as cells, and the sheet."""
    from django.conf import settings

    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    response = client.get(reverse("tracking:desk-template"))
    sheet = load_workbook(io.BytesIO(response.content)).active
    return [list(row) for row in sheet.iter_rows(values_only=True)], sheet


@pytest.mark.parametrize(("language", "names"), [
    ("ko", ["과제 번호", "접수 번호", "지자체", "과제명", "지원 분야"]),
    ("en", ["Task number", "Receipt number", "Local government", "Title", "Support line"])])
def test_the_template_names_its_columns_in_the_officers_language_and_keeps_the_codes_hidden(
        client, tasks, staff, language, names):
    """Row 1 is what a desk officer reads: every column and line by its name (Korean by default, English), no
    code; the codes the upload reads are a hidden second row, the panes frozen below it."""
    from ministries.registry import line_for

    gokseong = tasks["12720"]
    client.force_login(staff["MOJ"])
    rows, sheet = _downloaded(client, language)
    line = line_for("regional_visa")
    measures = [measure.name_ko if language == "ko" else measure.name_en for measure in line.measures]
    assert rows[0] == [*names, *measures]
    assert rows[1] == ["task_id", "receipt_number", "local_government", "title", "line",
                       *[measure.code for measure in line.measures]]
    assert sheet.row_dimensions[2].hidden and not sheet.row_dimensions[1].hidden and sheet.freeze_panes == "A3"
    blank = next(row for row in rows[2:] if row[0] == gokseong.pk)
    assert blank[4] == (line.name_ko if language == "ko" else line.name_en)  # the line by its name too


@pytest.mark.parametrize("language", ["ko", "en"])
@pytest.mark.parametrize("form", ["as downloaded", "names only", "codes only (a template of before)",
                                  "names of the other language"])
def test_the_template_filled_in_any_of_its_forms_uploads(client, tasks, staff, language, form):
    """Sent back as downloaded (names, hidden codes), with the row of codes deleted (copied into a new file), as
    a template of before (codes in row 1) or with the other language's names: the same rows are saved."""
    gokseong = tasks["12720"]
    client.force_login(staff["MOJ"])
    rows, _sheet = _downloaded(client, language)
    other, _sheet = _downloaded(client, "en" if language == "ko" else "ko")
    names, codes, body = rows[0], rows[1], rows[2:]
    column = {code: index for index, code in enumerate(codes)}
    for row in body:
        if row[0] == gokseong.pk:
            row[column["year"]], row[column["visa_type"]], row[column["requested"]] = 2026, "F-2-R", 7
    sent = {"as downloaded": [names, codes, *body], "names only": [names, *body],
            "codes only (a template of before)": [codes, *body], "names of the other language": [other[0], *body]}
    client.cookies["django_language"] = language
    response = client.post(reverse("tracking:desk-upload"), {"file": xlsx(sent[form]), "reason": "배정"})
    assert response.status_code == 302, response.context["form"].errors
    assert SupportLineRow.objects.get(task=gokseong).values == {"year": 2026, "visa_type": "F-2-R", "requested": 7}


def test_a_refused_upload_of_the_named_template_says_the_row_and_the_column_by_its_name(client, tasks, staff):
    from ministries.registry import line_for

    gokseong = tasks["12720"]
    requested = line_for("regional_visa").measure("requested").name_ko
    client.force_login(staff["MOJ"])
    rows, _sheet = _downloaded(client, "ko")
    column = {code: index for index, code in enumerate(rows[1])}
    for number, row in enumerate(rows[2:], start=3):
        if row[0] == gokseong.pk:
            row[column["year"]], row[column["visa_type"]], row[column["requested"]] = 2026, "F-2-R", "많이"
            bad_row = number
    for sent in ([rows[0], rows[1], *rows[2:]], [rows[0], *rows[2:]]):  # with and without the row of codes
        errors = client.post(reverse("tracking:desk-upload"), {"file": xlsx(sent)}).context["form"].errors["file"]
        letter = "ABCDEFGHIJ"[column["requested"]]
        number = bad_row if len(sent) == len(rows) else bad_row - 1
        assert any(str(error).startswith(f"{number}행 {letter}열({requested}): ") for error in errors), errors
    unknown = [[*rows[0], "비고"], *[[*row, ""] for row in rows[2:]]]
    errors = client.post(reverse("tracking:desk-upload"), {"file": xlsx(unknown)}).context["form"].errors["file"]
    assert any(str(error).startswith("1행 " + "ABCDEFGHIJK"[len(rows[0])] + "열(비고): 양식에 없는 열입니다")
               for error in errors), errors
    assert not SupportLineRow.objects.exists()


def test_a_measure_named_like_a_formula_is_text_in_the_templates_header_and_the_upload_still_reads_it(
        client, tasks, staff):
    from ministries.models import Measure

    Measure.objects.filter(line__code="regional_visa", code="requested").update(name_ko="=1+1", name_en="@SUM(A1)")
    client.force_login(staff["MOJ"])
    rows, _sheet = _downloaded(client, "en")
    assert "'@SUM(A1)" in rows[0] and not any(str(name).startswith(("=", "@")) for name in rows[0])
    column = {code: index for index, code in enumerate(rows[1])}
    body = rows[2:]
    body[0][column["year"]], body[0][column["visa_type"]], body[0][column["requested"]] = 2027, "F-2-R", 3
    for sent in ([rows[0], rows[1], *body], [rows[0], *body]):
        response = client.post(reverse("tracking:desk-upload"), {"file": xlsx(sent)})
        assert response.status_code == 302, response.context["form"].errors
    assert SupportLineRow.objects.get().values["requested"] == 3
