"""The 2025 round's 24 selected tasks for the demo, in their second and last year (funded 2025–2026; the
portal's today is late 2026).

Hamyang-gun's wild-ginseng task carries the most: the funding agreement of the article (1,000,000,000 KRW
national and 66,000,000 KRW provincial for 2025–2026), payments, milestones, the recruitment through
Gyeongnam Technopark in January 2025, its reports of 2025 and the first half of 2026 accepted (the second
half of 2026 to write), the province's 2025 plan, a 2025 grade and a row in each of the four ministries'
support lines. The other tasks' reports are in, but Jeongseon-gun's latest is late; one recruitment is open
now so the public application page can be tried. Everything goes through the services.
"""
from datetime import date, timedelta

from django.contrib.auth import get_user_model
from django.utils import timezone

from ministries.registry import line_for
from selection.models import RunStatus
from tracking.models import ProgressReport, ReportStatus, SelectedTask, TaskStatus
from tracking.services import (
    apply_to_recruitment,
    change_status,
    confirm_plan_inclusion,
    decide_application,
    grade_task,
    open_tasks_for_run,
    publish_recruitment,
    record_disbursement,
    review_report,
    save_milestone,
    save_report,
    save_support_row,
    set_agreement_line,
    submit_report,
    update_company,
)

from .demo_clock import demo_clock, working_moments
from .demo_dates import ROUND_2025, kst
from .demo_proposals import _brn

AGREED = kst(2025, 1, 6, 10)  # the funding agreements signed, the tasks started (the article: January 2025)
# When each half's reports came in and were accepted (KST): ten days after the half, reviewed the week after.
REPORT_DAYS = {(2025, 1): (kst(2025, 7, 7, 9), kst(2025, 7, 11, 18), kst(2025, 7, 18, 11)),
               (2025, 2): (kst(2026, 1, 5, 9), kst(2026, 1, 9, 18), kst(2026, 1, 16, 11)),
               (2026, 1): (kst(2026, 7, 6, 9), kst(2026, 7, 10, 18), kst(2026, 7, 17, 11))}

HAMYANG_APPLICANTS = [
    ("지리산산삼바이오", "611810231", "대표 김지리", "early", True, 45_000_000),
    ("함양항노화식품", "611860452", "대표 박항노", "growth", False, 60_000_000),
    ("산양삼코스메틱", "611870118", "대표 이산양", "expansion", True, 38_000_000),
    ("상림웰니스", "611880227", "대표 정상림", "early", True, 0),
]


def _users() -> dict:
    names = ("council", "hamyang", "sancheong", "gyeongnam", "moj", "mois", "mafra", "mss")
    return {user.username: user for user in get_user_model().objects.filter(username__in=names)}


def ensure_tracking(contest) -> None:
    run = contest.selection_runs.filter(status=RunStatus.CONFIRMED).first()
    if run is None:
        return
    with demo_clock(ROUND_2025.confirmed + timedelta(minutes=1)):
        open_tasks_for_run(run.pk)  # the confirmation's task will find this done
    tasks = {task.local_government.code: task for task in SelectedTask.objects.filter(contest=contest)
             .select_related("local_government")}
    hamyang = tasks.get("48870")
    if hamyang is None or hamyang.status != TaskStatus.PREPARING:
        return
    users = _users()
    _hamyang(hamyang, users)
    others = [task for code, task in sorted(tasks.items()) if code != "48870"]
    for task, moment in zip(others, working_moments(AGREED, AGREED + timedelta(days=4), len(others)), strict=True):
        with demo_clock(moment):
            change_status(actor=users["council"], task=task, status=TaskStatus.RUNNING,
                          reason="협약 체결 및 1차년도 사업 착수 보고 접수")
    sancheong = tasks.get("48860")
    if sancheong is not None:
        _open_recruitment(sancheong, users["sancheong"])


HAMYANG_REPORTS = [
    ((2025, 1), {"jobs": 18, "youth_jobs": 7, "companies_supported": 12, "sales_krw": 850_000_000,
                 "population_influx": 21},
     "참여기업 12개사 선정(1월), 산삼 추출물 표준화 및 시제품 3종 개발 착수. 청년 고용 7명 포함 신규 고용 18명."),
    ((2025, 2), {"jobs": 21, "youth_jobs": 9, "companies_supported": 12, "sales_krw": 1_100_000_000,
                 "population_influx": 26},
     "시제품 5종 개발 완료, 국내 박람회 공동관 운영, 참여기업 매출 11억 원 증가."),
    ((2026, 1), {"jobs": 16, "youth_jobs": 6, "companies_supported": 14, "sales_krw": 1_300_000_000,
                 "population_influx": 19}, "할랄·FDA 인증 지원, 2차년도 참여기업 2개사 추가, 해외 판로 개척."),
]


