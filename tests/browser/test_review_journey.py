"""A reviewer, in Korean, signs the pledge, is refused an out-of-bounds score with what he typed kept,
saves a draft and submits: the sheet is locked and the council sees it submitted."""
import pytest

from accounts.roles import Role
from reviews.models import Assignment, SheetStatus
from reviews.services import assign_automatically
from tests.browser.conftest import screenshot, sign_in
from tests.factories import make_user
from tests.reviews.builders import make_panel, make_rubric

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_reviewer_confirms_no_conflict_and_submits_a_sheet(page, live_server):
    panel = make_panel(members=3, per_proposal=3, codes=["48870"])
    make_rubric(panel.contest)
    assign_automatically(actor=make_user(Role.COUNCIL_STAFF), panel=panel)
    assignment = Assignment.objects.filter(panel=panel).order_by("reviewer_id").first()
    reviewer = assignment.reviewer.user
    reviewer.language = "ko"
    reviewer.save()

    sign_in(page, live_server, reviewer)
    page.click("nav >> text=나의 평가")
    page.click(f"#assignments a[href$='/assignments/{assignment.pk}/']")
    assert page.locator("#score-sheet").count() == 0  # nothing to read or score before the pledge

    page.check("#pledge-form [name=confidential]")
    page.check("#pledge-form [name=no_conflict]")
    page.click("#sign-pledge")
    page.wait_for_selector("#score-sheet")
    assert "보안서약을 마쳤습니다" in page.inner_text(".alert-success")

    page.fill("[name=points_feasibility]", "41")
    page.fill("[name=comment_feasibility]", "추진 체계가 구체적임")
    page.fill("[name=points_effectiveness]", "25.5")
    page.click("#save-sheet")
    page.wait_for_selector("#score-sheet .invalid-feedback")
    assert page.input_value("[name=comment_feasibility]") == "추진 체계가 구체적임"
    assert page.input_value("[name=points_effectiveness]") == "25.5"

    page.fill("[name=points_feasibility]", "35")
    page.fill("[name=points_policy_linkage]", "20")
    page.click("#save-sheet")
    page.wait_for_selector("#score-sheet .badge >> text=임시 저장")
    page.click("#submit-sheet")
    page.wait_for_selector("#confirm-dialog >> text=잠겨")
    page.click("#confirm-dialog-ok")
    page.wait_for_selector("#sheet-history")
    screenshot(page, "review-sheet-submitted")
    assert page.locator("#score-sheet input[name^=points_]").count() == 0  # locked
    assert "35.0" in page.inner_text("#score-sheet") and "제출" in page.inner_text("#score-sheet .badge")

    sheet = Assignment.objects.get(pk=assignment.pk).sheet
    assert sheet.status == SheetStatus.SUBMITTED
    assert {score.criterion.code: str(score.points) for score in sheet.scores.all()} == {
        "feasibility": "35.0", "effectiveness": "25.5", "policy_linkage": "20.0"}
