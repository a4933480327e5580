"""Continuation (계속 지원, issue 19): a task funded on condition from its second year is paid for that year only
after the council's continuation evaluation; reduced funding amends the year's national line, a stop refuses
every later payment with the reason; the lead local government and its province hear of it; only the council
decides, on the page and through the API, and nobody else learns more than he may see."""
from datetime import date

import pytest
from django.urls import reverse

from accounts.roles import Role
from audit.models import AuditEntry
from notifications.models import Notification
from regions.models import LocalGovernment, Province
from tests.factories import api_as, make_user
from tests.tracking.builders import confirmed_tasks
from tracking.models import ContinuationEvaluation, Disbursement
from tracking.services import TrackingRefused, record_continuation, record_disbursement, set_condition

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english", "celery_eager")]

DANYANG = "43800"


@pytest.fixture
def round_tasks(council, django_capture_on_commit_callbacks):
    """Hamyang-gun, Gokseong-gun and Danyang-gun selected, each 500,000,000 KRW national in 2026 and in 2027."""
    return confirmed_tasks(council, django_capture_on_commit_callbacks, target=3)


@pytest.fixture
def danyang(round_tasks, council):
    """Danyang-gun's task, funded for 2026 only: its 2027 year waits for a continuation evaluation."""
    return set_condition(actor=council, task=round_tasks[DANYANG], from_year=2027,
                         reason="1년 과제: 2027년 지원은 2026년 성과평가 결과로 결정")


def line(task, year):
    return task.agreement_lines.get(year=year, source="national")


def test_danyangs_one_year_task_is_continued_with_reduced_funding_and_its_second_year_line_amended(
        danyang, council, django_capture_on_commit_callbacks):
    officials = make_user(Role.LOCAL_OFFICIAL, local_government=LocalGovernment.objects.get(code=DANYANG),
                          language="en")
    chungbuk = make_user(Role.PROVINCIAL_OFFICER, province=Province.objects.get(code="43"), language="en")
    make_user(Role.PROVINCIAL_OFFICER, language="en")  # Gyeongnam's: not concerned
    record_disbursement(actor=council, line=line(danyang, 2026), amount_krw=500_000_000, paid_on=date(2026, 2, 16))
    with pytest.raises(TrackingRefused, match="2027 funding is on condition"):
        record_disbursement(actor=council, line=line(danyang, 2027), amount_krw=1, paid_on=date(2027, 2, 15))

    with django_capture_on_commit_callbacks(execute=True):
        evaluation = record_continuation(actor=council, task=danyang, year=2027, outcome="reduced",
                                         national_krw=300_000_000, reason="성과평가 보통: 2027년 국비 40 % 감액")

    assert (evaluation.outcome, evaluation.national_krw) == ("reduced", 300_000_000)
    assert line(danyang, 2027).amount_krw == 300_000_000
    amended = AuditEntry.objects.filter(action="tracking.agreement_changed", target_id=str(danyang.pk)).get()
    assert amended.changes["amount_krw"] == [500_000_000, 300_000_000] and amended.actor == council
    decided = AuditEntry.objects.get(action="tracking.continuation_decided")
    assert (decided.reason, decided.changes["outcome"]) == ("성과평가 보통: 2027년 국비 40 % 감액", "reduced")
    told = set(Notification.objects.filter(event="tracking.continuation_decided")
               .values_list("recipient__username", flat=True))
    assert told == {officials.username, chungbuk.username}
    assert "Continue with reduced funding" in Notification.objects.filter(recipient=officials).get().subject

    with pytest.raises(TrackingRefused, match="300,000,001 KRW against an agreement of 300,000,000 KRW"):
        record_disbursement(actor=council, line=line(danyang, 2027), amount_krw=300_000_001, paid_on=date(2027, 2, 15))
    record_disbursement(actor=council, line=line(danyang, 2027), amount_krw=300_000_000, paid_on=date(2027, 2, 15))
    with pytest.raises(TrackingRefused, match="decided already"):
        record_continuation(actor=council, task=danyang, year=2027, outcome="stop", national_krw=None, reason="번복")


