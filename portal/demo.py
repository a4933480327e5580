"""Demo data for a newcomer, on the program's real timeline (``shared/background/program-timeline.md``): one
account per role; the 2025 round as it happened (applications October 2024, 24 tasks confirmed 2024-12-23,
funded 2025–2026); the 2026 round (pre-selection March 2025, final list of 25 confirmed 2026-01-13, tasks
running now); and a 2027 round open for applications on the day the demo is seeded.

Public figures are matched where the record gives them (the named groups' national funding, Hamyang-gun's
agreement); what the record does not give is made up in the same manner and said so where it is defined and
in the README: the contests' caps per task (1,200,000,000 and 1,600,000,000 KRW: 1,000,000,000 KRW cannot hold
the reported group totals), targets and budgets, each task's share of a group's total, the unnamed tasks.
No record cites a source published after it was made (a Rural Agreement row is imported once its article was
out; Hamyang-gun's preliminary selection cites the pre-selection's announcement).

Everything here goes through the same services as real use, so the demo shows
what the portal really does. Running it twice changes nothing.
"""
import csv
import io
from dataclasses import dataclass, field
from datetime import date, datetime

from django.contrib.auth import get_user_model
from django.db import transaction

from accounts.roles import Role
from applications.models import SEOUL, Contest, PreliminarySelection
from applications.services import add_preliminary_selection, create_contest
from ministries.models import Ministry
from regions.models import DesignationImport, DesignationKind, LocalGovernment, Province
from regions.services import DATA_DIR, import_rural_agreement, load_region_registry

from .demo_clock import demo_clock
from .demo_dates import ACCOUNTS_JOINED, MERGED_PROVINCE_JOINED, kst, latest_cited
from .demo_ministries import ensure_ministries_demo
from .demo_notifications import deliver_on_the_demo_clock
from .demo_proposals import ensure_more_proposals
from .demo_proposals_2025 import ensure_announcement_file, ensure_proposals
from .demo_reviews import ensure_reviews
from .demo_round_2026 import ensure_round_2026
from .demo_round_2027 import ensure_round_2027
from .demo_selection import ROUND_2025, ensure_selection
from .demo_tracking import ensure_reports_2025, ensure_tracking

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
    joined: datetime = field(default=ACCOUNTS_JOINED)  # its ``date_joined``, on the demo's timeline


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
    DemoAccount("jeonnamgwangju", Role.PROVINCIAL_OFFICER, "나", "통합", province_code="12",
                organisation="전남광주통합특별시 산업정책과", joined=MERGED_PROVINCE_JOINED),
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
        date_joined=account.joined,  # on the timeline, before the rounds it acts in
    )
    user.set_password(DEMO_PASSWORD)
    user.full_clean()
    user.save()
    return user


# A contest's ``year`` is the year it is held; its tasks are funded the years after (``funding_years``).
# The "2025 round" was held in autumn 2024 and funded 2025–2026 (program-timeline.md).
CONTEST_2025 = {
    "year": 2024, "name_ko": "2025년 시군구 연고산업 육성 협업 프로젝트",
    "name_en": "2025 Si/Gun/Gu Local Industry Development Collaboration Project",
    "announced_on": date(2024, 10, 1), "briefing_on": date(2024, 10, 8),
    "application_opens_at": datetime(2024, 10, 2, 9, 0, tzinfo=SEOUL),
    # The closing hour was not reported; 18:00 is the usual one.
    "application_closes_at": datetime(2024, 10, 21, 18, 0, tzinfo=SEOUL),
    "selection_on": date(2024, 12, 5), "results_published_on": date(2024, 12, 10),
    # Made up: the target, the cap per task over the two years (not reported; Jeonbuk's four had
    # 4,300,000,000 KRW national, more than four times 1,000,000,000 KRW), the matching shares and the budget.
    "objection_period_days": 7, "target_task_count": 30, "funding_years": 2,
    "national_cap_per_task_krw": 1_200_000_000, "provincial_match_min_bp": 500, "local_match_min_bp": 1_000,
    "total_national_budget_krw": 30_000_000_000,
}
# The document and presentation stages' dates (the stage rows hold them).
REVIEW_DATES_2025 = {
    "document_review_starts_on": date(2024, 10, 22), "document_review_ends_on": date(2024, 10, 25),
    "presentation_review_starts_on": date(2024, 10, 29), "presentation_review_ends_on": date(2024, 10, 31),
}
MINISTRIES_2025 = ("MSS", "MOIS", "MOJ", "MAFRA")

# The 2026 round: pre-selection in March 2025, applications in autumn 2025 (dates made up), final list
# confirmed on 2026-01-13, funded 2026–2027.
CONTEST_2026 = {
    **CONTEST_2025, "year": 2025, "name_ko": "2026년 시군구 연고산업 육성 협업 프로젝트",
    "name_en": "2026 Si/Gun/Gu Local Industry Development Collaboration Project",
    "announced_on": date(2025, 9, 1), "briefing_on": date(2025, 9, 9),
    "application_opens_at": datetime(2025, 9, 15, 9, 0, tzinfo=SEOUL),
    "application_closes_at": datetime(2025, 10, 31, 18, 0, tzinfo=SEOUL),
    "selection_on": date(2025, 12, 22), "results_published_on": date(2026, 1, 2),
    # 25 tasks were selected (public). Made up: the target, and the cap per task over the two years, which
    # is not reported but cannot be 1,000,000,000 KRW: Jeonnam's four have 5,800,000,000 KRW national.
    "target_task_count": 25, "national_cap_per_task_krw": 1_600_000_000,
}
REVIEW_DATES_2026 = {
    "document_review_starts_on": date(2025, 11, 10), "document_review_ends_on": date(2025, 11, 21),
    "presentation_review_starts_on": date(2025, 12, 2), "presentation_review_ends_on": date(2025, 12, 4),
}


