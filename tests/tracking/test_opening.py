"""A confirmed selection becomes selected tasks, each with its agreement drafted and its reports due."""
from datetime import date

import pytest

from applications.models import BudgetLine
from selection.models import Outcome, SelectionDecision
from tests.selection.builders import scored_contest
from tests.selection.conftest import computed_run
from tracking.models import AgreementLine, ProgressReport, SelectedTask
from tracking.services import open_tasks_for_run
from tracking.services.opening import drafted_agreement

pytestmark = pytest.mark.django_db


def test_confirming_a_selection_opens_one_task_per_selected_proposal(tasks):
    assert set(tasks) == {"48870", "12720"}  # Danyang-gun became the reserve
    hamyang = tasks["48870"]
    assert hamyang.status == "preparing"
    assert hamyang.title == hamyang.proposal.title
    assert hamyang.decision.outcome == Outcome.SELECTED


def test_the_agreement_starts_from_the_budget_and_reports_are_due_each_half_year(hamyang):
    lines = {(line.year, line.source): line.amount_krw for line in hamyang.agreement_lines.all()}
    assert lines == {(2026, "national"): 500_000_000, (2027, "national"): 500_000_000}
    due = list(ProgressReport.objects.filter(task=hamyang).values_list("year", "half", "due_on"))
    assert due == [(2026, 1, date(2026, 7, 31)), (2026, 2, date(2027, 1, 31)),
                   (2027, 1, date(2027, 7, 31)), (2027, 2, date(2028, 1, 31))]


def test_opening_again_opens_nothing_twice(tasks):
    run = tasks["48870"].decision.run
    assert open_tasks_for_run(run.pk) == []
    assert SelectedTask.objects.filter(decision__run=run).count() == 2
    assert AgreementLine.objects.filter(task__decision__run=run).count() == 4


def test_a_reduced_funding_scales_the_national_lines_to_the_exact_won(hamyang):
    decision = SelectionDecision(national_krw=700_000_001)
    budget = [BudgetLine(year=2026, source="national", amount_krw=500_000_000),
              BudgetLine(year=2027, source="national", amount_krw=500_000_000),
              BudgetLine(year=2026, source="provincial", amount_krw=50_000_000)]
    cells = drafted_agreement(decision, budget)
    assert cells[(2026, "national")] == 350_000_000
    assert cells[(2027, "national")] == 350_000_001  # the rounding stays on the last year
    assert cells[(2026, "provincial")] == 50_000_000


def test_a_run_not_yet_confirmed_opens_no_task(db, council, django_capture_on_commit_callbacks):
    contest, _proposals = scored_contest({"48870": ([80, 80, 80], [90, 90, 90])})
    run = computed_run(contest, council, django_capture_on_commit_callbacks)
    assert open_tasks_for_run(run.pk) == []
    assert not SelectedTask.objects.exists()