def _hamyang(task: SelectedTask, users: dict) -> None:
    """Each step on its day: agreement, payments, milestones planned then completed, recruitment, reports,
    the province's plan, the grade and the ministries' rows."""
    council, official = users["council"], users["hamyang"]
    with demo_clock(AGREED - timedelta(days=4)):
        for year in (2025, 2026):
            set_agreement_line(actor=council, task=task, year=year, source="provincial", amount_krw=33_000_000,
                               reason="경상남도 도비 확정 내시 (2025–2026년 66,000,000원)")
    with demo_clock(AGREED):
        change_status(actor=council, task=task, status=TaskStatus.RUNNING, reason="2025-01-06 협약 체결, 사업 착수")
    national = {year: task.agreement_lines.get(year=year, source="national") for year in (2025, 2026)}
    for line, amount, paid_on, reference in (
            (national[2025], 250_000_000, date(2025, 2, 17), "교부결정 제2025-031호 (1차)"),
            (task.agreement_lines.get(year=2025, source="provincial"), 33_000_000, date(2025, 3, 4),
             "경상남도 도비 교부"),
            (national[2025], 250_000_000, date(2025, 7, 14), "교부결정 제2025-187호 (2차)"),
            (national[2026], 250_000_000, date(2026, 2, 16), "교부결정 제2026-029호 (1차)")):
        with demo_clock(kst(paid_on.year, paid_on.month, paid_on.day, 15)):
            record_disbursement(actor=council, line=line, amount_krw=amount, paid_on=paid_on, reference=reference)
    milestones = (("참여기업 모집 공고 (경남테크노파크)", date(2025, 1, 15), date(2025, 1, 13)),
                  ("산삼 항노화 시제품 5종 개발", date(2025, 9, 30), date(2025, 9, 22)),
                  ("국내외 박람회 공동관 운영", date(2025, 11, 15), date(2025, 11, 10)),
                  ("해외 인증(할랄·FDA) 취득 지원", date(2026, 6, 30), date(2026, 6, 19)),
                  ("2차년도 성과 공유회", date(2026, 12, 15), None))
    with demo_clock(AGREED + timedelta(days=2)):
        planned = [save_milestone(actor=official, task=task, milestone=None,
                                  values={"title": title, "due_on": due, "completed_on": None})
                   for title, due, _done in milestones]
    for milestone, (_title, _due, done) in zip(planned, milestones, strict=True):
        if done is not None:
            with demo_clock(kst(done.year, done.month, done.day, 16)):
                save_milestone(actor=official, task=task, milestone=milestone, values={"completed_on": done})
    _recruit(task, official)
    for (year, half), actuals, narrative in HAMYANG_REPORTS:
        comment = "KPI 증빙 확인. 하반기 인증 지원 실적 보완 바람." if (year, half) == (2025, 1) else "KPI 증빙 확인."
        accept_report(task, official, council, year, half, actuals, narrative, comment)
    with demo_clock(kst(2025, 2, 25, 14)):
        confirm_plan_inclusion(actor=users["gyeongnam"], task=task, year=2025,
                               plan_title="2025년 경상남도 지역산업진흥계획")
    with demo_clock(kst(2026, 2, 20, 15)):
        grade_task(actor=council, task=task, year=2025, grade="excellent",
                   reasons="1차년도 KPI 조기 달성(고용 목표 대비 49%), 참여기업 모집·선정 일정 준수")
    _support_lines(task, users)


def accept_report(task, official, council, year: int, half: int, actuals: dict, narrative: str,
                  comment: str, lateness: timedelta = timedelta()) -> None:
    """Written and submitted in the days after the half (``lateness`` later for one task than another), and
    accepted the week after."""
    report = ProgressReport.objects.get(task=task, year=year, half=half)
    if report.status == ReportStatus.ACCEPTED:
        return
    written, submitted, reviewed = REPORT_DAYS[(year, half)]
    with demo_clock(written + lateness):
        save_report(actor=official, report=report, actuals=actuals, narrative=narrative)
    with demo_clock(submitted - timedelta(hours=8) + lateness):
        submit_report(actor=official, report=report)
    with demo_clock(reviewed + lateness):
        review_report(actor=council, report=report, accept=True, comment=comment)


GENERIC_ACTUALS = {"jobs": 9, "youth_jobs": 3, "companies_supported": 6, "sales_krw": 400_000_000,
                   "population_influx": 10}
LATE = "51770"  # Jeongseon-gun's report of the first half of 2026 is late


