"""A ministry keeps support rows only on the tasks of the contests it takes part in (a contest that names no
ministry takes every one). Every door a ministry writes through (the row page, the API's create, change and
remove, the desk's in-place edit and its upload, the service itself) refuses a task of a contest without the
ministry and writes nothing; the same door still works on a task of a contest that includes it."""
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import Workbook

from audit.models import AuditEntry
from ministries.models import Ministry
from ministries.registry import line_for
from tests.factories import api_as
from tests.tracking.builders import support_row
from tracking.models import SupportLineRow
from tracking.services import TrackingRefused, save_support_row
from tracking.services.support_upload import UploadRefused, import_support_rows

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]

LINE = "fisheries_infrastructure"  # MOF's line
VALUES = {"facility": "전복 종자 배양장", "year": 2026, "kind": "aquaculture", "amount_krw": 500_000_000,
          "status": "planned"}
CHANGED = {**VALUES, "amount_krw": 600_000_000}
OUTSIDE = "Ministry of Oceans and Fisheries does not take part in"


def _contest_with(task, codes: list[str]) -> None:
    task.contest.participating_ministries.set(Ministry.objects.filter(code__in=codes))


def _xlsx(rows: list[list]) -> SimpleUploadedFile:
    book = Workbook()
    for row in rows:
        book.active.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return SimpleUploadedFile("support.xlsx", buffer.getvalue(),
                              content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")


def _page_add(client, api, task, row):
    return client.post(reverse("tracking:support-add", args=[task.pk, LINE]), {**VALUES, "reason": "배정"})


def _page_change(client, api, task, row):
    return client.post(reverse("tracking:support-row", args=[task.pk, LINE, row.pk]), {**CHANGED, "reason": "변경"})


def _page_remove(client, api, task, row):
    return client.post(reverse("tracking:support-remove", args=[task.pk, LINE, row.pk]), {"reason": "취소"})


def _desk_edit(client, api, task, row):
    """The desk's in-place form posts to the row's own page with ``next`` back to the desk."""
    return client.post(reverse("tracking:support-row", args=[task.pk, LINE, row.pk]),
                       {**CHANGED, "reason": "변경", "next": reverse("tracking:desk")})


def _api_create(client, api, task, row):
    return api.post(f"/api/v1/support-lines/{LINE}/", {"task": task.pk, "values": VALUES, "reason": "배정"},
                    format="json")


def _api_update(client, api, task, row):
    return api.put(f"/api/v1/support-lines/{LINE}/{row.pk}/", {"values": CHANGED, "reason": "변경"}, format="json")


def _api_remove(client, api, task, row):
    return api.post(f"/api/v1/support-lines/{LINE}/{row.pk}/remove/", {"reason": "취소"}, format="json")


def _desk_upload(client, api, task, row):
    return client.post(reverse("tracking:desk-upload"), {"file": _xlsx([
        ["task_id", "line", *VALUES], [task.pk, LINE, *CHANGED.values()]])})


# (door, whether it needs a row to act on, what it answers when it works)
DOORS = [(_page_add, False, 302), (_page_change, True, 302), (_page_remove, True, 302), (_desk_edit, True, 302),
         (_api_create, False, 201), (_api_update, True, 200), (_api_remove, True, 204), (_desk_upload, False, 302)]


def _state():
    return (list(SupportLineRow.objects.order_by("pk").values_list("pk", "values")),
            AuditEntry.objects.filter(action__startswith="tracking.support").count())


@pytest.mark.parametrize(("door", "needs_row", "works"), DOORS, ids=[door.__name__[1:] for door, *_ in DOORS])
def test_a_ministry_writes_no_row_on_a_task_of_a_contest_without_it(client, hamyang, staff, door, needs_row, works):
    _contest_with(hamyang, ["MSS", "MOJ"])  # the round names ministries, not MOF
    row = support_row(hamyang, LINE, **VALUES) if needs_row else None  # written before the round was narrowed
    before = _state()
    client.force_login(staff["MOF"])
    response = door(client, api_as(staff["MOF"]), hamyang, row)
    if door is _desk_upload:  # refused whole, the row named
        assert response.status_code == 200
        assert "Row 2, column A (Task number)" in str(response.context["form"].errors)
    else:
        assert response.status_code == 403, response
    assert _state() == before


@pytest.mark.parametrize(("door", "needs_row", "works"), DOORS, ids=[door.__name__[1:] for door, *_ in DOORS])
@pytest.mark.parametrize("codes", [["MOF", "MSS"], []], ids=["named", "names-none"])
def test_the_same_door_works_on_a_task_of_a_contest_with_it(client, hamyang, staff, door, needs_row, works, codes):
    _contest_with(hamyang, codes)
    row = support_row(hamyang, LINE, **VALUES) if needs_row else None
    client.force_login(staff["MOF"])
    response = door(client, api_as(staff["MOF"]), hamyang, row)
    assert response.status_code == works, getattr(response, "content", b"")[:500]
    assert AuditEntry.objects.filter(action__startswith="tracking.support").exists()


def test_the_service_refuses_whoever_calls_it_and_says_why(hamyang, staff):
    _contest_with(hamyang, ["MSS"])
    with pytest.raises(TrackingRefused, match=OUTSIDE):
        save_support_row(actor=staff["MOF"], task=hamyang, line=line_for(LINE), row=None, values=VALUES, reason="x")
    assert not SupportLineRow.objects.exists()


def test_an_upload_given_a_task_outside_the_ministrys_contests_refuses_that_row_by_number(hamyang, staff):
    """Whatever tasks the caller hands the service, each row asks the predicate: the row is named and nothing
    of the file is written."""
    from regions.tabular import read_table

    _contest_with(hamyang, ["MSS"])
    file = _xlsx([["task_id", "line", *VALUES], [hamyang.pk, LINE, *VALUES.values()]])
    with pytest.raises(UploadRefused) as refused:
        import_support_rows(actor=staff["MOF"], ministry=staff["MOF"].ministry,
                            table=read_table(io.BytesIO(file.read()), "support.xlsx"),
                            lines={LINE: line_for(LINE)}, tasks={hamyang.pk: hamyang}, file_name="support.xlsx")
    assert [str(problem).split(":")[0] for problem in refused.value.problems] == ["Row 2, column A (Task number)"]
    assert OUTSIDE in refused.value.problems[0].message
    assert not SupportLineRow.objects.exists()


def test_the_desk_offers_no_task_or_row_of_a_contest_without_the_ministry(client, hamyang, staff):
    _contest_with(hamyang, ["MSS"])
    row = support_row(hamyang, LINE, **VALUES)
    client.force_login(staff["MOF"])
    page = client.get(reverse("tracking:desk"))
    assert hamyang not in [desk_row.task for desk_row in page.context["table"].rows]
    assert reverse("tracking:support-row", args=[hamyang.pk, LINE, row.pk]) not in page.content.decode()
    task_page = client.get(reverse("tracking:task", args=[hamyang.pk])).content.decode()
    assert reverse("tracking:support-add", args=[hamyang.pk, LINE]) not in task_page
