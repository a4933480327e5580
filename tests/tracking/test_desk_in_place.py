"""The desk's template sent back with one row filled: the rows left blank (a task and line prefilled, no value)
are left aside, a row with any value is checked whole and refused by row and column, all or nothing; and a task
without a row gets its first row in place on the desk, as its own page would add it."""
from html.parser import HTMLParser

import pytest
from django.urls import reverse

from audit.models import AuditEntry
from tests.tracking.builders import support_row
from tests.tracking.test_desk import _template, xlsx
from tracking.models import SupportLineRow

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("registry", "english")]
UPLOAD = "tracking:desk-upload"


@pytest.fixture
def template(client, tasks, staff):
    """MOJ's template of two tasks (Hamyang-gun's with a row): the headers, and the rows by task id."""
    support_row(tasks["48870"], "regional_visa", year=2026, visa_type="F-2-R", requested=15, allocated=12)
    client.force_login(staff["MOJ"])
    headers, rows = _template(client)
    return headers, rows


def _fill(headers, row, **values):
    for code, value in values.items():
        row[headers.index(code)] = value
    return row


def test_one_filled_row_is_saved_and_the_blank_template_rows_are_left_aside(client, tasks, template):
    headers, rows = template
    gokseong = tasks["12720"]
    blank = [row for row in rows if row[0] == gokseong.pk]
    assert len(blank) == 1 and not any(blank[0][5:])  # the template's empty row: the task and line only
    extra_blank = [*blank[0][:5], *[None] * (len(headers) - 5)]  # a second blank row, as a copied line leaves
    _fill(headers, blank[0], year=2026, visa_type="F-2-R", requested=4)
    response = client.post(reverse(UPLOAD), {"file": xlsx([headers, *rows, extra_blank])}, follow=True)
    assert "1 rows added, 0 changed, 1 unchanged; 1 blank template rows left aside" in response.content.decode()
    assert SupportLineRow.objects.get(task=gokseong).values == {"year": 2026, "visa_type": "F-2-R", "requested": 4}
    assert AuditEntry.objects.get(action="tracking.support_uploaded").changes["skipped"] == 1


def test_only_blank_rows_are_refused_saying_there_is_nothing_to_save(client, tasks, template):
    headers, rows = template
    blank = [row for row in rows if row[0] == tasks["12720"].pk]
    response = client.post(reverse(UPLOAD), {"file": xlsx([headers, *blank])})
    assert "Row 2: Every row is empty" in str(response.context["form"].errors)


def test_a_half_filled_row_refuses_the_file_naming_its_row_and_column_without_a_particle(client, tasks, staff,
                                                                                      template):
    headers, rows = template
    gokseong = tasks["12720"]
    number = next(index for index, row in enumerate(rows, start=2) if row[0] == gokseong.pk)
    _fill(headers, rows[number - 2], requested=4)  # no year, no visa type
    response = client.post(reverse(UPLOAD), {"file": xlsx([headers, *rows])})
    errors = [str(error) for error in response.context["form"].errors["file"]]
    assert f"Row {number}, column F (Year): Required." in errors
    assert not SupportLineRow.objects.filter(task=gokseong).exists()
    staff["MOJ"].language = "ko"
    staff["MOJ"].save()
    korean = client.post(reverse(UPLOAD), {"file": xlsx([headers, *rows])}, HTTP_ACCEPT_LANGUAGE="ko")
    errors = [str(error) for error in korean.context["form"].errors["file"]]
    assert f"{number}행 F열(연도): 필수 항목입니다." in errors, errors
    assert not any("은(는)" in error for error in errors)


class _Forms(HTMLParser):
    """The desk's HTML forms by id (their action) and the fields that belong to each."""

    def __init__(self):
        super().__init__()
        self.actions, self.fields = {}, {}

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form" and attrs.get("id"):
            self.actions[attrs["id"]] = attrs.get("action")
        if attrs.get("form") and attrs.get("name") and tag in ("input", "select"):
            self.fields.setdefault(attrs["form"], {})[attrs["name"]] = attrs.get("value", "")


def test_a_task_without_a_row_gets_its_first_row_in_place_and_the_page_says_so(client, tasks, staff):
    hamyang, gokseong = tasks["48870"], tasks["12720"]
    support_row(hamyang, "regional_visa", year=2026, visa_type="F-2-R", requested=15, allocated=12)
    client.force_login(staff["MOJ"])
    desk = reverse("tracking:desk")
    body = client.get(desk).content.decode()
    assert "fill the empty row of a task that has none yet" in body and "opens the row" in body
    forms = _Forms()
    forms.feed(body)
    key = f"desk-new-{gokseong.pk}-regional_visa"
    assert forms.actions[key] == reverse("tracking:support-add", args=[gokseong.pk, "regional_visa"])
    assert {"year", "visa_type", "requested", "reason"} <= set(forms.fields[key])
    assert not forms.fields[key]["year"]
    assert not any(name.startswith(f"desk-new-{hamyang.pk}-") for name in forms.fields)  # it has a row
    refused = client.post(forms.actions[key], {"requested": "4", "reason": "신규", "next": desk})
    assert refused.status_code == 200 and not SupportLineRow.objects.filter(task=gokseong).exists()
    saved = client.post(forms.actions[key], {"year": "2026", "visa_type": "F-4-R", "requested": "4",
                                             "reason": "1분기 요청", "next": desk})
    assert saved.status_code == 302 and saved.url == desk
    assert SupportLineRow.objects.get(task=gokseong).values == {"year": 2026, "visa_type": "F-4-R", "requested": 4}
    assert AuditEntry.objects.filter(action="tracking.support_saved", reason="1분기 요청",
                                     actor=staff["MOJ"]).exists()
    assert f"desk-new-{gokseong.pk}-regional_visa" not in client.get(desk).content.decode()
