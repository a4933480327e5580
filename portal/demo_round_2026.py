"""The demo's 2026 round (held in 2025, funded 2026–2027; ``Contest.year`` 2025): the pre-selection contest of
March 2025 feeding its preliminary selections (``demo_preselection_2026``), applications in autumn 2025, both
review stages, the final list of 25 confirmed on 2026-01-13, its tasks running now, and Danyang-gun's one-year
task continued into 2027 with reduced funding.

Public (program-timeline.md): the named local governments and themes (Chungbuk: Jecheon-si, Boeun-gun,
Goesan-gun, Danyang-gun, whose task runs 2026 only until a performance evaluation decides a second year;
Jeonnam: Hwasun-gun, Haenam-gun, Wando-gun's aquaculture, Sinan-gun), the confirmation date and the six
ministries, the 25 tasks, and the national funding of the named groups: Jeonnam's four 5,800,000,000 KRW over two
years (8,200,000,000 KRW in all), Chungbuk's four about 5,300,000,000 KRW (Danyang-gun's one year). Made up: the
titles, each task's share of those totals and every other figure, the contest's cap per task (1,600,000,000 KRW;
not reported, and 1,000,000,000 KRW could not hold Jeonnam's total) and target, the pre-selection's day,
Geochang-gun's and Hapcheon-gun's selected tasks, the fifteen other selected tasks (``MADE_UP_2026``) and
Yeongyang-gun's proposal that falls below the presentation cut-off.
"""
from datetime import date, timedelta

from selection.models import RunStatus
from tracking.models import ContinuationOutcome, SelectedTask, TaskStatus
from tracking.services import (
    change_status,
    open_tasks_for_run,
    record_continuation,
    record_disbursement,
    set_condition,
)

from .demo_clock import demo_clock, working_moments
from .demo_dates import ROUND_2026, kst
from .demo_preselection_2026 import ensure_preselection
from .demo_proposals import ensure_submitted
from .demo_reviews import GEOCHANG, ensure_reviews
from .demo_selection import ensure_selection
from .demo_tasks_2025 import proposal_text as _text
from .demo_tracking import accept_report

WANDO = "12850"  # Wando-gun's current code (46890 until 2026-07-01)
DANYANG = "43800"


