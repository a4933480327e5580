"""Numbers and dates as an outside tester types them (issue 21, kind 6), on the doors landed with the ministry
desk, the support lines and the evaluation stages. Python's ``str.isdigit`` is true for '²' and '١٢', which
``int`` refuses or reads as another number, and ``int`` raises past 4,300 digits: each door that took an id or
a year from text by ``isdigit`` answered 500. Every such door now reads the text with
``core.fields.ascii_whole_number``; and a date anywhere (a stage's days, a support line's date measure) lies
within the portal's years like every other date typed."""
import io

import pytest
from django.urls import reverse
from openpyxl import Workbook

from core.fields import ascii_whole_number
from ministries.registry import support_lines
from ministries.services import create_line_kind
from ministries.values import clean_values
from tests.factories import api_as, make_open_contest
from tests.tracking.test_desk import xlsx
from tracking.models import SupportLineRow

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("registry", "english")]

LOOKALIKES = ["²", "¹²", "١٢", "１２", "9" * 5000, str(2**63), "1" + "0" * 30, "-1", "1.0", " 7 ", ""]


def test_only_ascii_digits_within_64_bits_read_as_a_whole_number():
    assert [ascii_whole_number(text) for text in LOOKALIKES] == [
        None, None, None, None, None, None, None, None, None, 7, None]
    assert ascii_whole_number(str(2**63 - 1)) == 2**63 - 1 and ascii_whole_number(None) is None
    assert ascii_whole_number(2026) == 2026


def test_every_filter_that_takes_an_id_survives_lookalike_digits(client, tasks, staff, council):
    api = api_as(council)
    pages = [(staff["MOJ"], reverse("tracking:desk")), (staff["MOJ"], reverse("tracking:desk-template")),
             (council, reverse("tracking:task-list"))]
    problems = []
    for text in LOOKALIKES:
        for user, url in pages:
            client.force_login(user)
            answer = client.get(url, {"contest": text})
            if answer.status_code != 200:
                problems.append(f"{url}?contest={text[:20]}: {answer.status_code}")
        answer = api.get("/api/v1/support-lines/regional_visa/", {"task": text})
        if answer.status_code != 200:
            problems.append(f"support rows ?task={text[:20]}: {answer.status_code}")
    assert not problems, problems


def test_an_upload_whose_task_id_is_a_lookalike_is_refused_naming_the_cell(client, tasks, staff):
    client.force_login(staff["MOJ"])
    headers = ["task_id", "line", "year", "visa_type", "requested", "allocated", "issued"]
    for text in LOOKALIKES[:-1]:
        response = client.post(reverse("tracking:desk-upload"), {"file": xlsx([
            headers, [text, "regional_visa", 2026, "F-2-R", 5, 4, 3]])})
        assert response.status_code == 200, text[:20]
        errors = [str(error) for error in response.context["form"].errors["file"]]
        assert "Row 2, column A (Task number): No task your ministry supports has this number." in errors
    assert not SupportLineRow.objects.exists()


def test_an_upload_naming_a_column_twice_is_refused_naming_the_second(client, tasks, staff):
    client.force_login(staff["MOJ"])
    response = client.post(reverse("tracking:desk-upload"), {"file": xlsx([
        ["task_id", "line", "year", "visa_type", "requested", "requested"],
        [tasks["48870"].pk, "regional_visa", 2026, "F-2-R", 5, 50]])})
    errors = [str(error) for error in response.context["form"].errors["file"]]
    assert "Row 1, column F (Persons requested): This column appears twice." in errors
    assert not SupportLineRow.objects.exists()


def test_a_rural_agreement_import_with_a_lookalike_year_names_the_row(council):
    from regions.services import ImportRejected, import_rural_agreement

    for year in ("²⁰²⁶", "９" * 4, "9" * 5000):
        book = Workbook()
        book.active.append(["selection_year", "province_ko", "name_ko"])
        book.active.append([year, "경상남도", "함양군"])
        buffer = io.BytesIO()
        book.save(buffer)
        with pytest.raises(ImportRejected) as refused:
            import_rural_agreement(stream=io.BytesIO(buffer.getvalue()), file_name="rural.xlsx", reason="점검",
                                   imported_by=council)
        assert any(error.row == 2 and "selection year" in error.message for error in refused.value.errors)


@pytest.mark.parametrize("day", ["0001-01-01", "9999-12-31", "1999-12-31"])
def test_a_stage_day_outside_the_portals_years_is_refused_by_the_api(council, day):
    contest = make_open_contest()
    api = api_as(council)
    added = api.post(f"/api/v1/contests/{contest.pk}/stages/", {"code": "site", "kind": "site_visit",
                                                                 "starts_on": day}, format="json")
    assert added.status_code == 400 and "starts_on" in added.json()
    stage = api.get(f"/api/v1/contests/{contest.pk}/stages/").json()[0]
    if stage["id"] is None:  # the default stages are rows once one is added
        api.post(f"/api/v1/contests/{contest.pk}/stages/", {"code": "site", "kind": "site_visit"}, format="json")
        stage = api.get(f"/api/v1/contests/{contest.pk}/stages/").json()[0]
    changed = api.patch(f"/api/v1/contest-stages/{stage['id']}/", {"ends_on": day}, format="json")
    assert changed.status_code == 400 and "ends_on" in changed.json()
    assert not contest.stages.filter(ends_on=day).exists()


@pytest.mark.parametrize("day", ["0001-01-01", "9999-12-31"])
def test_a_date_measure_outside_the_portals_years_is_refused(council, day):
    create_line_kind(actor=council, ministry_code="MOF", code="port_works", name_ko="항만 공사", name_en="Port works",
                     measures=[{"code": "completed_on", "name_ko": "준공일", "name_en": "Completed on",
                                "type": "date"}])
    line = support_lines()["port_works"]
    assert clean_values(line, {"completed_on": "2026-03-31"}) == {"completed_on": "2026-03-31"}
    with pytest.raises(Exception) as refused:
        clean_values(line, {"completed_on": day})
    assert "Enter a date between 2000-01-01 and 2100-12-31." in str(refused.value)
