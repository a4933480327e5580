"""A contest caps what one participating company may receive in a year (2026: 90,000,000 KRW): recording its
support above the cap, across the contest's tasks, is refused with the reason; up to it is kept."""
from datetime import date

import pytest
from django.urls import reverse

from accounts.roles import Role
from tests.factories import make_user
from tracking.models import ApplicationStatus, CompanyApplication, Recruitment
from tracking.services import TrackingRefused, update_company

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]
BRN = "2208162517"


def _participant(task, opens_on: date, number: str = BRN) -> CompanyApplication:
    official = make_user(Role.LOCAL_OFFICIAL, local_government=task.local_government)
    recruitment = Recruitment.objects.create(task=task, title="참여기업 모집", published_through="테크노파크",
                                             body="모집", opens_on=opens_on, closes_on=opens_on, created_by=official)
    return CompanyApplication.objects.create(
        recruitment=recruitment, company_name="지리산산삼바이오", business_registration_number=number,
        representative="김지리", email="ceo@example.invalid", growth_stage="early", plan="시제품",
        status=ApplicationStatus.SELECTED)


def test_support_above_the_contests_yearly_cap_is_refused_with_the_reason(client, tasks):
    hamyang, gokseong = tasks["48870"], tasks["12720"]
    contest = hamyang.contest
    contest.company_support_cap_krw = 90_000_000
    contest.save()
    first, second = _participant(hamyang, date(2026, 2, 1)), _participant(gokseong, date(2026, 5, 1))
    next_year = _participant(gokseong, date(2027, 2, 1), number=BRN)
    update_company(actor=None, application=first, growth_stage="early", support_received_krw=60_000_000, reason="")
    with pytest.raises(TrackingRefused, match=r"100,000,000 KRW in 2026.*at most 90,000,000 KRW a year"):
        update_company(actor=None, application=second, growth_stage="early", support_received_krw=40_000_000,
                       reason="")
    update_company(actor=None, application=second, growth_stage="early", support_received_krw=30_000_000, reason="")
    update_company(actor=None, application=next_year, growth_stage="early", support_received_krw=90_000_000,
                   reason="")
    second.refresh_from_db()
    assert second.support_received_krw == 30_000_000

    official = make_user(Role.LOCAL_OFFICIAL, local_government=hamyang.local_government, language="en")
    client.force_login(official)
    response = client.post(reverse("tracking:application-progress", args=[first.pk]),
                           {"growth_stage": "growth", "support_received_krw": "61,000,000", "reason": "추가 지원"})
    assert response.status_code == 200
    page = response.content.decode()
    assert "at most 90,000,000 KRW a year" in page and "61,000,000" in page
    first.refresh_from_db()
    assert first.support_received_krw == 60_000_000


def test_without_a_cap_any_amount_is_kept(tasks):
    application = _participant(tasks["48870"], date(2026, 2, 1))
    update_company(actor=None, application=application, growth_stage="early", support_received_krw=500_000_000,
                   reason="")
    application.refresh_from_db()
    assert application.support_received_krw == 500_000_000