def test_a_stopped_tasks_second_year_cannot_be_paid_and_the_page_says_why(danyang, council, client):
    record_continuation(actor=council, task=danyang, year=2027, outcome="stop", national_krw=None,
                        reason="성과평가 미흡: 참여기업 실적 부진")
    with pytest.raises(TrackingRefused, match="stopped this task's funding from 2027: 성과평가 미흡"):
        record_disbursement(actor=council, line=line(danyang, 2027), amount_krw=1, paid_on=date(2027, 2, 15))
    assert line(danyang, 2027).amount_krw == 500_000_000  # the plan stays on record
    record_disbursement(actor=council, line=line(danyang, 2026), amount_krw=1_000, paid_on=date(2026, 2, 16))

    client.force_login(council)
    response = client.post(reverse("tracking:task-disbursement", args=[danyang.pk]),
                           {"line": line(danyang, 2027).pk, "amount_krw": "100,000,000", "paid_on": "2027-02-15"})
    assert response.status_code == 200 and "stopped this task&#x27;s funding from 2027" in response.content.decode()
    assert Disbursement.objects.filter(line__year=2027).count() == 0
    page = client.get(reverse("tracking:task", args=[danyang.pk])).content.decode()
    assert "성과평가 미흡: 참여기업 실적 부진" in page and 'data-hold="2027"' in page
    assert 'data-hold="2026"' not in page


@pytest.mark.parametrize(("year", "outcome", "amount", "message"), [
    (2027, "reduced", 500_000_000, "less than the 500,000,000 KRW planned"),
    (2027, "reduced", None, "Give the reduced national funding"),
    (2027, "continue", 400_000_000, "choose reduced funding"),
    (2027, "stop", 5, "A stopped year has no national funding"),
    (2026, "continue", None, "not on condition"),
])
def test_an_evaluation_that_does_not_fit_is_refused(danyang, council, year, outcome, amount, message):
    with pytest.raises(TrackingRefused, match=message):
        record_continuation(actor=council, task=danyang, year=year, outcome=outcome, national_krw=amount,
                            reason="평가")
    assert not ContinuationEvaluation.objects.exists()


def test_continue_keeps_the_planned_amount_and_opens_the_year(danyang, council):
    record_continuation(actor=council, task=danyang, year=2027, outcome="continue", national_krw=None,
                        reason="성과평가 우수")
    assert line(danyang, 2027).amount_krw == 500_000_000
    record_disbursement(actor=council, line=line(danyang, 2027), amount_krw=500_000_000, paid_on=date(2027, 2, 1))
    with pytest.raises(TrackingRefused, match="can no longer change"):
        set_condition(actor=council, task=danyang, from_year=None, reason="해제")


def test_the_council_records_it_on_the_tasks_page(danyang, council, client):
    client.force_login(council)
    url = reverse("tracking:task-continuation", args=[danyang.pk])
    assert client.get(url).status_code == 200
    response = client.post(url, {"year": "2027", "outcome": "reduced", "national_krw": "", "reason": "감액"})
    assert response.status_code == 200 and "Give the reduced national funding" in response.content.decode()
    response = client.post(url, {"year": "2027", "outcome": "reduced", "national_krw": "250,000,000",
                                 "reason": "성과평가 보통"})
    assert response.status_code == 302
    assert line(danyang, 2027).amount_krw == 250_000_000
    page = client.get(reverse("tracking:task", args=[danyang.pk])).content.decode()
    assert 'id="continuation-evaluations"' in page and "Continue with reduced funding" in page


def test_only_the_council_opens_the_pages_and_others_learn_nothing(danyang, round_tasks, client):
    lead = make_user(Role.LOCAL_OFFICIAL, local_government=danyang.local_government, language="en")
    other = make_user(Role.LOCAL_OFFICIAL, language="en")  # Hamyang-gun's
    for user, status in ((lead, 403), (other, 404), (make_user(Role.MINISTRY_STAFF, language="en"), 403)):
        client.force_login(user)
        for name in ("tracking:task-continuation", "tracking:task-condition"):
            assert client.get(reverse(name, args=[danyang.pk])).status_code == status


