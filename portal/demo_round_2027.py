"""The demo's next round, open for applications on the day the demo is seeded: the window opened two weeks
before the seed date and closes three weeks after it (18:00 KST), so a newcomer can write and submit a
proposal at once, without any council step. Named for the year after the one it is held in (seeded in 2026:
the 2027 round, funded 2027–2028), with every ministry of the reference data taking part.

Geochang-gun and Sancheong-gun have drafts, Hapcheon-gun has submitted (its province still to confirm the
matching fund), and the council has set up the document panel early, that evening (dated by the window, not
by the moment of seeding): the demo reviewer has Hapcheon-gun's proposal waiting for his confidentiality
pledge. Hamyang-gun has not started: ``hamyang`` can.
"""
from datetime import datetime, time, timedelta

from django.utils import timezone

from applications.models import SEOUL, Contest
from applications.services import create_contest, create_proposal, submit_proposal
from ministries.models import Ministry
from regions.models import DesignationKind

from .demo_clock import demo_clock
from .demo_proposals import _fill_sections
from .demo_reviews import ensure_early_panel

OPENED_DAYS_BEFORE, CLOSES_DAYS_AFTER = 14, 21
PANEL_SET_UP_AFTER = timedelta(days=6, hours=8)  # from the window's opening (09:00): 17:00 the day Hapcheon-gun submits


def contest_values(today) -> dict:
    """The open round's settings computed from ``today`` (the seed date)."""
    opens = datetime.combine(today - timedelta(days=OPENED_DAYS_BEFORE), time(9), tzinfo=SEOUL)
    closes = datetime.combine(today + timedelta(days=CLOSES_DAYS_AFTER), time(18), tzinfo=SEOUL)
    year = opens.year
    close_day = closes.date()
    return {
        "year": year, "name_ko": f"{year + 1}년 시군구 연고산업 육성 협업 프로젝트",
        "name_en": f"{year + 1} Si/Gun/Gu Local Industry Development Collaboration Project",
        "announced_on": opens.date() - timedelta(days=7), "briefing_on": opens.date() + timedelta(days=3),
        "application_opens_at": opens, "application_closes_at": closes,
        "selection_on": close_day + timedelta(days=30), "results_published_on": close_day + timedelta(days=35),
        "objection_period_days": 7, "target_task_count": 30, "funding_years": 2,
        "national_cap_per_task_krw": 1_000_000_000, "provincial_match_min_bp": 500, "local_match_min_bp": 1_000,
        "total_national_budget_krw": 30_000_000_000,
    }


PROPOSALS_2027 = {
    "geochang_2027": ("geochang", {"title": "거창 승강기·사과 융합 스마트 제조 (작성 중)",
                                   "summary": "거창 승강기 산업단지와 사과 가공 기업의 스마트 공정 전환"}),
    "sancheong_2027": ("sancheong", {"title": "산청 항노화 천연물 2단계 고도화 (작성 중)",
                                     "summary": "1단계 성과를 바탕으로 천연물 헬스케어 제품의 해외 판로 개척"}),
    "hapcheon_2027": ("hapcheon", {
        "title": "합천 영상테마파크 연계 콘텐츠·식품 융합 산업 육성",
        "summary": "영상 촬영지 관광과 지역 농특산물 가공을 잇는 콘텐츠·식품 융합 기업 육성",
        "specialty_resource": "합천 영상테마파크와 한우·양파", "industry": "콘텐츠 연계 식품·관광",
        "extinction_strategy": "청년 창작자·식품 창업 기업의 정착 지원", "support_programme": "시제품·마케팅·판로"}),
}


def review_dates(today) -> dict:
    """The open round's document and presentation stages' dates, after its deadline computed from ``today``."""
    close_day = today + timedelta(days=CLOSES_DAYS_AFTER)
    return {"document_review_starts_on": close_day + timedelta(days=3),
            "document_review_ends_on": close_day + timedelta(days=10),
            "presentation_review_starts_on": close_day + timedelta(days=17),
            "presentation_review_ends_on": close_day + timedelta(days=19)}


def open_contest(council) -> Contest:
    """The open round, created on the first seed; a later seed keeps it (and its window) as it is."""
    today = timezone.localdate()
    values = contest_values(today)
    existing = Contest.objects.filter(year=values["year"], name_ko=values["name_ko"]).first()
    if existing is not None:
        return existing
    announced = values["announced_on"]
    with demo_clock(datetime.combine(announced, time(9, 30), tzinfo=SEOUL)):  # on its announcement
        return create_contest(actor=council, values=values, kinds=DesignationKind.values,
                              ministries=Ministry.objects.all(), dates=review_dates(today))


def ensure_round_2027(accounts: dict) -> Contest:
    council = accounts["council"]
    contest = open_contest(council)
    if not contest.proposals.exists():
        # Started in the window's first days; Hapcheon-gun's submitted on its sixth. All before today.
        for number, (key, (username, values)) in enumerate(PROPOSALS_2027.items()):
            official = accounts[username]
            with demo_clock(contest.application_opens_at + timedelta(days=1 + number, hours=1 + number)):
                proposal = create_proposal(actor=official, contest=contest, values=values,
                                           lead_local_government=official.local_government)
                _fill_sections(contest, key, proposal, official)
            if key == "hapcheon_2027":
                with demo_clock(contest.application_opens_at + timedelta(days=6, hours=6)) as now:
                    submit_proposal(actor=official, proposal=proposal, now=now)
    # Set up the evening Hapcheon-gun's proposal came in: dated by the open window, not by the moment of seeding.
    ensure_early_panel(contest, council, set_up_at=contest.application_opens_at + PANEL_SET_UP_AFTER,
                       due_at=contest.application_closes_at + timedelta(days=10))
    return contest
