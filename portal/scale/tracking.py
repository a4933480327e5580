"""A scale round's selection and its selected tasks, through the real services (the selection's rules and the
opening of tasks are what the benchmark measures), then each task's rows in bulk."""
import random
from datetime import date, timedelta
from decimal import Decimal

from applications.models import Contest, KpiTarget
from ministries.reference import EXTINCTION_FUND, REGIONAL_VISA, RURAL_AGREEMENT_FACILITY, SME_COMMERCIALIZATION
from ministries.registry import support_lines
from ministries.values import clean_values
from selection.services import approve_run, confirm_run, execute_run, publish_run, save_policy, start_run
from tracking.models import (
    ApplicationStatus,
    CompanyApplication,
    KpiActual,
    Milestone,
    ProgressReport,
    Recruitment,
    ReportStatus,
    SelectedTask,
    SupportLineRow,
)
from tracking.services import open_tasks_for_run

from .people import ScalePeople
from .proposals import BATCH, made_up_registration_number

MILESTONES = (("협약 체결", 1), ("기업 모집", 3), ("시설 착공", 6), ("중간 점검", 10))


def _select(contest: Contest, people: ScalePeople) -> None:
    council = people.council
    save_policy(actor=council, contest=contest, values={
        "document_weight_pct": 30, "presentation_weight_pct": 70, "document_cutoff": Decimal(60),
        "presentation_cutoff": Decimal(60), "reserve_count": 3})
    run = execute_run(start_run(actor=council, contest=contest, reason="규모 시험 산출").pk)
    year = contest.year
    approved = contest.application_closes_at + timedelta(days=30)
    approve_run(actor=council, run=run, note="규모 시험 의결", now=approved)
    run = publish_run(actor=council, run=run, now=approved + timedelta(days=6))
    run = confirm_run(actor=council, run=run, now=run.objection_closes_at)
    open_tasks_for_run(run.pk)
    assert SelectedTask.objects.filter(contest=contest).exists(), f"no task opened for {year}"


def build_tracking(contest: Contest, people: ScalePeople, seed: int) -> int:
    """Select, open the tasks and give each a year of tracking; returns the number of tasks."""
    _select(contest, people)
    rng = random.Random(seed * 104729)
    tasks = list(SelectedTask.objects.filter(contest=contest).select_related("local_government").order_by("pk"))
    first_year = contest.year + 1
    lines = support_lines()
    rows: dict[type, list] = {model: [] for model in (SupportLineRow, Milestone, Recruitment)}
    for task in tasks:
        allocated, approved = rng.randrange(5, 25), rng.randrange(10, 50) * 10_000_000
        for code, values in (
                (REGIONAL_VISA, {"year": first_year, "visa_type": "F-2-R", "requested": allocated + 3,
                                 "allocated": allocated, "issued": rng.randrange(0, allocated + 1)}),
                (EXTINCTION_FUND, {"name": "거점센터 조성", "year": first_year, "approved_krw": approved,
                                   "disbursed_krw": approved // rng.randrange(1, 4)}),
                (RURAL_AGREEMENT_FACILITY, {"name": "공동 가공시설", "placement": "back",
                                            "amount_krw": rng.randrange(10, 40) * 10_000_000}),
                (SME_COMMERCIALIZATION, {"year": first_year, "item": "technical_problem_solving",
                                         "companies": rng.randrange(3, 12),
                                         "amount_krw": rng.randrange(5, 30) * 10_000_000})):
            line = lines[code]
            cleaned = clean_values(line, values)
            rows[SupportLineRow].append(SupportLineRow(task=task, line_id=line.pk, values=cleaned,
                                                       key=line.key_of(cleaned)))
        rows[Milestone] += [Milestone(task=task, title=title, due_on=date(first_year, month, 28),
                                      completed_on=date(first_year, month, 20) if month < 7 else None)
                            for title, month in MILESTONES]
        rows[Recruitment].append(Recruitment(task=task, title=f"{task.local_government.name_ko} 참여기업 모집",
                                             published_through="지역 테크노파크", body="참여기업을 모집합니다.",
                                             opens_on=date(first_year, 2, 1), closes_on=date(first_year, 2, 28),
                                             created_by=people.officials[task.local_government_id]))
    for model, made in rows.items():
        model.objects.bulk_create(made, batch_size=BATCH)
    _companies(rows[Recruitment], rng, people)
    _reports(tasks, rng, people)
    return len(tasks)


def _companies(recruitments: list[Recruitment], rng: random.Random, people: ScalePeople) -> None:
    applications = []
    for recruitment in recruitments:
        numbers = sorted({made_up_registration_number(rng) for _ in range(5)})
        for index, number in enumerate(numbers):
            chosen = index < 3
            applications.append(CompanyApplication(
                recruitment=recruitment, company_name=f"참여기업 {index + 1}", business_registration_number=number,
                representative="대표자", email=f"company{index + 1}@example.invalid",
                growth_stage=rng.choice(("early", "expansion", "growth")), plan="제품 개발과 판로 개척",
                status=ApplicationStatus.SELECTED if chosen else ApplicationStatus.NOT_SELECTED,
                decided_by=recruitment.created_by, decided_at=recruitment.created_at,
                support_received_krw=rng.randrange(1, 10) * 10_000_000 if chosen else 0))
    CompanyApplication.objects.bulk_create(applications, batch_size=BATCH)


def _reports(tasks: list[SelectedTask], rng: random.Random, people: ScalePeople) -> None:
    """The first half-year report accepted with KPI figures, the second submitted and waiting."""
    targets = {}
    for target in KpiTarget.objects.filter(proposal__task__in=tasks):
        targets.setdefault(target.proposal_id, []).append(target)
    by_task: dict[int, list[ProgressReport]] = {}
    for report in ProgressReport.objects.filter(task__in=tasks).order_by("task_id", "due_on"):
        by_task.setdefault(report.task_id, []).append(report)
    actuals, changed = [], []
    for task in tasks:
        for report, status in zip(by_task.get(task.pk, []), (ReportStatus.ACCEPTED, ReportStatus.SUBMITTED),
                                  strict=False):
            report.status, report.narrative = status, "반기 추진 실적"
            report.submitted_at = task.opened_at + timedelta(days=200 if report.half == 1 else 380)
            if status == ReportStatus.ACCEPTED:
                report.reviewed_by, report.reviewed_at = people.council, report.submitted_at + timedelta(days=5)
                actuals += [KpiActual(report=report, indicator=target.indicator,
                                      actual=int(target.target * rng.uniform(0.2, 0.5)))
                            for target in targets.get(task.proposal_id, [])]
            changed.append(report)
    ProgressReport.objects.bulk_update(changed, ["status", "narrative", "submitted_at", "reviewed_by",
                                                 "reviewed_at"], batch_size=BATCH)
    KpiActual.objects.bulk_create(actuals, batch_size=BATCH)
