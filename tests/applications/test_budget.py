import pytest

from applications.budget import check_budget, funding_years, minimum_match
from applications.forms.sections import BudgetForm
from applications.services import SubmissionRefused, save_budget
from tests.factories import budget_cells, make_contest

pytestmark = pytest.mark.usefixtures("registry", "english")


def test_minimum_matching_rounds_up_to_the_won():
    assert minimum_match(1_000_000_000, 500) == 50_000_000
    assert minimum_match(333, 500) == 17  # 16.65 won: a share is never rounded in the applicant's favour
    assert minimum_match(0, 1_000) == 0


def test_the_2025_contest_funds_2026_and_2027():
    assert funding_years(make_contest()) == [2026, 2027]


def test_a_budget_within_the_rules_passes():
    contest = make_contest()
    cells = budget_cells(contest)
    result = check_budget(contest, [(year, source, amount) for (year, source), amount in cells.items()])
    assert result.ok and result.totals["national"] == 1_000_000_000 and result.total == 1_170_000_000


def test_national_funding_above_the_cap_is_refused():
    contest = make_contest()
    cells = budget_cells(contest, national_per_year=500_000_001)
    result = check_budget(contest, [(year, source, amount) for (year, source), amount in cells.items()])
    assert result.problems["national"] == ("National funding totals 1,000,000,002 KRW; the contest allows at most "
                                           "1,000,000,000 KRW per task.")


def test_matching_below_the_minimum_share_is_refused_per_source():
    contest = make_contest()  # provincial 5 %, local 10 % of national
    cells = {**budget_cells(contest), (2026, "provincial"): 24_999_999}
    result = check_budget(contest, [(year, source, amount) for (year, source), amount in cells.items()])
    assert set(result.problems) == {"provincial"}
    assert "at least 50,000,000 KRW (5% of national)" in result.problems["provincial"]


def test_a_draft_saves_a_partial_budget_and_the_form_marks_what_submission_still_needs():
    """Only national typed: the draft is saved (the page promises saving at any time); the matching rows are then
    marked as what is left before submitting, and the checklist still counts the budget as not done."""
    from accounts.roles import Role
    from applications.checklist import missing_items
    from applications.services import create_proposal
    from tests.factories import make_user

    official = make_user(Role.LOCAL_OFFICIAL)
    contest = make_contest()
    proposal = create_proposal(actor=official, contest=contest, values={"title": "x"},
                               lead_local_government=official.local_government)
    assert BudgetForm(contest=contest, proposal=proposal).row_errors == {}  # nothing typed, nothing marked
    form = BudgetForm({f"amount_{year}_national": "600,000,000" for year in (2026, 2027)}, contest=contest)
    assert form.is_valid(), form.errors
    save_budget(actor=official, proposal=proposal, cells=form.cells(), now=contest.application_opens_at)
    assert sorted(proposal.budget_lines.values_list("year", "source", "amount_krw")) == [
        (2026, "national", 600_000_000), (2027, "national", 600_000_000)]
    marked = BudgetForm(contest=contest, proposal=proposal).row_errors
    assert set(marked) == {"national", "provincial", "local"}
    assert "allows at most 1,000,000,000 KRW" in marked["national"]
    assert "budget" in {item.field for item in missing_items(proposal)}


def test_the_form_keeps_what_was_typed_and_accepts_separators():
    contest = make_contest()
    form = BudgetForm({"amount_2026_national": "600,000,000", "amount_2026_provincial": "60,000,000원",
                       "amount_2026_local": "120 000 000"}, contest=contest)
    assert form.is_valid()
    assert form.cleaned_data["amount_2026_provincial"] == 60_000_000
    assert form.cleaned_data["amount_2026_local"] == 120_000_000
    assert 'value="600,000,000"' in str(form["amount_2026_national"])


def test_fractions_and_negative_amounts_are_refused_next_to_the_cell():
    form = BudgetForm({"amount_2026_national": "1.5", "amount_2027_national": "-3"}, contest=make_contest())
    assert not form.is_valid()
    assert form.errors["amount_2026_national"] == ["Enter a whole number of won, e.g. 500,000,000."]
    assert "amount_2027_national" in form.errors


def test_the_service_refuses_a_year_outside_the_funding_period(django_user_model):
    from accounts.roles import Role
    from applications.services import create_proposal
    from tests.factories import make_user

    official = make_user(Role.LOCAL_OFFICIAL)
    contest = make_contest()
    proposal = create_proposal(actor=official, contest=contest, values={"title": "x"},
                               lead_local_government=official.local_government)
    with pytest.raises(SubmissionRefused, match="covers 2026 to 2027 only"):
        save_budget(actor=official, proposal=proposal, cells={(2030, "national"): 1_000},
                    now=contest.application_opens_at)
    assert not proposal.budget_lines.exists()
