"""The demo's proposals, with all their sections and files: the 2025 round's others (its demo logins' in
``demo_proposals_2025.py``; the rest of its 24 tasks, ``demo_tasks_2025.py``), and the helpers the later rounds use.

Company names and numbers are made up for the demo (the numbers carry valid check digits);
the Hamyang-gun task follows the articles in ``shared/background``.
"""
from datetime import datetime, timedelta

from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile

from accounts.roles import Role
from applications.budget import funding_years
from applications.models import SEOUL, Contest
from applications.registration_number import check_digit
from applications.selectors import request_lines
from applications.services import (
    add_attachment,
    create_proposal,
    save_budget,
    save_companies,
    save_kpi_targets,
    save_support_requests,
    submit_proposal,
)
from core.uploads import check_upload
from portal.sample_documents import minimal_pdf, workbook
from regions.models import LocalGovernment

from .demo_clock import demo_clock
from .demo_dates import ACCOUNTS_JOINED
from .demo_tasks_2025 import TASKS_2025, values_of


def _at(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=SEOUL)


def _drafted_at(contest: Contest, submitted_at: datetime) -> datetime:
    """When a proposal submitted at ``submitted_at`` was started: four days before, not before the window."""
    return max(submitted_at - timedelta(days=4), contest.application_opens_at + timedelta(hours=1))


def _brn(first_nine: str) -> str:
    return first_nine + str(check_digit(first_nine))


def _upload(name: str, content: bytes):
    return check_upload(SimpleUploadedFile(name, content))


# Four more submitted proposals from other provinces, so the review has a field to rank. Their officials
# have no demo login; the proposals are made up in the manner of the round's real ones.
MORE_PROPOSALS = {
    "uiseong": ("47730", "2024-10-14T15:10:00", {
        "title": "의성 마늘 기능성 소재 산업화와 청년 창업 연계",
        "summary": "의성 마늘의 기능성 성분을 활용한 건강기능식품·소재 산업화와 청년 창업 기업 육성",
        "specialty_resource": "의성 마늘", "industry": "기능성 식품 소재",
        "extinction_strategy": "청년 창업·정착 패키지로 인구 유입", "support_programme": "창업·성장·도약 단계별 지원"}),
    "gokseong": ("12720", "2024-10-16T11:45:00", {
        "title": "곡성 토란·멜론 스마트 가공식품 클러스터",
        "summary": "곡성 토란과 멜론을 원료로 한 간편식·디저트 가공 클러스터 조성",
        "specialty_resource": "곡성 토란·멜론", "industry": "스마트 식품 가공",
        "extinction_strategy": "농가-기업 계약재배와 가공 일자리로 청년 유입",
        "support_programme": "제품화·인증·판로"}),
    "danyang": ("43800", "2024-10-17T09:20:00", {  # public theme: cement industry support centre, CCU
        "title": "단양 시멘트산업 지원센터 기반 탄소포집·활용(CCU) 기업 육성",
        "summary": "시멘트산업 지원센터를 거점으로 탄소포집·활용(CCU) 기술 기업과 친환경 신소재 기업을 키운다.",
        "specialty_resource": "단양 석회석·시멘트 산업", "industry": "탄소포집·활용(CCU), 친환경 무기 신소재",
        "extinction_strategy": "소재 기업 고용 확대와 정주 여건 개선", "support_programme": "기술문제 해결·실증·인증"}),
    "jeongseon": ("51770", "2024-10-21T17:05:00", {
        "title": "정선 곤드레 나물 고부가 식품 브랜드화",
        "summary": "정선 곤드레를 활용한 가정간편식 개발과 지역 브랜드 마케팅",
        "specialty_resource": "정선 곤드레", "industry": "임산물 가공식품",
        "extinction_strategy": "귀농·귀촌 청년의 가공기업 취업 연계", "support_programme": "시제품·마케팅·판로"}),
}

