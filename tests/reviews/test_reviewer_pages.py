"""The reviewer's pages: the pledge opens the proposal and its files, the sheet keeps what was typed,
submission locks it, a declared conflict withdraws the assignment and tells the council."""
import io
import re
import zipfile

import pytest
from django.core import mail
from django.urls import reverse

from accounts.roles import Role
from applications.models import ProposalAttachment
from applications.services.documents import store_document
from core.uploads import check_upload
from regions.models import LocalGovernment
from reviews.models import Assignment, AssignmentStatus, DeclaredConflict, SheetStatus
from tests.confirmations import confirmation_for
from tests.documents import pdf, upload
from tests.factories import make_contest, make_user
from tests.reviews.builders import make_panel, make_reviewer

pytestmark = pytest.mark.usefixtures("registry", "english")



@pytest.fixture
def business_plan(assignment):
    proposal = assignment.proposal
    return store_document(actor=proposal.created_by, document=ProposalAttachment(proposal=proposal,
                                                                                  kind="business_plan"),
                          upload=check_upload(upload("함양_사업계획서.pdf", pdf())), action="proposal.attachment_added",
                          target=proposal, details={})


def page(client, name, assignment):
    return reverse(f"reviews:{name}", args=[assignment.pk])


def test_the_proposal_and_its_files_open_only_after_the_pledge(client, assignment, business_plan):
    client.force_login(assignment.reviewer.user)
    download = reverse("applications:proposal-attachment-download", args=[assignment.proposal_id, business_plan.pk])
    before = client.get(page(client, "assignment-detail", assignment)).content.decode()
    assert "pledge-form" in before and "score-sheet" not in before and "함양_사업계획서.pdf" not in before
    assert client.get(download).status_code == 404
    assert client.get(reverse("applications:proposal-detail", args=[assignment.proposal_id])).status_code == 404

    refused = client.post(page(client, "assignment-pledge", assignment), {"confidential": "on"})
    assert "This field is required" in refused.content.decode()
    assert Assignment.objects.get(pk=assignment.pk).status == AssignmentStatus.ASSIGNED

    response = client.post(page(client, "assignment-pledge", assignment), {"confidential": "on", "no_conflict": "on"})
    assert response.status_code == 302
    after = client.get(page(client, "assignment-detail", assignment)).content.decode()
    assert "score-sheet" in after and "함양_사업계획서.pdf" in after
    assert b"".join(client.get(download).streaming_content).startswith(b"%PDF-")