def test_the_api_decides_for_the_council_only(danyang, council):
    url = f"/api/v1/selected-tasks/{danyang.pk}/continuation/"
    body = {"year": 2027, "outcome": "reduced", "national_krw": 300_000_000, "reason": "성과평가 보통"}
    chungbuk, gyeongnam = Province.objects.get(code="43"), Province.objects.get(code="48")
    refused = {
        "lead official": (make_user(Role.LOCAL_OFFICIAL, local_government=danyang.local_government), 403),
        "other official": (make_user(Role.LOCAL_OFFICIAL), 404),
        "own province": (make_user(Role.PROVINCIAL_OFFICER, province=chungbuk), 403),
        "other province": (make_user(Role.PROVINCIAL_OFFICER, province=gyeongnam), 404),
        "ministry": (make_user(Role.MINISTRY_STAFF), 403),
        "reviewer": (make_user(Role.REVIEWER), 403),
    }
    for who, (user, status) in refused.items():
        response = api_as(user).post(url, body, format="json")
        assert response.status_code == status, who
        assert "성과평가" not in response.content.decode() and "300000000" not in response.content.decode(), who
    missing = api_as(make_user(Role.LOCAL_OFFICIAL)).post("/api/v1/selected-tasks/999999/continuation/", body,
                                                          format="json")
    assert missing.status_code == 404
    assert not ContinuationEvaluation.objects.exists()

    bad = api_as(council).post(url, {**body, "national_krw": 600_000_000}, format="json")
    assert bad.status_code == 400 and "planned" in str(bad.json())
    made = api_as(council).post(url, body, format="json")
    assert made.status_code == 201
    assert {key: made.json()[key] for key in ("year", "outcome", "national_krw")} == \
        {"year": 2027, "outcome": "reduced", "national_krw": 300_000_000}
    detail = api_as(council).get(f"/api/v1/selected-tasks/{danyang.pk}/").json()
    assert detail["conditional_from_year"] == 2027 and len(detail["continuation_evaluations"]) == 1
    assert line(danyang, 2027).amount_krw == 300_000_000


def test_a_korean_council_reads_the_condition_and_a_refusal_in_korean(danyang, client):
    client.force_login(make_user(Role.COUNCIL_STAFF, language="ko"))
    page = client.get(reverse("tracking:task", args=[danyang.pk])).content.decode()
    assert "계속 지원 평가" in page and "2027년부터 조건부 지원" in page and "지급 불가" in page
    response = client.post(reverse("tracking:task-continuation", args=[danyang.pk]),
                           {"year": "2027", "outcome": "reduced", "national_krw": "500,000,000", "reason": "감액"})
    assert "감액 금액은 해당 연도에 계획된 500,000,000원보다 적어야 합니다." in response.content.decode()


def test_the_api_sets_the_condition_for_the_council_only(round_tasks, council):
    hamyang = round_tasks["48870"]
    url = f"/api/v1/selected-tasks/{hamyang.pk}/continuation-condition/"
    lead = make_user(Role.LOCAL_OFFICIAL, language="en")  # Hamyang-gun's
    assert api_as(lead).post(url, {"from_year": 2027, "reason": "조건"}, format="json").status_code == 403
    first_year = api_as(council).post(url, {"from_year": 2026, "reason": "조건"}, format="json")
    assert first_year.status_code == 400 and "later year of the agreement (2027)" in str(first_year.json())
    made = api_as(council).post(url, {"from_year": 2027, "reason": "2027년은 성과평가 후 지원"}, format="json")
    assert made.status_code == 200 and made.json()["conditional_from_year"] == 2027
    entry = AuditEntry.objects.get(action="tracking.condition_set", target_id=str(hamyang.pk))
    assert (entry.reason, entry.changes["conditional_from_year"]) == ("2027년은 성과평가 후 지원", [None, 2027])
