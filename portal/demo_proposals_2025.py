"""The 2025 round's proposals of the demo logins, each step on its day in October 2024: drafted from the
window's opening, submitted (the province's matching confirmed), corrected and resubmitted, withdrawn; and the
announcement file. The other submitted proposals are ``demo_proposals.ensure_more_proposals``'s."""
from applications.models import Contest
from applications.services import (
    add_contest_attachment,
    confirm_provincial_match,
    create_proposal,
    request_correction,
    submit_proposal,
    update_proposal,
    withdraw_proposal,
)
from portal.sample_documents import minimal_pdf

from .demo_clock import demo_clock
from .demo_proposals import _at, _fill_sections, _upload

DEMO_PROPOSALS = {
    "hamyang": {
        "title": "산삼 항노화 고부가가치 제품 개발 및 청년기업 성장 지원",
        "summary": "함양 산삼을 원료로 한 항노화 제품을 개발하고, 성장 단계별 맞춤형 지원으로 지역 중소기업과 "
                   "청년기업의 경쟁력을 높인다.",
        "specialty_resource": "함양 산삼(산양삼): 전국 최대 산양삼 재배 단지와 산삼 항노화 엑스포 기반",
        "industry": "산삼 유래 항노화 바이오 소재, 기능성 식품, 화장품",
        "extinction_strategy": "청년 창업·고용 확대와 귀농·귀촌 연계로 인구 유입을 늘리고 지역 일자리를 만든다.",
        "support_programme": "창업기: 기술혁신 지원 / 성장기: 청년기업 기술경쟁력 강화 / 도약기: 국내외 판로 개척",
    },
    "sancheong": {
        "title": "산청 한방약초 기반 천연물 헬스케어 산업 육성",
        "summary": "동의보감촌과 한방약초 자원을 활용한 천연물 헬스케어 제품화와 기업 성장 지원",
        "specialty_resource": "산청 한방약초", "industry": "천연물 헬스케어",
        "extinction_strategy": "약초 재배 농가와 기업을 잇는 일자리 창출",
        "support_programme": "단계별 제품화·인증·마케팅",
    },
    "geochang": {"title": "거창 사과 가공 스마트 식품산업 (작성 중)", "summary": "거창 사과를 활용한 가공식품 고도화"},
    "hapcheon": {
        "title": "합천 한우 부산물 바이오 소재화", "summary": "한우 부산물을 활용한 바이오 소재 산업화",
        "specialty_resource": "합천 한우", "industry": "바이오 소재", "extinction_strategy": "청년 고용",
        "support_programme": "단계별 기술·판로 지원",
    },
}


def ensure_announcement_file(contest: Contest, council) -> None:
    if contest.attachments.exists():
        return
    title = "2025년 시군구 연고산업 육성 협업 프로젝트 공모 공고문"
    with demo_clock(_at("2024-10-01T10:00:00")):
        add_contest_attachment(actor=council, contest=contest, title=title,
                               upload=_upload("2025_협업프로젝트_공고문.pdf", minimal_pdf([
                                   "2025 Local Industry Development Collaboration Project",
                                   "Announcement (demo copy)",
                                   "Application window: 2024-10-02 09:00 - 2024-10-21 18:00 KST"])))


def ensure_proposals(contest: Contest, accounts: dict, council) -> None:
    """Submitted (with the province's matching confirmed), resubmitted after a correction, draft, withdrawn."""
    if contest.proposals.exists():
        return
    created = {}
    # Each step at its moment (KST): drafted from the window's opening, submitted, corrected, withdrawn.
    started = {"hamyang": "2024-10-07T10:30:00", "sancheong": "2024-10-04T14:00:00",
               "geochang": "2024-10-10T11:20:00", "hapcheon": "2024-10-08T09:40:00"}
    for username, values in DEMO_PROPOSALS.items():
        official = accounts[username]
        with demo_clock(_at(started[username])):
            created[username] = create_proposal(actor=official, contest=contest, values=values,
                                                lead_local_government=official.local_government)
            _fill_sections(contest, username, created[username], official)
    steps = [
        ("2024-10-15T10:05:00", lambda now: submit_proposal(actor=accounts["sancheong"],
                                                             proposal=created["sancheong"], now=now)),
        ("2024-10-16T09:30:00", lambda now: submit_proposal(actor=accounts["hapcheon"],
                                                             proposal=created["hapcheon"], now=now)),
        ("2024-10-17T14:20:00", lambda now: submit_proposal(actor=accounts["hamyang"],
                                                             proposal=created["hamyang"], now=now)),
        ("2024-10-18T11:00:00", lambda now: withdraw_proposal(
            actor=accounts["hapcheon"], proposal=created["hapcheon"], now=now,
            reason="내부 사업계획 재검토로 이번 공모에는 신청하지 않음")),
        ("2024-10-18T15:10:00", lambda now: confirm_provincial_match(
            actor=accounts["gyeongnam"], proposal=created["hamyang"], amount_krw=300_000_000,
            note="2025년 경상남도 본예산 반영 예정")),
        ("2024-10-21T11:00:00", lambda now: request_correction(
            actor=council, proposal=created["sancheong"], due_at=_at("2024-10-25T18:00:00"), now=now,
            reason="연도별·재원별 예산표와 KPI 목표의 산출 근거를 보완하여 주십시오.")),
        ("2024-10-23T15:30:00", lambda now: update_proposal(
            actor=accounts["sancheong"], proposal=created["sancheong"],
            values={"extinction_strategy": "약초 재배 농가와 기업을 잇는 일자리 창출, 청년 정착 지원 연계"})),
        ("2024-10-24T16:40:00", lambda now: submit_proposal(actor=accounts["sancheong"],
                                                             proposal=created["sancheong"], now=now)),
        ("2024-10-25T10:20:00", lambda now: confirm_provincial_match(
            actor=accounts["gyeongnam"], proposal=created["sancheong"], amount_krw=150_000_000,
            note="도 재정 여건상 2025년분 우선 확정, 2026년분은 추경 검토")),
    ]
    for moment, step in steps:
        with demo_clock(_at(moment)) as now:
            step(now)