# key: (code, official's username, submitted at (KST), text)
PROPOSALS_2026 = {
    "jecheon_2026": ("43150", "jecheon", "2025-10-20T10:00:00",
                     _text("제천 천연물 바이오 산업 육성", "제천 한방 천연물", "천연물 소재·제품")),
    "boeun_2026": ("43720", "boeun", "2025-10-21T14:00:00",
                   _text("보은 스포츠 연계 농축산 산업 육성", "보은 스포츠 전지훈련 기반과 농축산물",
                         "스포츠 연계 농축산 식품")),
    "goesan_2026": ("43760", "goesan", "2025-10-22T16:45:00",
                    _text("괴산 친환경 로컬푸드 테크 산업 육성", "괴산 유기농 농산물", "친환경 로컬푸드 테크")),
    "danyang_2026": (DANYANG, "danyang", "2025-10-23T09:20:00",
                     _text("단양 특화작물 푸드바이오 산업 육성 (1년 과제)", "단양 마늘·특화작물", "푸드바이오")),
    "hwasun_2026": ("12760", "hwasun", "2025-10-24T11:10:00",
                    _text("화순 바이오 산업 육성", "화순 백신·바이오 특구 기반", "바이오 의약·소재")),
    "haenam_2026": ("12790", "haenam", "2025-10-27T15:30:00",
                    _text("해남 뿌리산업·조선 기자재 산업 육성", "해남 조선 배후 산업단지", "뿌리산업·조선 기자재")),
    "wando_2026": (WANDO, "wando", "2025-10-28T10:40:00",
                   _text("완도 스마트 양식 산업 육성", "완도 전복·해조류 양식", "스마트 양식")),
    "sinan_2026": ("12870", "sinan", "2025-10-29T13:20:00",
                   _text("신안 신소득 작물 산업화", "신안 섬 지역 신소득 작물", "신소득 작물 가공")),
    "geochang_2026": ("48880", "geochang", "2025-10-30T10:30:00",
                      _text("거창 사과 가공 스마트 식품산업 육성", "거창 사과", "스마트 과실 가공식품")),
    "hapcheon_2026": ("48890", "hapcheon", "2025-10-30T15:00:00",
                      _text("합천 한우 부산물 바이오 소재화", "합천 한우", "바이오 소재")),
    "yeongyang_2026": ("47760", "yeongyang", "2025-10-31T11:20:00",
                       _text("영양 고추 발효 소재 산업화", "영양 고추", "발효 식품 소재")),
}
# Made up in the manner of the named ones, so the round selects its 25 (program-timeline.md): fifteen
# population-declining local governments outside Chungbuk and Jeonnam, whose press reports name all of theirs.
MADE_UP_2026 = {
    "yeoncheon_2026": ("41800", "yeoncheon", "2025-10-15T10:00:00",
                       _text("연천 율무 기능성 곡물 산업화", "연천 율무", "기능성 곡물 가공")),
    "goseong_2026": ("51820", "goseong", "2025-10-15T15:00:00",
                     _text("고성 해양심층수 바이오 소재 산업 육성", "고성 해양심층수", "해양 바이오 소재")),
    "yeongwol_2026": ("51750", "yeongwol", "2025-10-16T11:00:00",
                      _text("영월 산채 간편식 산업 육성", "영월 동강 산채", "산채 간편식")),
    "hongcheon_2026": ("51720", "hongcheon", "2025-10-16T16:00:00",
                       _text("홍천 찰옥수수 곡물 간편식 클러스터", "홍천 찰옥수수", "곡물 간편식")),
    "seocheon_2026": ("44770", "seocheon", "2025-10-17T10:30:00",
                      _text("서천 한산모시 친환경 섬유 소재 산업화", "서천 한산모시", "친환경 섬유 소재")),
    "buyeo_2026": ("44760", "buyeo", "2025-10-17T14:30:00",
                   _text("부여 양송이 버섯 바이오 소재 산업 육성", "부여 양송이", "버섯 바이오 소재")),
    "gochang_2026": ("52790", "gochang", "2025-10-20T15:00:00",
                     _text("고창 복분자 발효 음료 산업 육성", "고창 복분자", "발효 음료·기능성 식품")),
    "imsil_2026": ("52750", "imsil", "2025-10-21T10:20:00",
                   _text("임실 치즈 유가공 산업 고도화", "임실 치즈", "유가공 식품")),
    "jinan_2026": ("52720", "jinan", "2025-10-22T11:30:00",
                   _text("진안 홍삼 헬스케어 산업 육성", "진안 홍삼", "홍삼 헬스케어")),
    "mungyeong_2026": ("47280", "mungyeong", "2025-10-23T14:10:00",
                       _text("문경 오미자 가공식품 산업 육성", "문경 오미자", "오미자 가공식품")),
    "cheongsong_2026": ("47750", "cheongsong", "2025-10-24T15:40:00",
                        _text("청송 사과 부산물 업사이클링 소재화", "청송 사과 부산물", "업사이클링 식품 소재")),
    "yeongdeok_2026": ("47770", "yeongdeok", "2025-10-27T10:10:00",
                       _text("영덕 대게 수산 가공식품 산업 육성", "영덕 대게", "수산 가공식품")),
    "uiryeong_2026": ("48720", "uiryeong", "2025-10-28T14:50:00",
                      _text("의령 망개잎 전통 떡 가공 산업화", "의령 망개잎", "전통 떡 가공식품")),
    "hadong_2026": ("48850", "hadong", "2025-10-29T10:50:00",
                    _text("하동 녹차 기능성 소재 산업 육성", "하동 녹차", "차 가공·기능성 소재")),
    "yeongdo_2026": ("26200", "yeongdo", "2025-10-30T11:40:00",
                     _text("영도 수리조선 기자재 산업 고도화", "영도 수리조선 산업", "수리조선 기자재")),
}
PRESELECTED = {"43150", "43720", "43760", DANYANG, "12760", "12790", WANDO, "12870"}


def wando_aquaculture_task() -> SelectedTask | None:
    """The stable way to find Wando-gun's 2026 aquaculture task (its MOF support rows hang on it)."""
    return (SelectedTask.objects.filter(contest__year=2025, local_government__code=WANDO)
            .select_related("local_government").first())


