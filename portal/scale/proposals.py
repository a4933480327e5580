"""A scale round's contest and its proposals with every section, in bulk."""
import hashlib
import random
from datetime import datetime, timedelta

from django.db.models import Prefetch

from applications.models import (
    SEOUL,
    BudgetLine,
    Contest,
    ContestDesignationKind,
    KpiTarget,
    ParticipatingCompany,
    Proposal,
    ProposalAttachment,
    ProposalStatus,
    ProposalVersion,
    SupportRequest,
    content_checksum,
)
from applications.registration_number import check_digit
from applications.snapshot import take_snapshot
from core.text import with_particle
from ministries.models import Ministry, SupportLineKind
from regions.models import DesignationKind, LocalGovernment
from regions.selectors import local_governments_existing_on

from .people import ScalePeople

BATCH = 1000
RESOURCES = ("산삼", "한우", "곶감", "녹차", "인삼", "약초", "사과", "해조류", "표고버섯", "도자기", "한지", "젓갈")
INDUSTRIES = ("항노화 바이오", "고부가 식품", "관광 콘텐츠", "천연 화장품", "스마트팜", "공예 디자인")


def contest_name(year: int) -> str:
    return f"{year}년 협업 프로젝트 (규모 시험)"


def ensure_contest(year: int) -> tuple[Contest, bool]:
    existing = Contest.objects.filter(year=year, name_ko=contest_name(year)).first()
    if existing:
        return existing, False
    contest = Contest.objects.create(
        name_ko=contest_name(year), name_en=f"{year} Collaboration Project (scale test)", year=year,
        application_opens_at=datetime(year, 10, 1, 9, 0, tzinfo=SEOUL),
        application_closes_at=datetime(year, 10, 20, 18, 0, tzinfo=SEOUL),
        objection_period_days=7, target_task_count=30, funding_years=2,
        national_cap_per_task_krw=1_000_000_000, provincial_match_min_bp=500, local_match_min_bp=1_000,
        total_national_budget_krw=30_000_000_000)
    ContestDesignationKind.objects.bulk_create([ContestDesignationKind(contest=contest, kind=kind)
                                                for kind in DesignationKind.values])
    contest.participating_ministries.set(Ministry.objects.all())
    return contest, True


def made_up_registration_number(rng: random.Random) -> str:
    first_nine = f"{rng.randrange(100, 900)}{rng.randrange(81, 89)}{rng.randrange(0, 10000):04d}"
    return first_nine + str(check_digit(first_nine))


def _sections(rng: random.Random, lg: LocalGovernment) -> dict:
    resource, industry = rng.choice(RESOURCES), rng.choice(INDUSTRIES)
    return {"title": f"{lg.name_ko} {resource} 기반 {industry} 육성",
            "summary": f"{lg.name_ko}의 {with_particle(resource, '을/를')} 활용한 {industry} 제품 개발과 "
                       "지역기업 성장 지원",
            "specialty_resource": resource, "industry": industry,
            "extinction_strategy": "청년 창업과 정주 여건 개선으로 인구 유입",
            "support_programme": "창업기·성장기·도약기 단계별 기술개발·판로 지원"}


def build_proposals(contest: Contest, people: ScalePeople, seed: int, count: int) -> list[Proposal]:
    """``count`` proposals: one submitted per local government, and the rest withdrawn earlier ones of the first
    local governments. Returns the submitted proposals (the ones the review scores)."""
    rng = random.Random(seed)
    # The local governments of the round's own layout (230 since 2026-07-01); abolished units do not apply.
    governments = list(local_governments_existing_on(contest.eligibility_date).order_by("code"))
    closes = contest.application_closes_at
    rows = []
    for index in range(count):
        lg = governments[index % len(governments)]
        submitted = index < len(governments)
        rows.append(Proposal(
            contest=contest, lead_local_government=lg, created_by=people.officials[lg.pk],
            status=ProposalStatus.SUBMITTED if submitted else ProposalStatus.WITHDRAWN,
            receipt_number=f"{contest.year}-{index + 1:04d}" if submitted else "",
            first_submitted_at=closes - timedelta(minutes=rng.randrange(10, 60 * 24 * 15)) if submitted else None,
            **_sections(rng, lg)))
    Proposal.objects.bulk_create(rows, batch_size=BATCH)
    submitted = [proposal for proposal in rows if proposal.status == ProposalStatus.SUBMITTED]
    _sections_rows(contest, submitted, rng)
    _versions(contest, people)
    return submitted


