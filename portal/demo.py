"""Demo data for a newcomer: one account per role and the 2025 round of the articles.

Everything here goes through the same services as real use, so the demo shows
what the portal really does. Running it twice changes nothing.
"""
from dataclasses import dataclass
from datetime import date, datetime

from django.contrib.auth import get_user_model
from django.db import transaction

from accounts.roles import Role
from applications.models import SEOUL, Contest, PreliminarySelection
from applications.services import (
    add_preliminary_selection,
    create_contest,
    create_proposal,
    request_correction,
    submit_proposal,
    update_proposal,
    withdraw_proposal,
)
from ministries.models import Ministry
from regions.models import DesignationImport, DesignationKind, LocalGovernment, Province
from regions.services import DATA_DIR, import_rural_agreement, load_region_registry

# Published in the README on purpose: demo accounts exist only where DEBUG is on or --force is given.
DEMO_PASSWORD = "demo-portal-2025"  # noqa: S105


@dataclass(frozen=True)
class DemoAccount:
    username: str
    role: str
    last_name: str
    first_name: str
    local_government_code: str = ""
    province_code: str = ""
    ministry_code: str = ""
    organisation: str = ""


DEMO_ACCOUNTS = [
    DemoAccount("admin", Role.ADMINISTRATOR, "관", "리자", organisation="중앙협의회 사무국"),
    DemoAccount("council", Role.COUNCIL_STAFF, "김", "협의", organisation="중앙협의회 사무국"),
    DemoAccount("hamyang", Role.LOCAL_OFFICIAL, "박", "산삼", local_government_code="48870",
                organisation="함양군 산삼항노화과"),
    DemoAccount("sancheong", Role.LOCAL_OFFICIAL, "김", "약초", local_government_code="48860",
                organisation="산청군 지역경제과"),
    DemoAccount("geochang", Role.LOCAL_OFFICIAL, "이", "사과", local_government_code="48880",
                organisation="거창군 일자리경제과"),
    DemoAccount("hapcheon", Role.LOCAL_OFFICIAL, "정", "한우", local_government_code="48890",
                organisation="합천군 경제기업과"),
    DemoAccount("gyeongnam", Role.PROVINCIAL_OFFICER, "최", "도정", province_code="48",
                organisation="경상남도 산업정책과"),
    DemoAccount("reviewer", Role.REVIEWER, "이", "평가", organisation="한국산업기술진흥원"),
    DemoAccount("moj", Role.MINISTRY_STAFF, "정", "법무", ministry_code="MOJ",
                organisation="법무부 체류관리과"),
    DemoAccount("mois", Role.MINISTRY_STAFF, "한", "행안", ministry_code="MOIS",
                organisation="행정안전부 균형발전제도과"),
    DemoAccount("mafra", Role.MINISTRY_STAFF, "윤", "농식", ministry_code="MAFRA",
                organisation="농림축산식품부 농촌정책과"),
    DemoAccount("mss", Role.MINISTRY_STAFF, "강", "중기", ministry_code="MSS",
                organisation="중소벤처기업부 지역기업정책과"),
]


def _ensure_account(account: DemoAccount):
    User = get_user_model()
    user = User.objects.filter(username=account.username).first()
    if user is not None:
        return user
    user = User(
        username=account.username, role=account.role, last_name=account.last_name, first_name=account.first_name,
        email=f"{account.username}@demo.invalid", organisation=account.organisation,
        local_government=LocalGovernment.objects.get(code=account.local_government_code)
        if account.local_government_code else None,
        province=Province.objects.get(code=account.province_code) if account.province_code else None,
        ministry=Ministry.objects.get(code=account.ministry_code) if account.ministry_code else None,
        is_staff=account.role == Role.ADMINISTRATOR, is_superuser=account.role == Role.ADMINISTRATOR,
    )
    user.set_password(DEMO_PASSWORD)
    user.full_clean()
    user.save()
    return user