COMPANIES = {
    "hamyang": [("지리산산삼바이오", "611810231", "early", True), ("함양항노화식품", "611860452", "growth", False),
                ("산양삼코스메틱", "611870118", "expansion", True)],
    "sancheong": [("동의보감천연물", "613810377", "expansion", False), ("산청약초랩", "613860215", "early", True)],
    "geochang": [("거창애플푸드", "612810095", "growth", False)],
    "hapcheon": [("합천바이오소재", "614810263", "early", True)],
    "uiseong": [("의성흑마늘연구소", "508810337", "growth", True), ("의성바이오팜", "508860129", "early", False)],
    "gokseong": [("곡성토란푸드", "415810246", "early", True), ("섬진강멜론", "415860071", "growth", False)],
    "danyang": [("단양그린소재", "301810584", "expansion", False), ("소백미네랄", "301860193", "growth", False)],
    "jeongseon": [("정선곤드레식품", "225810412", "early", True)],
    "geochang_2026": [("거창애플푸드", "612810095", "growth", False), ("거창스마트팩토리", "612860318", "early", True)],
    "hapcheon_2026": [("합천바이오소재", "614810263", "growth", True)],
    "yeongyang_2026": [("영양고추발효연구소", "507810244", "early", True),
                       ("일월산식품", "507860117", "growth", False)],
    "goesan_2026": [("괴산유기농푸드", "303810162", "growth", False)],
}

# National per year; provincial and local as the province and county planned them; private from the companies.
BUDGETS = {
    "hamyang": (500_000_000, 150_000_000, 350_000_000, 50_000_000),
    "sancheong": (450_000_000, 100_000_000, 250_000_000, 30_000_000),
    "hapcheon": (400_000_000, 40_000_000, 80_000_000, 0),
    "uiseong": (500_000_000, 60_000_000, 120_000_000, 20_000_000),
    "gokseong": (450_000_000, 45_000_000, 90_000_000, 10_000_000),
    "danyang": (500_000_000, 50_000_000, 100_000_000, 100_000_000),
    "jeongseon": (350_000_000, 40_000_000, 70_000_000, 0),
    "geochang_2026": (500_000_000, 60_000_000, 150_000_000, 30_000_000),
    "hapcheon_2026": (400_000_000, 40_000_000, 80_000_000, 0),
    "yeongyang_2026": (450_000_000, 45_000_000, 90_000_000, 10_000_000),
    # The 2025 round's named groups, so their national funding adds up to the public totals
    # (program-timeline.md): Jeonbuk's four 4,300,000,000 KRW (Gimje-si, Namwon-si here; Sunchang-gun and
    # Jangsu-gun at the default), Chungbuk's three 3,000,000,000 KRW (all at the default), Gangneung-si
    # 1,000,000,000 KRW national and 1,430,000,000 KRW in all. The split between them is made up.
    "gimje": (600_000_000, 60_000_000, 120_000_000, 20_000_000),
    "namwon": (550_000_000, 55_000_000, 110_000_000, 20_000_000),
    "gangneung": (500_000_000, 50_000_000, 150_000_000, 15_000_000),
    # The 2026 round's named groups, so their national funding adds up to the public totals
    # (program-timeline.md): Jeonnam's four 5,800,000,000 KRW over 2026–2027 and 8,200,000,000 KRW in all;
    # Chungbuk's four about 5,300,000,000 KRW, Danyang-gun's for 2026 only. The split between them is made up.
    "hwasun_2026": (750_000_000, 100_000_000, 180_000_000, 20_000_000),
    "haenam_2026": (700_000_000, 100_000_000, 180_000_000, 20_000_000),
    "wando_2026": (750_000_000, 100_000_000, 180_000_000, 20_000_000),
    "sinan_2026": (700_000_000, 100_000_000, 180_000_000, 20_000_000),
    "jecheon_2026": (800_000_000, 80_000_000, 160_000_000, 20_000_000),
    "boeun_2026": (750_000_000, 75_000_000, 150_000_000, 20_000_000),
    "goesan_2026": (750_000_000, 75_000_000, 150_000_000, 20_000_000),
    "danyang_2026": (700_000_000, 70_000_000, 140_000_000, 20_000_000),
}
# Proposals asking national funding for their first year only (the second is decided by a performance
# evaluation): Danyang-gun's of the 2026 round.
FIRST_YEAR_NATIONAL_ONLY = {"danyang_2026"}