def _sections_rows(contest: Contest, proposals: list[Proposal], rng: random.Random) -> None:
    lines = dict(SupportLineKind.objects.filter(code__in=("regional_visa", "sme_commercialization"))
                 .values_list("code", "pk"))
    budget, kpis, companies, requests, files = [], [], [], [], []
    years = range(contest.year + 1, contest.year + 1 + contest.funding_years)
    for proposal in proposals:
        national = rng.randrange(30, 51) * 10_000_000  # per year, 300–500 million won
        for year in years:
            shares = (("national", national), ("provincial", national // 10), ("local", national // 5),
                      ("private", rng.randrange(1, 6) * 10_000_000))
            budget += [BudgetLine(proposal=proposal, year=year, source=source, amount_krw=amount)
                       for source, amount in shares]
        jobs = rng.randrange(20, 120)
        kpis += [KpiTarget(proposal=proposal, indicator=indicator, target=target) for indicator, target in (
            ("jobs", jobs), ("youth_jobs", jobs // 3), ("companies_supported", rng.randrange(10, 40)),
            ("sales_krw", rng.randrange(10, 60) * 100_000_000), ("population_influx", rng.randrange(30, 300)))]
        # Sorted, not a set's order: string hashing differs between processes, and the set must not.
        numbers = sorted({made_up_registration_number(rng) for _ in range(3)})
        companies += [ParticipatingCompany(proposal=proposal, name=f"{proposal.specialty_resource}기업 {position}",
                                           business_registration_number=digits,
                                           growth_stage=rng.choice(("early", "expansion", "growth")),
                                           youth_led=rng.random() < 0.4)
                      for position, digits in enumerate(numbers, start=1)]
        requests += [SupportRequest(proposal=proposal, line_id=lines["regional_visa"], key='["F-2-R"]',
                                    values={"visa_type": "F-2-R", "requested": rng.randrange(5, 30)}),
                     SupportRequest(proposal=proposal, line_id=lines["sme_commercialization"],
                                    key='["technical_problem_solving"]',
                                    values={"item": "technical_problem_solving", "companies": rng.randrange(3, 15),
                                            "amount_krw": rng.randrange(5, 30) * 10_000_000})]
        files += [ProposalAttachment(proposal=proposal, kind=kind, original_name=name, file_format="pdf",
                                     size_bytes=rng.randrange(200_000, 9_000_000), frozen=True,
                                     file=f"scale/{proposal.receipt_number}/{kind}.pdf",
                                     sha256=hashlib.sha256(f"{proposal.receipt_number}{kind}".encode()).hexdigest(),
                                     uploaded_by=proposal.created_by)
                  for kind, name in (("business_plan", "사업계획서.pdf"), ("presentation", "발표자료.pdf"))]
    for model, rows in ((BudgetLine, budget), (KpiTarget, kpis), (ParticipatingCompany, companies),
                        (SupportRequest, requests), (ProposalAttachment, files)):
        model.objects.bulk_create(rows, batch_size=BATCH)


def _versions(contest: Contest, people: ScalePeople) -> None:
    """Version 1 of every submitted proposal, frozen from its rows as ``submit_proposal`` freezes it."""
    proposals = (Proposal.objects.filter(contest=contest, status=ProposalStatus.SUBMITTED)
                 .select_related("lead_local_government")
                 .prefetch_related("partners", "companies", "budget_lines", "kpi_targets",
                                   Prefetch("support_requests",
                                            queryset=SupportRequest.objects.select_related("line")),
                                   "attachments"))
    versions = []
    for proposal in proposals:
        content = take_snapshot(proposal)
        versions.append(ProposalVersion(proposal=proposal, number=1, submitted_at=proposal.first_submitted_at,
                                        submitted_by=people.officials[proposal.lead_local_government_id],
                                        content=content, content_sha256=content_checksum(content)))
    ProposalVersion.objects.bulk_create(versions, batch_size=BATCH)