CONTEST_2025 = {
    "year": 2025, "name_ko": "2025년 시군구 연고산업 육성 협업 프로젝트",
    "name_en": "2025 Si/Gun/Gu Local Industry Development Collaboration Project",
    "announced_on": date(2025, 9, 1), "briefing_on": date(2025, 10, 2),
    "application_opens_at": datetime(2025, 10, 1, 9, 0, tzinfo=SEOUL),
    "application_closes_at": datetime(2025, 10, 20, 18, 0, tzinfo=SEOUL),
    "document_review_starts_on": date(2025, 10, 21), "document_review_ends_on": date(2025, 10, 24),
    "presentation_review_starts_on": date(2025, 10, 28), "presentation_review_ends_on": date(2025, 10, 30),
    "selection_on": date(2025, 11, 20), "results_published_on": date(2025, 11, 26),
    "objection_period_days": 7, "target_task_count": 30, "funding_years": 2,
    "national_cap_per_task_krw": 1_000_000_000, "provincial_match_min_bp": 500, "local_match_min_bp": 1_000,
    "total_national_budget_krw": 30_000_000_000,
}


def _ensure_contest_2025(council) -> Contest:
    contest = Contest.objects.filter(year=2025, name_ko=CONTEST_2025["name_ko"]).first()
    if contest is None:
        contest = create_contest(actor=council, values=CONTEST_2025, kinds=DesignationKind.values,
                                 ministries=Ministry.objects.all())
    hamyang = LocalGovernment.objects.get(code="48870")
    if not PreliminarySelection.objects.filter(contest=contest, local_government=hamyang).exists():
        # From the article: selected in late February 2024 by the Regional SME Innovation Contest,
        # which made Hamyang-gun eligible for this project. The other 21 are not public: not invented.
        add_preliminary_selection(
            actor=council, contest=contest, local_government=hamyang,
            programme="2024 지방소멸 대응 지역 중소기업 혁신 공모", selected_on=date(2024, 2, 26),
            task_title="산삼 항노화 고부가가치 제품 개발", source="아시아경제 2025-11-26",
            reason="지역혁신 공모 예비 선정 과제 등록")
    return contest


def _at(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=SEOUL)


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


def _ensure_proposals(contest: Contest, accounts: dict, council) -> None:
    """The 2025 round's proposals in every state: submitted, resubmitted after a correction, draft, withdrawn."""
    if contest.proposals.exists():
        return
    created = {}
    for username, values in DEMO_PROPOSALS.items():
        official = accounts[username]
        created[username] = create_proposal(actor=official, contest=contest, values=values,
                                            lead_local_government=official.local_government)
    submit_proposal(actor=accounts["hamyang"], proposal=created["hamyang"], now=_at("2025-10-17T14:20:00"))
    submit_proposal(actor=accounts["sancheong"], proposal=created["sancheong"], now=_at("2025-10-15T10:05:00"))
    request_correction(actor=council, proposal=created["sancheong"], due_at=_at("2025-10-24T18:00:00"),
                       reason="연도별·재원별 예산표와 KPI 목표의 산출 근거를 보완하여 주십시오.")
    update_proposal(actor=accounts["sancheong"], proposal=created["sancheong"],
                    values={"extinction_strategy": "약초 재배 농가와 기업을 잇는 일자리 창출, 청년 정착 지원 연계"})
    submit_proposal(actor=accounts["sancheong"], proposal=created["sancheong"], now=_at("2025-10-23T16:40:00"))
    submit_proposal(actor=accounts["hapcheon"], proposal=created["hapcheon"], now=_at("2025-10-16T09:30:00"))
    withdraw_proposal(actor=accounts["hapcheon"], proposal=created["hapcheon"], now=_at("2025-10-18T11:00:00"),
                      reason="내부 사업계획 재검토로 이번 공모에는 신청하지 않음")


@transaction.atomic
def seed_demo() -> None:
    load_region_registry()
    accounts = {account.username: _ensure_account(account) for account in DEMO_ACCOUNTS}
    if not DesignationImport.objects.filter(kind=DesignationKind.RURAL_AGREEMENT).exists():
        with (DATA_DIR / "rural_agreement_2021_2024.csv").open("rb") as stream:
            import_rural_agreement(stream=stream, file_name="rural_agreement_2021_2024.csv",
                                   reason="2021–2024 농촌협약 선정 지자체 (공개 자료로 확인된 81곳)",
                                   imported_by=accounts["council"])
    contest = _ensure_contest_2025(accounts["council"])
    _ensure_proposals(contest, accounts, accounts["council"])