def _ensure_contest(values: dict, council, dates: dict, ministry_codes: tuple[str, ...] | None = None,
                    created_at: datetime | None = None) -> Contest:
    """``dates`` date its document and presentation stages; ``ministry_codes`` limits the participating
    ministries; without it, every ministry in the reference data takes part (six once MCST and MOF are there).
    Created at ``created_at``, by default the morning of its announcement."""
    contest = Contest.objects.filter(year=values["year"], name_ko=values["name_ko"]).first()
    if contest is None:
        ministries = Ministry.objects.all()
        if ministry_codes:
            ministries = ministries.filter(code__in=ministry_codes)
        announced = values["announced_on"]
        with demo_clock(created_at or kst(announced.year, announced.month, announced.day, 9, 30)):
            contest = create_contest(actor=council, values=values, kinds=DesignationKind.values,
                                     ministries=ministries, dates=dates)
    return contest


def _ensure_contest_2025(council) -> Contest:
    contest = _ensure_contest(CONTEST_2025, council, REVIEW_DATES_2025, MINISTRIES_2025)
    hamyang = LocalGovernment.objects.get(code="48870")
    if not PreliminarySelection.objects.filter(contest=contest, local_government=hamyang).exists():
        # Pre-selected in the March 2024 regional innovation contest (imaeil.com 2024-03-20: 34 applied, 22
        # pre-selected), which made Hamyang-gun eligible for this project; registered when the round opened, so
        # it cites that announcement, not a later article. The other 21 are not public: not invented.
        with demo_clock(kst(2024, 10, 1, 11)):
            add_preliminary_selection(
                actor=council, contest=contest, local_government=hamyang,
                programme="2024 지방소멸 대응 지역 중소기업 혁신 공모", selected_on=date(2024, 3, 20),
                task_title="산삼 항노화 고부가가치 제품 개발", source="매일신문(imaeil.com) 2024-03-20",
                reason="지역혁신 공모 예비 선정 과제 등록")
    return contest


RURAL_AGREEMENT_FILE = "rural_agreement_2021_2024.csv"
# The Rural Agreement list as the council could know it: before the 2025 round, the rows whose sources were
# published by then; the rest once the last source (naeil.com 2025-05-16) was out. No row is imported before
# the article it cites.
RURAL_AGREEMENT_IMPORTS = (
    (kst(2024, 9, 23, 10), "2021–2024 농촌협약 선정 지자체 (2024-09 현재 공개 자료로 확인된 곳)"),
    (kst(2025, 5, 19, 10), "2021–2024 농촌협약 선정 지자체 추가 (2024-10 이후 보도로 확인된 곳, 모두 81곳)"),
)


def _published_by(raw: bytes, day: date) -> bytes:
    """The CSV's rows whose source was published by ``day``, with its header."""
    reader = csv.DictReader(io.StringIO(raw.decode("utf-8")))
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=reader.fieldnames, lineterminator="\n")
    writer.writeheader()
    writer.writerows(row for row in reader if (latest_cited(row["source"]) or day) <= day)
    return out.getvalue().encode("utf-8")


def _import_rural_agreement(council) -> None:
    raw = (DATA_DIR / RURAL_AGREEMENT_FILE).read_bytes()
    done = DesignationImport.objects.filter(kind=DesignationKind.RURAL_AGREEMENT).count()
    for moment, reason in RURAL_AGREEMENT_IMPORTS[done:]:
        with demo_clock(moment):
            import_rural_agreement(stream=io.BytesIO(_published_by(raw, moment.date())),
                                   file_name=RURAL_AGREEMENT_FILE, reason=reason, imported_by=council)


@transaction.atomic
def seed_demo() -> None:
    """Each phase runs with the clock at its own moment (``demo_clock``); what is current (the open round, a
    recruitment open now, the to-dos) is built at the real now. The notifications are delivered last, each
    dated at its event (``demo_notifications``)."""
    load_region_registry()
    accounts = {account.username: _ensure_account(account) for account in DEMO_ACCOUNTS}
    council = accounts["council"]
    _import_rural_agreement(council)
    contest = _ensure_contest_2025(council)
    ensure_announcement_file(contest, council)
    ensure_proposals(contest, accounts, council)
    ensure_more_proposals(contest)
    ensure_reviews(contest, council, ROUND_2025)
    ensure_selection(contest, council, ROUND_2025)
    ensure_tracking(contest)
    ensure_reports_2025(contest)
    # Created when its pre-selection was announced (February 2025), which names it as the round it feeds.
    contest_2026 = _ensure_contest(CONTEST_2026, council, REVIEW_DATES_2026, created_at=kst(2025, 2, 10, 9))
    ensure_round_2026(contest_2026, accounts)
    ensure_round_2027(accounts)
    ensure_ministries_demo(DEMO_PASSWORD)
    deliver_on_the_demo_clock()