KPIS = {
    "hamyang": {"jobs": 80, "youth_jobs": 30, "companies_supported": 25, "sales_krw": 5_000_000_000,
                "population_influx": 150},
    "sancheong": {"jobs": 50, "youth_jobs": 18, "companies_supported": 15, "sales_krw": 2_500_000_000,
                  "population_influx": 80},
    "hapcheon": {"jobs": 30, "youth_jobs": 10, "companies_supported": 8, "sales_krw": 1_200_000_000,
                 "population_influx": 40},
    "uiseong": {"jobs": 60, "youth_jobs": 25, "companies_supported": 20, "sales_krw": 3_000_000_000,
                "population_influx": 100},
    "gokseong": {"jobs": 45, "youth_jobs": 15, "companies_supported": 12, "sales_krw": 2_000_000_000,
                 "population_influx": 60},
    "danyang": {"jobs": 70, "youth_jobs": 20, "companies_supported": 15, "sales_krw": 6_000_000_000,
                "population_influx": 70},
    "jeongseon": {"jobs": 25, "youth_jobs": 12, "companies_supported": 8, "sales_krw": 900_000_000,
                  "population_influx": 40},
    "geochang_2026": {"jobs": 55, "youth_jobs": 20, "companies_supported": 15, "sales_krw": 3_500_000_000,
                      "population_influx": 70},
    "hapcheon_2026": {"jobs": 30, "youth_jobs": 10, "companies_supported": 8, "sales_krw": 1_200_000_000,
                      "population_influx": 40},
    "yeongyang_2026": {"jobs": 35, "youth_jobs": 15, "companies_supported": 10, "sales_krw": 1_500_000_000,
                       "population_influx": 45},
    "goesan_2026": {"jobs": 40, "youth_jobs": 12, "companies_supported": 10, "sales_krw": 2_000_000_000,
                    "population_influx": 50},
}


def _support_requests(username: str) -> list[dict]:
    if username == "hamyang":
        return [
            {"line": "regional_visa", "values": {"visa_type": "F-2-R", "requested": 15},
             "description": "산삼 가공·연구 인력 우선 배정"},
            {"line": "extinction_fund", "values": {"name": "산삼 항노화 기업지원센터 리모델링",
                                                   "approved_krw": 1_200_000_000}},
            {"line": "rural_agreement_facility", "values": {"name": "산양삼 공동 가공·저장 시설",
                                                            "amount_krw": 800_000_000}},
            {"line": "sme_commercialization", "values": {"item": "marketing", "companies": 10,
                                                         "amount_krw": 300_000_000}},
            {"line": "sme_commercialization", "values": {"item": "certification", "companies": 6,
                                                         "amount_krw": 120_000_000}},
        ]
    return [
        {"line": "sme_commercialization", "values": {"item": "demonstration_prototype", "companies": 5,
                                                     "amount_krw": 200_000_000}},
        {"line": "regional_visa", "values": {"visa_type": "F-4-R", "requested": 8}},
    ]


DEFAULT_BUDGET = (500_000_000, 50_000_000, 100_000_000, 20_000_000)
DEFAULT_KPIS = {"jobs": 40, "youth_jobs": 15, "companies_supported": 12, "sales_krw": 2_000_000_000,
                "population_influx": 50}
DRAFTS = {"geochang", "geochang_2027", "sancheong_2027"}  # companies only so far


def _companies_of(username: str, code: str) -> list[tuple[str, str, str, bool]]:
    """The listed companies, or two made-up ones with registration numbers made from the code."""
    if username in COMPANIES:
        return COMPANIES[username]
    lead = LocalGovernment.objects.get(code=code)
    return [(f"{lead.name_ko[:-1]}{suffix}", f"{code[:3]}8{code[3:]}{number:03d}", stage, youth)
            for number, (suffix, stage, youth) in enumerate((("바이오", "early", True), ("푸드", "growth", False)))]