def test_a_refused_sheet_keeps_what_was_typed_and_says_why_next_to_the_field(client, assignment):
    client.force_login(assignment.reviewer.user)
    client.post(page(client, "assignment-pledge", assignment), {"confidential": "on", "no_conflict": "on"})
    response = client.post(page(client, "assignment-sheet", assignment), {
        "points_feasibility": "41", "comment_feasibility": "실현 가능성이 높음", "points_effectiveness": "25",
        "action": "save"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "less than or equal to 40" in html and "실현 가능성이 높음" in html and 'value="25"' in html
    assert not hasattr(Assignment.objects.get(pk=assignment.pk), "sheet")

    missing = client.post(page(client, "assignment-sheet", assignment), {
        "points_feasibility": "35", "points_effectiveness": "25", "action": "submit"})
    assert "Score this criterion before submitting." in missing.content.decode()


def test_submitting_locks_the_sheet_and_shows_the_history(client, assignment):
    client.force_login(assignment.reviewer.user)
    client.post(page(client, "assignment-pledge", assignment), {"confidential": "on", "no_conflict": "on"})
    scores = {"points_feasibility": "35", "points_effectiveness": "25.5", "points_policy_linkage": "20",
              "comment_effectiveness": "KPI 근거 보완"}
    assert client.post(page(client, "assignment-sheet", assignment), {**scores, "action": "save"}).status_code == 302
    sheet_page = client.get(page(client, "assignment-detail", assignment)).content.decode()
    assert "locked" in confirmation_for(sheet_page, page(client, "assignment-sheet", assignment))
    assert Assignment.objects.get(pk=assignment.pk).sheet.status == SheetStatus.DRAFT
    client.post(page(client, "assignment-sheet", assignment), {**scores, "action": "submit"})
    sheet = Assignment.objects.get(pk=assignment.pk).sheet
    assert sheet.status == SheetStatus.SUBMITTED
    assert sorted(str(score.points) for score in sheet.scores.all()) == ["20.0", "25.5", "35.0"]

    again = client.post(page(client, "assignment-sheet", assignment),
                        {**scores, "points_feasibility": "10", "action": "save"}, follow=True)
    html = again.content.decode()
    assert "submitted and locked" in html and "sheet-history" in html
    assert sheet.scores.get(criterion__code="feasibility").points == 35


@pytest.mark.usefixtures("celery_eager")
def test_a_declared_conflict_withdraws_the_assignment_and_mails_the_council(
        client, assignment, django_capture_on_commit_callbacks):
    clerk_en = make_user(Role.COUNCIL_STAFF, language="en", email="clerk@council.example")
    clerk_ko = make_user(Role.COUNCIL_STAFF, language="ko", email="sammu@council.example")
    client.force_login(assignment.reviewer.user)
    empty = client.post(page(client, "assignment-conflict", assignment), {"reason": ""})
    assert "This field is required" in empty.content.decode()

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(page(client, "assignment-conflict", assignment),
                               {"reason": "함양군 산삼 연구용역 자문 참여"})
    assert response.status_code == 302
    assert Assignment.objects.get(pk=assignment.pk).status == AssignmentStatus.RECUSED
    assert DeclaredConflict.objects.get(reviewer=assignment.reviewer).reason == "함양군 산삼 연구용역 자문 참여"
    assert client.get(page(client, "assignment-detail", assignment)).status_code == 404
    by_address = {message.to[0]: message for message in mail.outbox}
    assert {clerk_en.email, clerk_ko.email} <= set(by_address) and len(by_address) == len(mail.outbox)
    assert by_address[clerk_en.email].subject.startswith("A reviewer declared a conflict")
    assert "이해충돌" in by_address[clerk_ko.email].subject
    assert f"/reviews/panels/{assignment.panel_id}/" in by_address[clerk_en.email].body


def test_a_reviewer_of_many_years_reads_the_latest_contest_first_a_page_at_a_time(client,
                                                                                  django_assert_max_num_queries):
    reviewer = make_reviewer()
    codes = list(LocalGovernment.objects.order_by("code").values_list("code", flat=True)[:55])
    older = make_panel(make_contest(year=2024), codes=codes)
    newer = make_panel(make_contest(year=2025), codes=codes[:5])
    for panel in (older, newer):
        for proposal in panel.proposals.all():
            Assignment.objects.create(panel=panel, proposal=proposal, reviewer=reviewer, assigned_by=reviewer.user)
    client.force_login(reviewer.user)
    with django_assert_max_num_queries(12):
        first = client.get(reverse("reviews:assignment-list"))
    rows = first.context["assignments"]
    assert len(rows) == 50 and [row.panel for row in rows[:5]] == [newer] * 5
    assert "Page 1 of 2" in first.content.decode()
    assert len(client.get(reverse("reviews:assignment-list"), {"page": 2}).context["assignments"]) == 10
    landing = client.get(reverse("home")).content.decode()
    assert "60 proposals are assigned to you · pledges to sign: 60, sheets not submitted: 60" in landing


def test_the_assignments_files_come_as_one_zip_only_after_the_pledge(client, assignment, business_plan, settings):
    zip_url = page(client, "assignment-files-zip", assignment)
    client.force_login(assignment.reviewer.user)
    assert client.get(zip_url).status_code == 403
    client.post(page(client, "assignment-pledge", assignment), {"confidential": "on", "no_conflict": "on"})
    assert zip_url in client.get(page(client, "assignment-detail", assignment)).content.decode()
    response = client.get(zip_url)
    archive = zipfile.ZipFile(io.BytesIO(b"".join(response.streaming_content)))
    assert archive.namelist() == ["01_함양_사업계획서.pdf"]
    assert archive.read("01_함양_사업계획서.pdf").startswith(b"%PDF-")
    client.force_login(make_reviewer().user)
    assert client.get(zip_url).status_code == 404


def test_a_zip_past_the_bound_is_refused_with_the_limit(client, assignment, business_plan, monkeypatch):
    monkeypatch.setattr("reviews.views.files.MAX_ZIP_BYTES", 10)
    client.force_login(assignment.reviewer.user)
    client.post(page(client, "assignment-pledge", assignment), {"confidential": "on", "no_conflict": "on"})
    response = client.get(page(client, "assignment-files-zip", assignment), follow=True)
    assert "download them one by one" in response.content.decode()


def test_the_sheet_states_its_step_and_keeps_a_running_total(client, assignment):
    client.force_login(assignment.reviewer.user)
    client.post(page(client, "assignment-pledge", assignment), {"confidential": "on", "no_conflict": "on"})
    client.post(page(client, "assignment-sheet", assignment),
                {"points_feasibility": "35", "points_effectiveness": "25.5", "action": "save"})
    html = client.get(page(client, "assignment-detail", assignment)).content.decode()
    assert "in steps of 0.1" in html and 'step="0.1"' in html
    assert re.search(r"data-sheet-total>60\.5</span> / 100", html)
    refused = client.post(page(client, "assignment-sheet", assignment),
                          {"points_feasibility": "35.25", "action": "save"}).content.decode()
    assert "Points go in steps of 0.1, e.g. 25.5." in refused and "decimal places" not in refused
    assert re.search(r"data-sheet-total>35\.25</span>", refused)


def test_the_draft_sheet_saves_itself_but_never_submits(client, assignment):
    client.force_login(assignment.reviewer.user)
    client.post(page(client, "assignment-pledge", assignment), {"confidential": "on", "no_conflict": "on"})
    scores = {"points_feasibility": "35", "points_effectiveness": "25", "points_policy_linkage": "20"}
    answer = client.post(page(client, "assignment-sheet", assignment), {**scores, "action": "submit"},
                         HTTP_X_PORTAL_AUTOSAVE="1")
    assert answer.json()["saved"] is True
    assert Assignment.objects.get(pk=assignment.pk).sheet.status == SheetStatus.DRAFT


def test_the_latest_contest_is_the_one_with_the_latest_dates_not_the_largest_year_or_id(client):
    """The page says "the latest contest first": the November round comes before the March pre-selection of the
    same year field, even when the pre-selection was entered later and its sheets are due first."""
    from datetime import datetime, timedelta

    from applications.models import SEOUL

    reviewer = make_reviewer()
    november = make_panel(make_contest(year=2025, opens=datetime(2025, 11, 3, 9, 0, tzinfo=SEOUL),
                                       closes=datetime(2025, 11, 21, 18, 0, tzinfo=SEOUL)), codes=["48870"])
    november.contest.name_ko = "2026년 협업 프로젝트"
    november.contest.save()
    march = make_panel(make_contest(year=2025, opens=datetime(2025, 2, 17, 9, 0, tzinfo=SEOUL),
                                    closes=datetime(2025, 3, 7, 18, 0, tzinfo=SEOUL)), codes=["12720"],
                       first_number=2)
    due = datetime(2025, 12, 1, 18, 0, tzinfo=SEOUL)
    for panel, due_at in ((november, due), (march, due - timedelta(days=30))):
        Assignment.objects.create(panel=panel, proposal=panel.proposals.get(), reviewer=reviewer,
                                  assigned_by=reviewer.user, due_at=due_at)
    client.force_login(reviewer.user)
    response = client.get(reverse("reviews:assignment-list"))
    assert [row.panel for row in response.context["assignments"]] == [november, march]
    body = response.content.decode()
    assert "The latest contest first" in body
    assert body.index(november.proposals.get().receipt_number) < body.index(march.proposals.get().receipt_number)
