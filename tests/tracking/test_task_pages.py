"""Who reaches which tracking page: the council manages, the lead local government reports, the province
confirms its plan, the ministries read; others get 404 for a task they may not see, 403 for an action."""
from datetime import date, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from accounts.roles import Role
from tests.factories import make_outsider, make_user
from tracking.models import ApplicationStatus, CompanyApplication, PlanInclusion, TaskStatus
from tracking.services import TrackingRefused, change_status, publish_recruitment, record_disbursement

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]


def council_actions(task):
    return [reverse("tracking:task-status", args=[task.pk]), reverse("tracking:task-agreement", args=[task.pk]),
            reverse("tracking:task-disbursement", args=[task.pk]), reverse("tracking:task-grade", args=[task.pk])]


def official_actions(task):
    return [reverse("tracking:milestone-add", args=[task.pk]), reverse("tracking:recruitment-add", args=[task.pk])]


@pytest.mark.parametrize("who", ["other_official", "other_province", Role.REVIEWER])
def test_a_task_is_invisible_to_those_it_does_not_concern(client, hamyang, who):
    client.force_login(make_outsider(who))
    for url in [reverse("tracking:task", args=[hamyang.pk]), *council_actions(hamyang), *official_actions(hamyang),
                reverse("tracking:task-plan", args=[hamyang.pk]),
                reverse("tracking:report", args=[hamyang.reports.first().pk])]:
        assert client.get(url).status_code in (403, 404), url
        assert client.post(url, {}).status_code in (403, 404), url
    listing = client.get(reverse("tracking:task-list"))
    assert listing.status_code == 403 or hamyang.title not in listing.content.decode()


@pytest.mark.parametrize("role", [Role.LOCAL_OFFICIAL, Role.PROVINCIAL_OFFICER, Role.MINISTRY_STAFF])
def test_only_the_council_manages_status_money_and_grades(client, hamyang, role):
    client.force_login(make_user(role))
    assert client.get(reverse("tracking:task", args=[hamyang.pk])).status_code == 200
    for url in council_actions(hamyang):
        assert client.get(url).status_code == 403, url
        assert client.post(url, {"status": "running", "reason": "x"}).status_code == 403, url
    hamyang.refresh_from_db()
    assert hamyang.status == TaskStatus.PREPARING


@pytest.mark.parametrize("role", [Role.COUNCIL_STAFF, Role.PROVINCIAL_OFFICER, Role.MINISTRY_STAFF])
def test_only_the_lead_local_government_writes_milestones_and_recruitments(client, hamyang, role):
    client.force_login(make_user(role))
    for url in official_actions(hamyang):
        assert client.post(url, {"title": "x", "due_on": "2026-05-01"}).status_code == 403
    assert not hamyang.milestones.exists()


def test_the_council_moves_the_status_with_a_reason_along_allowed_moves(client, hamyang, council):
    client.force_login(council)
    url = reverse("tracking:task-status", args=[hamyang.pk])
    assert client.post(url, {"status": "running", "reason": ""}).status_code == 200
    assert client.post(url, {"status": "running", "reason": "협약 체결"}).status_code == 302
    change_status(actor=council, task=hamyang, status="completed", reason="사업 종료")
    with pytest.raises(TrackingRefused):
        change_status(actor=council, task=hamyang, status="running", reason="재개")
    page = client.get(reverse("tracking:task", args=[hamyang.pk])).content.decode()
    assert "status: Preparing → Running" in page and "협약 체결" in page


def test_the_province_confirms_the_plan_and_the_council_grades(client, hamyang, council):
    officer = make_user(Role.PROVINCIAL_OFFICER, language="en")
    client.force_login(officer)
    url = reverse("tracking:task-plan", args=[hamyang.pk])
    assert client.post(url, {"year": 2026, "plan_title": "2026년 경상남도 지역산업진흥계획"}).status_code == 302
    response = client.post(url, {"year": 2026, "plan_title": "again"})
    assert "confirmed already" in response.content.decode()
    assert PlanInclusion.objects.get().confirmed_by == officer
    client.force_login(council)
    assert client.post(url, {"year": 2027, "plan_title": "x"}).status_code == 403
    grade_url = reverse("tracking:task-grade", args=[hamyang.pk])
    assert client.post(grade_url, {"year": 2026, "grade": "excellent", "reasons": ""}).status_code == 200
    assert client.post(grade_url, {"year": 2026, "grade": "excellent", "reasons": "KPI 조기 달성"}).status_code == 302
    assert client.post(grade_url, {"year": 2026, "grade": "fair", "reasons": "재평가"}).status_code == 302
    assert hamyang.grades.get().grade == "fair"
    page = client.get(reverse("tracking:task", args=[hamyang.pk])).content.decode()
    assert "grade: Excellent → Fair" in page and "재평가" in page


def test_the_timeline_runs_from_the_proposal_to_today(client, hamyang, council):
    client.force_login(council)
    page = client.get(reverse("tracking:task", args=[hamyang.pk])).content.decode()
    timeline = page[page.index('id="timeline-events"'):]
    # (the builder confirms at the end of the objection period, which lies ahead of the test's now)
    assert timeline.index("Proposal started") < timeline.index("Selection approved") \
        < timeline.index("Selection results published") < timeline.index("Selected task opened")
    assert "Selection results confirmed" in timeline


@pytest.fixture
def recruitment(hamyang):
    today = timezone.localdate()
    return publish_recruitment(actor=make_user(Role.LOCAL_OFFICIAL), task=hamyang, values={
        "title": "참여기업 모집", "published_through": "경남테크노파크", "body": "산삼 항노화 기업 모집",
        "opens_on": today - timedelta(days=1), "closes_on": today + timedelta(days=10)})