def ensure_reports_2025(contest) -> None:
    """The other 2025 tasks' reports of 2025 and the first half of 2026, in and accepted (but one)."""
    council = get_user_model().objects.get(username="council")
    tasks = (SelectedTask.objects.filter(contest=contest).exclude(local_government__code="48870")
             .select_related("proposal__created_by", "local_government"))
    for number, task in enumerate(tasks.order_by("pk")):
        for year, half in ((2025, 1), (2025, 2), (2026, 1)):
            if (task.local_government.code, year, half) == (LATE, 2026, 1):
                continue
            accept_report(task, task.proposal.created_by, council, year, half, GENERIC_ACTUALS,
                             "참여기업 지원과 시제품 개발 추진 실적 보고", "실적 확인",
                             lateness=timedelta(minutes=17 * number))


def _recruit(task: SelectedTask, official) -> None:
    """Published through the technopark in January 2025, four companies apply, three chosen after it closes."""
    with demo_clock(kst(2025, 1, 13, 10)):
        recruitment = _publish_hamyang_recruitment(task, official)
    for number, (name, first_nine, representative, stage, youth, _support) in enumerate(HAMYANG_APPLICANTS):
        with demo_clock(kst(2025, 1, 16 + 3 * number, 11, 7 * number)):
            apply_to_recruitment(recruitment=recruitment, values={
                "company_name": name, "business_registration_number": _brn(first_nine),
                "representative": representative, "email": f"{first_nine}@demo.invalid", "growth_stage": stage,
                "youth_led": youth, "plan": "산삼 원료 표준화와 항노화 제품 시제품 제작"})
    for application, (*_rest, support) in zip(recruitment.applications.order_by("applied_at", "pk"),
                                              HAMYANG_APPLICANTS, strict=True):
        with demo_clock(kst(2025, 2, 4, 14)):
            decide_application(actor=official, application=application, select=bool(support))
        if support:
            with demo_clock(kst(2025, 7, 15, 10)):
                update_company(actor=official, application=application, growth_stage=application.growth_stage,
                               support_received_krw=support, reason="2025년 상반기 지원 실적 반영")


def _publish_hamyang_recruitment(task: SelectedTask, official):
    return publish_recruitment(actor=official, task=task, values={
        "title": "2025년 함양 산삼 항노화 협업 프로젝트 참여기업 모집", "published_through": "경남테크노파크",
        "body": "함양군 산삼 항노화 산업 분야 중소기업을 대상으로 기술애로 해결, 시제품 제작, 인증, 마케팅을 "
                "지원합니다. 신청 자격: 함양군 소재 또는 이전 예정 기업.",
        "opens_on": date(2025, 1, 13), "closes_on": date(2025, 1, 31)})


def _support_lines(task: SelectedTask, users: dict) -> None:
    rows = [
        (kst(2025, 3, 14, 11), "moj", "regional_visa",
         {"year": 2025, "visa_type": "F-2-R", "requested": 15, "allocated": 12, "issued": 9},
         "2025년 지역특화형 비자 함양군 배정 확정"),
        (kst(2025, 4, 10, 15), "mois", "extinction_fund",
         {"name": "산삼 항노화 기업지원센터 리모델링", "year": 2025, "approved_krw": 1_200_000_000,
          "disbursed_krw": 400_000_000}, "지방소멸대응기금 2025년 기초계정 연계 승인"),
        (kst(2025, 6, 30, 16), "mss", "sme_commercialization",
         {"year": 2025, "item": "marketing", "companies": 10, "amount_krw": 150_000_000}, "상반기 마케팅 지원 집행"),
        (kst(2025, 8, 5, 10), "mafra", "rural_agreement_facility",
         {"name": "산양삼 공동 가공·저장 시설", "placement": "front", "amount_krw": 800_000_000,
          "status": "under_construction"}, "함양군 농촌협약 시행계획 반영, 8월 착공"),
        (kst(2025, 9, 15, 14), "mss", "sme_commercialization",
         {"year": 2025, "item": "certification", "companies": 4, "amount_krw": 60_000_000}, "할랄·HACCP 인증 지원"),
    ]
    for moment, username, code, values, reason in rows:
        with demo_clock(moment):
            save_support_row(actor=users[username], task=task, line=line_for(code), row=None, values=values,
                             reason=reason)


def _open_recruitment(task: SelectedTask, official) -> None:
    """Open around the seeding day, so the public page takes applications while the demo is fresh."""
    if task.recruitments.exists():
        return
    today = timezone.localdate()
    opens_on = today - timedelta(days=7)
    with demo_clock(kst(opens_on.year, opens_on.month, opens_on.day, 10)):  # published the day it opened
        publish_recruitment(actor=official, task=task, values={
            "title": "산청 한방약초 협업 프로젝트 참여기업 추가 모집", "published_through": "경남테크노파크",
            "body": "한방약초 기반 천연물 소재 기업의 2차년도 하반기 참여 신청을 받습니다.",
            "opens_on": opens_on, "closes_on": today + timedelta(days=21)})
