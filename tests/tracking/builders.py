"""Builders for tracking tests: a confirmed selection whose tasks are open."""
from datetime import date

from applications.models import BudgetLine, KpiTarget, Proposal
from ministries.registry import line_for
from ministries.values import clean_values
from regions.models import LocalGovernment
from selection.models import SelectionDecision
from selection.services import approve_run, confirm_run, publish_run
from tests.selection.builders import scored_contest
from tests.selection.conftest import computed_run
from tracking.models import Disbursement, KpiActual, ProgressReport, SelectedTask, SupportLineRow
from tracking.services import open_task


def confirmed_run(council, capture, scores=None, **options):
    """A contest scored, computed, approved, published and confirmed after its objection period."""
    scores = scores or {"48870": ([80, 80, 80], [90, 90, 90]), "12720": ([70, 70, 70], [75, 75, 75]),
                        "43800": ([65, 65, 65], [70, 70, 70])}
    contest, _proposals = scored_contest(scores, target=options.pop("target", 2), **options)
    return confirmed_run_of(contest, council, capture)


def confirmed_run_of(contest, council, capture):
    """The scored ``contest``'s run, computed, approved, published and confirmed after its objection period."""
    run = computed_run(contest, council, capture)
    approve_run(actor=council, run=run)
    with capture(execute=False):
        run = publish_run(actor=council, run=run)
    with capture(execute=True):
        run = confirm_run(actor=council, run=run, now=run.objection_closes_at)
    return run


def confirmed_tasks(council, capture, **options) -> dict[str, SelectedTask]:
    run = confirmed_run(council, capture, **options)
    return {task.local_government.code: task
            for task in SelectedTask.objects.filter(decision__run=run).select_related("local_government")}


def more_tasks(run, count: int) -> list[SelectedTask]:
    """``count`` further selected tasks of ``run``, one per local government, each with an agreement, a payment,
    a report accepted with KPI figures and a row in every support line: enough rows that an N+1 shows."""
    taken = set(run.decisions.values_list("proposal__lead_local_government", flat=True))
    governments = LocalGovernment.objects.exclude(pk__in=taken).order_by("code")[:count]
    author = run.requested_by
    opened = []
    first = 100 + run.decisions.count()
    for number, government in enumerate(governments, start=first):
        proposal = Proposal.objects.create(contest=run.contest, lead_local_government=government,
                                           title=f"과제 {number}", created_by=author, status="submitted",
                                           receipt_number=f"{run.contest.year}-{number:04d}")
        BudgetLine.objects.create(proposal=proposal, year=2026, source="national", amount_krw=400_000_000)
        KpiTarget.objects.create(proposal=proposal, indicator="jobs", target=40)
        decision = SelectionDecision.objects.create(run=run, proposal=proposal, rank=number,
                                                    requested_national_krw=400_000_000, computed_outcome="selected",
                                                    computed_national_krw=400_000_000, outcome="selected",
                                                    national_krw=400_000_000)
        task, _created = open_task(decision)
        Disbursement.objects.create(line=task.agreement_lines.get(), amount_krw=100_000_000,
                                    paid_on=date(2026, 3, 1), recorded_by=author)
        report = ProgressReport.objects.get(task=task, year=2026, half=1)
        ProgressReport.objects.filter(pk=report.pk).update(status="accepted", submitted_at=run.requested_at)
        KpiActual.objects.create(report=report, indicator="jobs", actual=10)
        support_row(task, "regional_visa", year=2026, visa_type="F-2-R", requested=5, allocated=4, issued=3)
        support_row(task, "extinction_fund", name="센터", year=2026, approved_krw=300_000_000, disbursed_krw=1)
        support_row(task, "rural_agreement_facility", name="시설", placement="back", amount_krw=200_000_000)
        support_row(task, "sme_commercialization", year=2026, item="marketing", companies=3, amount_krw=30_000_000)
        opened.append(task)
    return opened


def support_row(task: SelectedTask, line_code: str, **values) -> SupportLineRow:
    """A row of ``line_code`` on ``task``, its values checked as the service checks them (no audit entry)."""
    line = line_for(line_code)
    cleaned = clean_values(line, values)
    return SupportLineRow.objects.create(task=task, line_id=line.pk, values=cleaned, key=line.key_of(cleaned))
