"""Each ministry keeps its own support line and no other; every change keeps who, when and why."""
import pytest
from django.urls import reverse

from accounts.roles import Role
from audit.models import AuditEntry
from ministries.reference import LINES as REFERENCE_LINES
from ministries.registry import line_for
from tests.factories import make_user
from tracking.models import SupportLineRow
from tracking.services import TrackingRefused, save_support_row

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]

LINE_OF = {ministry: code for ministry, code, *_rest in REFERENCE_LINES}
LINES = list(LINE_OF.values())


def row_data(code: str) -> dict:
    return {
        "regional_visa": {"year": 2026, "visa_type": "F-2-R", "requested": 15, "allocated": 12, "issued": 9},
        "extinction_fund": {"name": "기업지원센터", "year": 2026, "approved_krw": "1,200,000,000",
                            "disbursed_krw": "400,000,000"},
        "rural_agreement_facility": {"name": "공동 가공시설", "placement": "front", "amount_krw": "800,000,000",
                                     "status": "planned"},
        "sme_commercialization": {"year": 2026, "item": "marketing", "companies": 10, "amount_krw": "150,000,000"},
        "culture_tourism_content": {"programme": "산삼 축제", "year": 2026, "kind": "festival",
                                    "amount_krw": "90,000,000", "visitors": 12000},
        "fisheries_infrastructure": {"facility": "전복 종자 배양장", "year": 2026, "kind": "aquaculture",
                                     "amount_krw": "500,000,000", "status": "planned"},
    }[code]


@pytest.mark.parametrize("ministry", ["MOJ", "MOIS", "MAFRA", "MSS", "MCST", "MOF"])
def test_each_ministry_changes_only_its_own_line(client, hamyang, staff, ministry):
    client.force_login(staff[ministry])
    for code in LINES:
        url = reverse("tracking:support-add", args=[hamyang.pk, code])
        data = {**row_data(code), "reason": "배정 확정"}
        if code == LINE_OF[ministry]:
            assert client.get(url).status_code == 200
            assert client.post(url, data).status_code == 302, code
        else:
            assert client.get(url).status_code == 403, code
            assert client.post(url, data).status_code == 403, code
    assert list(SupportLineRow.objects.values_list("line__code", flat=True)) == [LINE_OF[ministry]]


@pytest.mark.parametrize("role", [Role.COUNCIL_STAFF, Role.LOCAL_OFFICIAL, Role.PROVINCIAL_OFFICER])
def test_no_one_outside_the_ministry_writes_a_line_not_even_the_council(client, hamyang, role):
    client.force_login(make_user(role))
    for code in LINES:
        response = client.post(reverse("tracking:support-add", args=[hamyang.pk, code]),
                               {**row_data(code), "reason": "x"})
        assert response.status_code == 403
    assert not SupportLineRow.objects.exists()


def test_the_service_refuses_another_ministry_whatever_calls_it(hamyang, staff):
    with pytest.raises(TrackingRefused, match="Ministry of Justice"):
        save_support_row(actor=staff["MSS"], task=hamyang, line=line_for("regional_visa"), row=None,
                         values={"year": 2026, "visa_type": "F-2-R", "requested": 1}, reason="x")


def test_a_change_keeps_who_when_why_and_before_and_after(client, hamyang, staff):
    client.force_login(staff["MOJ"])
    client.post(reverse("tracking:support-add", args=[hamyang.pk, "regional_visa"]),
                {**row_data("regional_visa"), "reason": "2026년 배정 확정"})
    row = SupportLineRow.objects.get()
    response = client.post(reverse("tracking:support-row", args=[hamyang.pk, "regional_visa", row.pk]),
                           {**row_data("regional_visa"), "issued": 11, "reason": "추가 발급"})
    assert response.status_code == 302
    entries = list(AuditEntry.objects.filter(action="tracking.support_saved").order_by("pk"))
    assert [(entry.actor, entry.reason) for entry in entries] == [(staff["MOJ"], "2026년 배정 확정"),
                                                                  (staff["MOJ"], "추가 발급")]
    assert entries[1].changes["issued"] == [9, 11]
    page = client.get(reverse("tracking:task", args=[hamyang.pk])).content.decode()
    assert "추가 발급" in page and "Visas issued: 9 → 11" in page


def test_a_rule_broken_shows_beside_the_form(client, hamyang, staff):
    client.force_login(staff["MOJ"])
    url = reverse("tracking:support-add", args=[hamyang.pk, "regional_visa"])
    response = client.post(url, {**row_data("regional_visa"), "issued": 20, "reason": "배정"})
    assert response.status_code == 200
    assert "Visas issued cannot exceed Persons allocated (12)." in response.content.decode()
    client.post(url, {**row_data("regional_visa"), "reason": "배정"})
    response = client.post(url, {**row_data("regional_visa"), "reason": "중복"})
    assert "has such a row already" in response.content.decode()
    assert SupportLineRow.objects.count() == 1


def test_a_removal_needs_a_reason_and_is_kept_in_the_trail(client, hamyang, staff):
    client.force_login(staff["MAFRA"])
    client.post(reverse("tracking:support-add", args=[hamyang.pk, "rural_agreement_facility"]),
                {**row_data("rural_agreement_facility"), "reason": "협약 반영"})
    row = SupportLineRow.objects.get()
    url = reverse("tracking:support-remove", args=[hamyang.pk, "rural_agreement_facility", row.pk])
    assert client.post(url, {"reason": ""}).status_code == 200
    assert client.post(url, {"reason": "사업 취소"}).status_code == 302
    assert not SupportLineRow.objects.exists()
    entry = AuditEntry.objects.get(action="tracking.support_removed")
    assert entry.reason == "사업 취소" and entry.changes["removed"]["amount_krw"] == 800_000_000