AGREED_2026 = kst(2026, 1, 19, 10)  # the agreements signed the week after the confirmation (made up)
# Each task's 2026 national funding is paid in two halves (made up): February and July 2026.
PAYMENTS_2026 = ((date(2026, 2, 23), "1차"), (date(2026, 7, 20), "2차"))


def _run_tasks(contest, council) -> None:
    """Opened on confirmation, running from the agreements of January 2026, paid in February and July, the
    first half's reports in (Sinan-gun's late)."""
    run = contest.selection_runs.filter(status=RunStatus.CONFIRMED).first()
    if run is None:
        return
    with demo_clock(ROUND_2026.confirmed + timedelta(minutes=1)):
        open_tasks_for_run(run.pk)
    tasks = {task.local_government.code: task
             for task in SelectedTask.objects.filter(contest=contest).select_related("local_government")}
    if all(task.status != TaskStatus.PREPARING for task in tasks.values()):
        return
    ordered = [task for _code, task in sorted(tasks.items())]
    for task, moment in zip(ordered, working_moments(AGREED_2026, AGREED_2026 + timedelta(days=4), len(ordered)),
                            strict=True):
        with demo_clock(moment):
            change_status(actor=council, task=task, status=TaskStatus.RUNNING, reason="2026-01 협약 체결 및 사업 착수")
    for paid_on, tranche in PAYMENTS_2026:
        _pay(ordered, council, paid_on, tranche)
    for number, task in enumerate(ordered):
        if task.local_government.code == "12870":
            continue  # Sinan-gun's first report is late
        accept_report(task, task.proposal.created_by, council, 2026, 1, lateness=timedelta(minutes=23 * number),
                      narrative="참여기업 선정과 1차 지원 착수, 시제품 개발 진행.", comment="상반기 실적 확인",
                      actuals={"jobs": 8, "youth_jobs": 3, "companies_supported": 6, "sales_krw": 300_000_000,
                               "population_influx": 9})


def _pay(tasks: list[SelectedTask], council, paid_on: date, tranche: str) -> None:
    """Half of each task's 2026 national funding, paid on ``paid_on``."""
    for number, task in enumerate(tasks):
        line = task.agreement_lines.filter(year=2026, source="national").first()
        if line is None or not line.amount_krw:
            continue
        with demo_clock(kst(paid_on.year, paid_on.month, paid_on.day, 14, number)):
            record_disbursement(actor=council, line=line, amount_krw=line.amount_krw // 2, paid_on=paid_on,
                                reference=f"교부결정 제2026-{40 + number:03d}호 ({tranche})")


def _continue_danyang(contest, council) -> None:
    """Danyang-gun's task is funded for 2026 only (its proposal asked no national funding for 2027, its
    matching funds planned for both years): its 2027 lines wait for the continuation evaluation, which the
    council records after the 2026 performance review: continued with 2027 national funding of 70 % of the
    2026 amount (the outcome and the figures are made up; the condition is public)."""
    task = SelectedTask.objects.filter(contest=contest, local_government__code=DANYANG).first()
    if task is None or task.continuation_evaluations.exists():
        return
    if task.conditional_from_year is None:
        with demo_clock(kst(2026, 1, 14, 10)):
            set_condition(actor=council, task=task, from_year=2027,
                          reason="1년 과제: 2027년 지원은 2026년 성과평가 결과로 결정")
    first_year = task.agreement_lines.get(year=2026, source="national").amount_krw
    with demo_clock(kst(2026, 11, 16, 15)):  # after the 2026 performance review (a moment past now is now)
        record_continuation(actor=council, task=task, year=2027, outcome=ContinuationOutcome.REDUCED,
                            national_krw=first_year * 7 // 10 // 10_000_000 * 10_000_000,
                            reason="2026년 성과평가 '보통': 참여기업 매출 목표 일부 미달. "
                                   "2027년 국비는 2026년의 70 %로 계속 지원")


def ensure_round_2026(contest, accounts: dict) -> None:
    council = accounts["council"]
    ensure_preselection(contest, accounts, PROPOSALS_2026, PRESELECTED)
    ensure_submitted(contest, accounts, {**PROPOSALS_2026, **MADE_UP_2026})
    ensure_reviews(contest, council, ROUND_2026, hand_assigned=GEOCHANG)
    ensure_selection(contest, council, ROUND_2026)
    _run_tasks(contest, council)
    _continue_danyang(contest, council)
