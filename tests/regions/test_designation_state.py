"""A designation of a unit that no longer exists is not valid today, wherever the registry says whether a
designation is valid: Incheon Dong-gu (abolished 2026-06-30) keeps an open-ended area-of-interest designation
waiting for the council's successor decision."""
from datetime import date

import pytest
from django.urls import reverse
from django.utils import timezone

from accounts.roles import Role
from regions.models import Designation, DesignationKind, LocalGovernment
from regions.selectors import designation_counts, eligible_local_governments
from regions.succession import decide_designation_successor
from tests.factories import make_user

pytestmark = pytest.mark.usefixtures("registry", "english")
AFTER = date(2026, 11, 29)


@pytest.fixture
def after_reorganisation(monkeypatch):
    monkeypatch.setattr(timezone, "localdate", lambda *args, **kwargs: AFTER)


def _dong_gu():
    return LocalGovernment.objects.get(code="28140")


def _today_cell(body: str, designation: Designation) -> str:
    return body[body.index(f'id="designation-{designation.pk}-today"'):].split("</td>")[0]


def test_the_page_api_and_counts_say_the_abolished_units_designation_awaits_the_decision(
        client, after_reorganisation):
    dong_gu = _dong_gu()
    designation = dong_gu.designations.get(kind=DesignationKind.INTEREST_AREA)
    assert designation.valid_to is None and not dong_gu.exists_on(AFTER)
    client.force_login(make_user(Role.COUNCIL_STAFF, language="en"))
    body = client.get(reverse("regions:detail", args=[dong_gu.pk])).content.decode()
    assert "awaiting the successor decision" in _today_cell(body, designation)
    assert ">valid<" not in _today_cell(body, designation)
    api = client.get(f"/api/v1/designations/{designation.pk}/").json()
    assert api["state"] == "awaiting_successor"
    listed = client.get("/api/v1/designations/", {"local_government": dong_gu.pk}).json()
    rows = listed["results"] if isinstance(listed, dict) else listed
    assert {row["id"]: row["state"] for row in rows}[designation.pk] == "awaiting_successor"
    assert dong_gu not in eligible_local_governments(kinds=[DesignationKind.INTEREST_AREA], on=AFTER)
    before = designation_counts(on=date(2026, 6, 30))[DesignationKind.INTEREST_AREA]
    assert designation_counts(on=AFTER)[DesignationKind.INTEREST_AREA] == before - 1


def test_once_the_council_decides_the_old_designation_reads_ended_and_the_successors_valid(
        client, after_reorganisation):
    dong_gu = _dong_gu()
    designation = dong_gu.designations.get(kind=DesignationKind.INTEREST_AREA)
    council = make_user(Role.COUNCIL_STAFF, language="en")
    decide_designation_successor(actor=council, designation=designation, outcome="carry",
                                 successor=LocalGovernment.objects.get(code="28125"), effective_on=date(2026, 7, 1),
                                 source="행정안전부 고시", reason="승계")
    designation.refresh_from_db()
    client.force_login(council)
    body = client.get(reverse("regions:detail", args=[dong_gu.pk])).content.decode()
    assert ">valid<" not in _today_cell(body, designation)
    assert "awaiting the successor decision" not in _today_cell(body, designation)
    jemulpo = LocalGovernment.objects.get(code="28125")
    carried = jemulpo.designations.get(kind=DesignationKind.INTEREST_AREA)
    page = client.get(reverse("regions:detail", args=[jemulpo.pk])).content.decode()
    assert ">valid<" in _today_cell(page, carried)