def _fill_sections(contest: Contest, username: str, proposal, official) -> None:
    save_companies(actor=official, proposal=proposal, companies=[
        {"name": name, "business_registration_number": _brn(prefix), "growth_stage": stage, "youth_led": youth}
        for name, prefix, stage, youth in _companies_of(username, proposal.lead_local_government.code)])
    if username in DRAFTS:
        return  # the draft still being written
    national, provincial, local, private = BUDGETS.get(username, DEFAULT_BUDGET)
    years = funding_years(contest)
    national_of = {year: 0 if number and username in FIRST_YEAR_NATIONAL_ONLY else national
                   for number, year in enumerate(years)}
    cells = {}
    for year in years:
        cells.update({(year, "national"): national_of[year], (year, "provincial"): provincial,
                      (year, "local"): local, (year, "private"): private})
    save_budget(actor=official, proposal=proposal, cells=cells)
    save_kpi_targets(actor=official, proposal=proposal, targets=KPIS.get(username, DEFAULT_KPIS))
    offered = request_lines(contest)  # a round of fewer ministries (the 2026 pre-selection) offers fewer lines
    save_support_requests(actor=official, proposal=proposal,
                          requests=[request for request in _support_requests(username) if request["line"] in offered])
    title = proposal.title
    add_attachment(actor=official, proposal=proposal, kind="business_plan", upload=_upload(
        f"{username}_사업계획서.pdf", minimal_pdf([f"{username.title()} - business plan (demo)", str(contest.year)])))
    add_attachment(actor=official, proposal=proposal, kind="presentation", upload=_upload(
        f"{username}_발표자료.pdf", minimal_pdf([f"{username.title()} - presentation (demo)"])))
    add_attachment(actor=official, proposal=proposal, kind="other", upload=_upload(
        f"{username}_예산산출근거.xlsx", workbook("예산", [["과제", title], ["연도", "국비", "도비", "군비", "민간"],
                                                        *[[year, national_of[year], provincial, local, private]
                                                          for year in years]])))


def _official_without_login(username: str, lead: LocalGovernment):
    User = get_user_model()
    official = User.objects.filter(username=username).first()
    if official is None:
        official = User(username=username, role=Role.LOCAL_OFFICIAL, local_government=lead,
                        last_name="담당", first_name="공무원", organisation=f"{lead.name} 지역경제과",
                        email=f"{username}@demo.invalid", date_joined=ACCOUNTS_JOINED)  # before its rounds
        official.set_unusable_password()
        official.save()
    return official


def _submitted(contest: Contest, key: str, code: str, official, submitted_at: str, values: dict) -> None:
    lead = LocalGovernment.objects.get(code=code)
    if contest.proposals.filter(lead_local_government=lead).exists():
        return
    submitted = _at(submitted_at)
    with demo_clock(_drafted_at(contest, submitted)):
        proposal = create_proposal(actor=official, contest=contest, values=values, lead_local_government=lead)
        _fill_sections(contest, key, proposal, official)
    with demo_clock(submitted):
        submit_proposal(actor=official, proposal=proposal, now=submitted)


def ensure_more_proposals(contest: Contest) -> None:
    """The other submitted proposals of the 2025 round, each by an official without a demo login."""
    rows = {**MORE_PROPOSALS, **{key: values_of(key) for key in TASKS_2025}}
    for username, (code, submitted_at, values) in rows.items():
        official = _official_without_login(username, LocalGovernment.objects.get(code=code))
        _submitted(contest, username, code, official, submitted_at, values)


def ensure_submitted(contest: Contest, accounts: dict, rows: dict) -> None:
    """Submitted proposals of a later round: ``rows`` maps a key to (code, username, submitted at, text); the
    official is the demo login of that name or one without a login."""
    for key, (code, username, submitted_at, values) in rows.items():
        official = accounts.get(username) or _official_without_login(username, LocalGovernment.objects.get(code=code))
        _submitted(contest, key, code, official, submitted_at, values)
