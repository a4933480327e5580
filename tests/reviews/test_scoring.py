"""Score sheets: the pledge first, bounds, the lock after submit, the council's reopening, the chair's sign-off."""
from decimal import Decimal

import pytest

from accounts.roles import Role
from reviews.models import Assignment, SheetEvent, SheetStatus
from reviews.selectors import assignments_of, sheets_visible_to
from reviews.services import (
    ScoringRefused,
    reopen_sheet,
    save_sheet,
    sign_off_panel,
    sign_pledge,
    submit_sheet,
)
from tests.factories import make_user

pytestmark = pytest.mark.usefixtures("registry", "english")

FULL = {"feasibility": Decimal("35"), "effectiveness": Decimal("25.5"), "policy_linkage": Decimal("20")}



def test_no_scoring_before_the_pledge(assignment):
    with pytest.raises(ScoringRefused, match="confidentiality pledge"):
        save_sheet(actor=assignment.reviewer.user, assignment=assignment, points=FULL, comments={})


@pytest.mark.parametrize(("criterion", "points"), [("feasibility", "40.5"), ("effectiveness", "-1")])
def test_scores_stay_within_their_bounds(assignment, criterion, points):
    sign_pledge(actor=assignment.reviewer.user, assignment=assignment)
    with pytest.raises(ScoringRefused, match="is scored from 0 to"):
        save_sheet(actor=assignment.reviewer.user, assignment=assignment,
                   points={**FULL, criterion: Decimal(points)}, comments={})


def test_submit_locks_until_the_council_reopens_and_history_keeps_both(assignment):
    reviewer = assignment.reviewer.user
    sign_pledge(actor=reviewer, assignment=assignment)
    save_sheet(actor=reviewer, assignment=assignment, points={"feasibility": Decimal(30)}, comments={})
    with pytest.raises(ScoringRefused, match="Score every criterion first: Effectiveness, Policy linkage"):
        submit_sheet(actor=reviewer, assignment=assignment)
    save_sheet(actor=reviewer, assignment=assignment, points=FULL, comments={"feasibility": "근거 충분"})
    sheet = submit_sheet(actor=reviewer, assignment=assignment)
    with pytest.raises(ScoringRefused, match="submitted and locked"):
        save_sheet(actor=reviewer, assignment=assignment, points=FULL, comments={})
    council = make_user(Role.COUNCIL_STAFF)
    with pytest.raises(ScoringRefused, match="Say why"):
        reopen_sheet(actor=council, sheet=sheet, reason=" ")
    reopen_sheet(actor=council, sheet=sheet, reason="효과성 점수 근거 누락")
    save_sheet(actor=reviewer, assignment=assignment, points={**FULL, "effectiveness": Decimal(28)}, comments={})
    submit_sheet(actor=reviewer, assignment=assignment)
    events = list(SheetEvent.objects.filter(sheet=sheet).values_list("action", "reason", "scores"))
    assert [(action, reason) for action, reason, _ in events] == [
        ("submitted", ""), ("reopened", "효과성 점수 근거 누락"), ("submitted", "")]
    assert events[0][2]["effectiveness"] == "25.5" and events[2][2]["effectiveness"] == "28.0"


def test_reviewers_see_only_their_own_assignments_and_sheets(assignment):
    others = Assignment.objects.filter(panel=assignment.panel).exclude(pk=assignment.pk)
    user = assignment.reviewer.user
    assert list(assignments_of(user)) == [assignment]
    for other in others:
        sign_pledge(actor=other.reviewer.user, assignment=other)
        save_sheet(actor=other.reviewer.user, assignment=other, points=FULL, comments={})
    assert not sheets_visible_to(user).exists()
    assert sheets_visible_to(make_user(Role.COUNCIL_STAFF)).count() == 2
    assert not sheets_visible_to(make_user(Role.LOCAL_OFFICIAL)).exists()


def test_the_chair_signs_off_only_a_finished_panel_and_then_nothing_moves(assignment):
    panel = assignment.panel
    panel.chair = assignment.reviewer
    panel.save()
    chair = assignment.reviewer.user
    with pytest.raises(ScoringRefused, match="3 sheets are not submitted yet"):
        sign_off_panel(actor=chair, panel=panel)
    for row in Assignment.objects.filter(panel=panel):
        sign_pledge(actor=row.reviewer.user, assignment=row)
        save_sheet(actor=row.reviewer.user, assignment=row, points=FULL, comments={})
        submit_sheet(actor=row.reviewer.user, assignment=row)
    with pytest.raises(ScoringRefused, match="Only the panel's chair"):
        sign_off_panel(actor=make_user(Role.COUNCIL_STAFF), panel=panel)
    sign_off_panel(actor=chair, panel=panel)
    sheet = assignment.sheet
    assert sheet.status == SheetStatus.SUBMITTED
    with pytest.raises(ScoringRefused, match="signed off"):
        reopen_sheet(actor=make_user(Role.COUNCIL_STAFF), sheet=sheet, reason="x")