APPLICATION = {"company_name": "지리산산삼바이오", "business_registration_number": "220-81-62517",
               "representative": "김지리", "email": "ceo@example.invalid", "growth_stage": "early",
               "youth_led": "on", "plan": "시제품 제작"}


@pytest.fixture
def visitor(client, settings):
    """Someone without an account who chose English on the page."""
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    return client


def test_a_company_applies_on_the_public_page_with_its_number_checked(visitor, recruitment):
    client = visitor
    url = reverse("tracking:apply", args=[recruitment.pk])
    page = client.get(url).content.decode()
    assert "apply-form" in page and "경남테크노파크" in page
    response = client.post(url, {**APPLICATION, "business_registration_number": "220-81-62518"})
    page = response.content.decode()
    assert "check digit" in page and "지리산산삼바이오" in page  # the message beside the field, nothing lost
    assert client.post(url, APPLICATION).status_code == 302
    response = client.post(url, APPLICATION)
    assert "has applied already" in response.content.decode()
    assert CompanyApplication.objects.get().business_registration_number == "2208162517"


def test_applications_outside_the_period_are_refused(visitor, recruitment):
    client = visitor
    recruitment.closes_on = recruitment.opens_on = timezone.localdate() - timedelta(days=3)
    recruitment.save()
    url = reverse("tracking:apply", args=[recruitment.pk])
    assert "apply-closed" in client.get(url).content.decode()
    response = client.post(url, APPLICATION)
    assert "Applications are accepted from" in response.content.decode()
    assert not CompanyApplication.objects.exists()


def test_the_official_chooses_companies_after_the_period_and_tracks_them(client, hamyang, recruitment):
    client.post(reverse("tracking:apply", args=[recruitment.pk]), APPLICATION)
    application = CompanyApplication.objects.get()
    official = make_user(Role.LOCAL_OFFICIAL, language="en")
    client.force_login(official)
    decide = reverse("tracking:application-decide", args=[application.pk])
    progress = reverse("tracking:application-progress", args=[application.pk])
    page = client.get(reverse("tracking:recruitment", args=[recruitment.pk])).content.decode()
    assert decide in page and progress not in page  # undecided: Decide is offered, Update not yet
    assert "after applications close" in client.post(decide, {"select": "yes"}).content.decode()
    recruitment.closes_on = date.today() - timedelta(days=1)
    recruitment.save()
    assert client.post(decide, {"select": "yes"}).status_code == 302
    assert "decided already" in client.post(decide, {"select": "no"}).content.decode()
    assert client.post(progress, {"growth_stage": "expansion", "support_received_krw": "45,000,000",
                                  "reason": "상반기 지원"}).status_code == 302
    application.refresh_from_db()
    assert (application.status, application.growth_stage, application.support_received_krw) == (
        ApplicationStatus.SELECTED, "expansion", 45_000_000)
    page = client.get(reverse("tracking:recruitment", args=[recruitment.pk])).content.decode()
    assert "220-81-62517" in page and "45,000,000" in page
    assert progress in page and decide not in page  # selected: tracked, no longer decided
    client.force_login(make_outsider("other_official"))
    assert client.get(reverse("tracking:recruitment", args=[recruitment.pk])).status_code == 404
    assert client.post(progress, {"growth_stage": "growth", "support_received_krw": "1", "reason": "x"}
                       ).status_code == 404


def test_the_official_keeps_milestones_and_a_repeated_name_is_refused_beside_the_form(client, hamyang):
    client.force_login(make_user(Role.LOCAL_OFFICIAL, language="en"))
    url = reverse("tracking:milestone-add", args=[hamyang.pk])
    data = {"title": "참여기업 모집 공고", "due_on": "2026-01-15"}
    assert client.post(url, data).status_code == 302
    response = client.post(url, {**data, "due_on": "2026-02-01"})
    assert "milestone of this name already" in response.content.decode()
    milestone = hamyang.milestones.get()
    response = client.post(reverse("tracking:milestone", args=[hamyang.pk, milestone.pk]),
                           {**data, "completed_on": "2026-01-12"})
    assert response.status_code == 302
    milestone.refresh_from_db()
    assert milestone.completed_on == date(2026, 1, 12)


def test_the_task_list_shows_each_tasks_own_national_funding_and_late_reports(client, tasks, council):
    hamyang = tasks["48870"]
    record_disbursement(actor=council, line=hamyang.agreement_lines.get(year=2026), amount_krw=250_000_000,
                        paid_on=date(2026, 2, 16))
    client.force_login(council)
    rows = {task.pk: task for task in client.get(reverse("tracking:task-list")).context["tasks"]}
    assert (rows[hamyang.pk].agreed_national_krw, rows[hamyang.pk].disbursed_national_krw) == (
        1_000_000_000, 250_000_000)
    late = hamyang.reports.filter(due_on__lt=timezone.localdate()).count()
    assert rows[hamyang.pk].late_report_count == late


def test_a_milestone_reads_as_a_milestone_in_korean_not_as_a_scoring_deadline(client, hamyang):
    official = make_user(Role.LOCAL_OFFICIAL, language="ko")
    client.force_login(official)
    client.post(reverse("tracking:milestone-add", args=[hamyang.pk]), {"title": "참여기업 모집 공고",
                                                                       "due_on": "2026-01-15"})
    page = client.get(reverse("tracking:task", args=[hamyang.pk])).content.decode()
    assert "기한 2026-01-15" in page and "평가 기한" not in page
