"""Opening selected tasks from a confirmed selection: each selected decision becomes one task with its
funding agreement drafted from the proposal's budget and its half-yearly reports due."""
from datetime import date

from django.db import transaction
from django.utils import timezone

from applications.models import BudgetLine, BudgetSource
from audit.services import record
from core.faults import fault_point
from selection.models import Outcome, RunStatus, SelectionDecision, SelectionRun
from tracking.models import AgreementLine, ProgressReport, SelectedTask


def report_due_on(year: int, half: int) -> date:
    """A half-year's report is due a month after it ends: 31 July, and 31 January of the next year."""
    return date(year, 7, 31) if half == 1 else date(year + 1, 1, 31)


def drafted_agreement(decision: SelectionDecision, budget: list[BudgetLine]) -> dict[tuple[int, str], int]:
    """The proposal's budget, with the national lines scaled down to the funding the selection gave, in whole
    won, the rounding left on the last year so the lines add up to exactly the decision."""
    cells = {(line.year, line.source): line.amount_krw for line in budget}
    national = sorted(year for year, source in cells if source == BudgetSource.NATIONAL)
    asked = sum(cells[(year, BudgetSource.NATIONAL)] for year in national)
    if national and asked != decision.national_krw:
        given = 0
        for year in national[:-1]:
            share = cells[(year, BudgetSource.NATIONAL)] * decision.national_krw // asked
            cells[(year, BudgetSource.NATIONAL)] = share
            given += share
        cells[(national[-1], BudgetSource.NATIONAL)] = decision.national_krw - given
    return cells


@transaction.atomic
def open_task(decision: SelectionDecision, *, now=None) -> tuple[SelectedTask, bool]:
    """The task of one selected decision; opening it twice returns the first. The decision's row is locked,
    so two workers given the same run open it once."""
    decision = SelectionDecision.objects.select_for_update().select_related(
        "run__contest", "proposal__lead_local_government").get(pk=decision.pk)
    existing = SelectedTask.objects.filter(decision=decision).first()
    if existing:
        return existing, False
    proposal = decision.proposal
    task = SelectedTask.objects.create(decision=decision, proposal=proposal, contest=decision.run.contest,
                                       local_government=proposal.lead_local_government, title=proposal.title,
                                       opened_at=now or timezone.now())
    cells = drafted_agreement(decision, list(proposal.budget_lines.all()))
    AgreementLine.objects.bulk_create([AgreementLine(task=task, year=year, source=source, amount_krw=amount)
                                       for (year, source), amount in sorted(cells.items()) if amount])
    years = sorted({year for year, _source in cells})
    ProgressReport.objects.bulk_create([ProgressReport(task=task, year=year, half=half,
                                                       due_on=report_due_on(year, half))
                                        for year in years for half in (1, 2)])
    record(actor=None, action="tracking.task_opened", target=task,
           changes={"run": decision.run.number, "national_krw": decision.national_krw})
    return task, True


def open_tasks_for_run(run_id: int) -> list[int]:
    """Every selected decision of a confirmed run gets its task. Idempotent: a redelivered call opens
    nothing twice. Returns the tasks opened now. A pre-selection contest funds nothing: its result feeds the
    later contest's preliminary selections instead, and no task is opened."""
    run = SelectionRun.objects.select_related("contest").get(pk=run_id)
    if run.status != RunStatus.CONFIRMED or run.contest.preselection_for_id is not None:
        return []
    decisions = (run.decisions.filter(outcome=Outcome.SELECTED)
                 .select_related("run__contest", "proposal__lead_local_government").order_by("pk"))
    opened = []
    for number, decision in enumerate(decisions):
        if number == 1:
            fault_point("tracking.open_tasks.midway")
        task, created = open_task(decision, now=run.confirmed_at)
        if created:
            opened.append(task.pk)
    return opened
