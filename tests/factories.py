"""Test data builders. Users are made per role with a valid binding."""
from datetime import date, datetime

import factory

from accounts.models import User
from accounts.roles import Role
from applications.models import SEOUL, Contest, ContestDesignationKind
from ministries.models import Ministry
from regions.models import DesignationKind, LocalGovernment, Province

PASSWORD = "correct-horse-battery"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda user: f"{user.username}@example.invalid")
    role = Role.COUNCIL_STAFF
    password = factory.PostGenerationMethodCall("set_password", PASSWORD)

    @factory.post_generation
    def persist_password(self, create, extracted, **kwargs):
        if create:
            self.save()


def make_user(role: str, **kwargs) -> User:
    """A user of ``role`` bound the way that role requires (Hamyang-gun, Gyeongnam, MOJ by default)."""
    if role == Role.LOCAL_OFFICIAL:
        kwargs.setdefault("local_government", LocalGovernment.objects.get(code="48870"))
    elif role == Role.PROVINCIAL_OFFICER:
        kwargs.setdefault("province", Province.objects.get(code="48"))
    elif role == Role.MINISTRY_STAFF:
        kwargs.setdefault("ministry", Ministry.objects.get(code="MOJ"))
    elif role == Role.ADMINISTRATOR:
        kwargs.setdefault("is_staff", True)
        kwargs.setdefault("is_superuser", True)
    return UserFactory(role=role, **kwargs)


def make_contest(*, kinds=tuple(DesignationKind.values), closes=datetime(2025, 10, 20, 18, 0, tzinfo=SEOUL),
                 opens=datetime(2025, 10, 1, 9, 0, tzinfo=SEOUL), year: int = 2025) -> Contest:
    contest = Contest.objects.create(name_ko=f"{year}년 협업 프로젝트", name_en=f"{year} Collaboration Project",
                                     year=year, application_opens_at=opens, application_closes_at=closes,
                                     national_cap_per_task_krw=1_000_000_000, provincial_match_min_bp=500,
                                     local_match_min_bp=1_000)
    ContestDesignationKind.objects.bulk_create([ContestDesignationKind(contest=contest, kind=k) for k in kinds])
    return contest


def day(text: str) -> date:
    return date.fromisoformat(text)


COMPANIES = [
    {"name": "지리산산삼바이오", "business_registration_number": "2208162517", "growth_stage": "early",
     "youth_led": True},
    {"name": "함양항노화식품", "business_registration_number": "1248100998", "growth_stage": "growth",
     "youth_led": False},
]
KPI_TARGETS = {"jobs": 60, "youth_jobs": 25, "companies_supported": 20, "sales_krw": 3_000_000_000,
               "population_influx": 120}


def budget_cells(contest: Contest, national_per_year: int = 500_000_000) -> dict[tuple[int, str], int]:
    """A budget that meets a 5 % provincial and 10 % local minimum for each funding year."""
    cells = {}
    for year in range(contest.year + 1, contest.year + 1 + contest.funding_years):
        cells.update({(year, "national"): national_per_year, (year, "provincial"): national_per_year // 20,
                      (year, "local"): national_per_year // 10, (year, "private"): 10_000_000})
    return cells


def complete_sections(proposal, actor):
    """Fill every structured section so the proposal passes the checklist (text sections are the caller's)."""
    from applications import services
    from core.uploads import check_upload
    from tests.documents import pdf, upload

    services.save_companies(actor=actor, proposal=proposal, companies=COMPANIES)
    services.save_budget(actor=actor, proposal=proposal, cells=budget_cells(proposal.contest))
    services.save_kpi_targets(actor=actor, proposal=proposal, targets=KPI_TARGETS)
    services.save_support_requests(actor=actor, proposal=proposal, requests=[
        {"line": "regional_visa", "values": {"visa_type": "F-2-R", "requested": 10}},
        {"line": "sme_commercialization", "values": {"item": "marketing", "companies": 8, "amount_krw": 200_000_000}},
    ])
    for kind, name in (("business_plan", "사업계획서.pdf"), ("presentation", "발표자료.pdf")):
        services.add_attachment(actor=actor, proposal=proposal, kind=kind, upload=check_upload(upload(name, pdf())))
    return proposal


def make_open_contest() -> Contest:
    """A contest whose window is open now, so the pages' own clock accepts a submission."""
    from datetime import timedelta

    from django.utils import timezone

    now = timezone.now()
    return make_contest(opens=now - timedelta(days=1), closes=now + timedelta(days=1))


def make_outsider(who: str) -> User:
    """Someone who must not see a Hamyang-gun proposal: an official of Gangnam-gu, Seoul's provincial
    officer, or a user of another role (reviewer, ministry staff)."""
    if who == "other_official":
        return make_user(Role.LOCAL_OFFICIAL, local_government=LocalGovernment.objects.get(code="11680"))
    if who == "other_province":
        return make_user(Role.PROVINCIAL_OFFICER, province=Province.objects.get(code="11"))
    return make_user(who)


def formset_data(prefix: str, rows: list[dict]) -> dict[str, str]:
    """POST data of a formset with ``rows`` as its forms."""
    data = {f"{prefix}-TOTAL_FORMS": str(len(rows)), f"{prefix}-INITIAL_FORMS": "0"}
    for index, row in enumerate(rows):
        data.update({f"{prefix}-{index}-{key}": value for key, value in row.items()})
    return data


def api_as(user):
    """An API client signed in as ``user``."""
    from rest_framework.test import APIClient

    client = APIClient()
    client.force_authenticate(user)
    return client
