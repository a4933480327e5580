"""The council's review pages: panels, assignment by hand and automatically, deadlines, presentation slots
and their export, reopening a sheet, the ranking with its export and bounded queries, the chair's sign-off."""
import io
from datetime import datetime
from decimal import Decimal

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from accounts.roles import Role
from applications.models import SEOUL, Proposal
from audit.models import AuditEntry
from regions.models import LocalGovernment
from reviews.models import Assignment, Panel, PanelProposal, PresentationSlot, SheetStatus
from reviews.selectors import reviewer_deviations
from tests.confirmations import confirmation_for
from tests.factories import make_contest, make_user
from tests.reviews.builders import make_panel, make_reviewer, make_rubric, submitted_sheet, totals

pytestmark = pytest.mark.usefixtures("registry", "english")


@pytest.fixture
def council(client):
    user = make_user(Role.COUNCIL_STAFF, language="en")
    client.force_login(user)
    return user


def test_a_panel_is_created_with_its_chair_among_its_members(client, council):
    contest = make_panel().contest
    members = [make_reviewer() for _ in range(3)]
    outsider = make_reviewer()
    url = reverse("reviews:panel-create", args=[contest.pk])
    refused = client.post(url, {"stage": "presentation", "name": "발표 1분과", "reviewers_per_proposal": 3,
                                "members": [member.pk for member in members], "chair": outsider.pk})
    assert "The chair must be a member of the panel." in refused.content.decode()
    assert 'value="발표 1분과"' in refused.content.decode()
    response = client.post(url, {"stage": "presentation", "name": "발표 1분과", "reviewers_per_proposal": 3,
                                 "members": [member.pk for member in members], "chair": members[0].pk})
    panel = Panel.objects.get(stage="presentation")
    assert response.url == reverse("reviews:panel-detail", args=[panel.pk])
    assert set(panel.members.all()) == set(members) and panel.chair == members[0]
    assert AuditEntry.objects.filter(action="review.panel_created", target_id=str(panel.pk)).exists()


def test_only_submitted_proposals_without_a_panel_of_the_stage_are_offered(client, council):
    panel = make_panel(codes=["48870"])
    presentation = Panel.objects.create(contest=panel.contest, stage="presentation", name="발표")
    official = make_user(Role.LOCAL_OFFICIAL, local_government=LocalGovernment.objects.get(code="48880"))
    draft = Proposal.objects.create(contest=panel.contest, lead_local_government=official.local_government,
                                    title="작성 중 과제", created_by=official)
    submitted = Proposal.objects.get(panelproposal__panel=panel)
    page = client.get(reverse("reviews:panel-detail", args=[presentation.pk])).content.decode()
    assert submitted.title in page and draft.title not in page
    response = client.post(reverse("reviews:panel-add-proposals", args=[presentation.pk]),
                           {"proposals": [draft.pk]})
    assert "Select a valid choice" in response.content.decode()
    client.post(reverse("reviews:panel-add-proposals", args=[presentation.pk]), {"proposals": [submitted.pk]})
    assert PanelProposal.objects.filter(panel=presentation, proposal=submitted).exists()


def test_assigning_by_hand_refuses_a_conflict_and_says_why(client, council):
    panel = make_panel(members=0, codes=["48870"])
    gyeongnam = make_reviewer(home_local_government=LocalGovernment.objects.get(code="48880"))
    panel.members.add(gyeongnam)
    proposal = panel.proposals.get()
    response = client.post(reverse("reviews:panel-assign", args=[panel.pk]),
                           {"proposal": proposal.pk, "reviewer": gyeongnam.pk})
    assert "from the reviewer&#x27;s home province" in response.content.decode()
    assert not Assignment.objects.exists()


def test_automatic_assignment_reports_the_proposals_that_fall_short(client, council):
    panel = make_panel(members=2, per_proposal=3)
    response = client.post(reverse("reviews:panel-assign-auto", args=[panel.pk]), follow=True)
    html = response.content.decode()
    assert "8 assignments were made." in html
    assert "4 proposals could not get all their reviewers" in html and 'id="shortfalls"' in html
    assert "2 of 3" in html


def test_the_deadline_applies_to_every_active_assignment(client, council):
    panel = make_panel(members=3, per_proposal=3, codes=["48870"])
    client.post(reverse("reviews:panel-assign-auto", args=[panel.pk]))
    response = client.post(reverse("reviews:panel-deadline", args=[panel.pk]), {"due_at": "2025-10-24T18:00"})
    assert response.status_code == 302
    assert set(Assignment.objects.values_list("due_at", flat=True)) == {datetime(2025, 10, 24, 18, 0, tzinfo=SEOUL)}


@pytest.fixture
def presentation_panel():
    panel = make_panel(codes=["48870", "12720"])
    panel.stage = "presentation"
    panel.save()
    PanelProposal.objects.filter(panel=panel).update(stage="presentation")
    return panel


def test_presentation_slots_never_overlap_and_moving_one_is_recorded(client, council, presentation_panel):
    hamyang, gokseong = presentation_panel.proposals.order_by("receipt_number")
    url = reverse("reviews:panel-slot", args=[presentation_panel.pk])
    first = {"proposal": hamyang.pk, "starts_at": "2025-10-28T10:00", "ends_at": "2025-10-28T10:20",
             "room": "세종컨벤션센터 3", "online_link": ""}
    assert client.post(url, first).status_code == 302
    clash = client.post(url, {**first, "proposal": gokseong.pk, "starts_at": "2025-10-28T10:10",
                              "ends_at": "2025-10-28T10:30"}).content.decode()
    assert "That time overlaps" in clash and "10:00" in clash
    nowhere = client.post(url, {**first, "proposal": gokseong.pk, "room": "", "starts_at": "2025-10-28T11:00",
                                "ends_at": "2025-10-28T11:20"}).content.decode()
    assert "Give a room or an online link." in nowhere
    client.post(url, {**first, "starts_at": "2025-10-28T13:00", "ends_at": "2025-10-28T13:20"})
    slot = PresentationSlot.objects.get(proposal=hamyang)
    assert slot.starts_at == datetime(2025, 10, 28, 13, 0, tzinfo=SEOUL)
    moved = AuditEntry.objects.get(action="review.slot_moved")
    assert moved.changes["starts_at"][0].startswith("2025-10-28T01:00")  # 10:00 KST, stored in UTC


def test_the_local_government_sees_its_slot_and_the_council_exports_the_day(client, council, presentation_panel):
    hamyang = presentation_panel.proposals.get(lead_local_government__code="48870")
    client.post(reverse("reviews:panel-slot", args=[presentation_panel.pk]), {
        "proposal": hamyang.pk, "starts_at": "2025-10-28T10:00", "ends_at": "2025-10-28T10:20", "room": "",
        "online_link": "https://meet.example.kr/hamyang"})
    export = client.get(reverse("reviews:panel-schedule", args=[presentation_panel.pk]) + "?day=2025-10-28")
    rows = list(load_workbook(io.BytesIO(export.content)).active.values)
    assert rows[1][:5] == ("2025-10-28 10:00", "10:20", hamyang.receipt_number,
                           str(hamyang.lead_local_government), hamyang.title)
    other_day = client.get(reverse("reviews:panel-schedule", args=[presentation_panel.pk]) + "?day=2025-10-29")
    assert len(list(load_workbook(io.BytesIO(other_day.content)).active.values)) == 1
    client.force_login(make_user(Role.LOCAL_OFFICIAL, language="en"))  # Hamyang-gun's official
    page = client.get(reverse("applications:proposal-detail", args=[hamyang.pk])).content.decode()
    assert "2025-10-28 10:00" in page and "https://meet.example.kr/hamyang" in page


def test_the_council_reopens_a_sheet_with_a_reason_kept_in_its_history(client, council):
    panel = make_panel(codes=["48870"])
    make_rubric(panel.contest)
    sheet = submitted_sheet(panel, panel.proposals.get(), totals(70)[0])
    url = reverse("reviews:sheet-detail", args=[sheet.pk])
    assert "70" in client.get(url).content.decode()
    assert "This field is required" in client.post(url, {"reason": ""}).content.decode()
    client.post(url, {"reason": "효과성 근거 누락"})
    sheet.refresh_from_db()
    assert sheet.status == SheetStatus.DRAFT
    assert "효과성 근거 누락" in client.get(url).content.decode()


@pytest.fixture
def scored_panel():
    panel = make_panel()
    make_rubric(panel.contest)
    proposals = list(panel.proposals.order_by("receipt_number"))
    for proposal, values in zip(proposals, [(70, 80, 90), (60, 65, 70), (85, 85, 85), (50, 55, 95)], strict=True):
        for scores in totals(*values):
            submitted_sheet(panel, proposal, scores)
    return panel


def test_the_ranking_page_explains_itself_and_the_export_matches(client, council, scored_panel):
    page = client.get(reverse("reviews:panel-results", args=[scored_panel.pk])).content.decode()
    assert "How the ranking is computed" in page and "the mean of Effectiveness" in page
    export = client.get(reverse("reviews:panel-results-export", args=[scored_panel.pk]))
    rows = list(load_workbook(io.BytesIO(export.content)).active.values)
    assert [row[0] for row in rows[1:]] == [1, 2, 3, 4]
    assert [(row[1][-4:], row[6], row[8]) for row in rows[1:]] == [
        ("0003", 85, "Pass"), ("0001", 80, "Pass"), ("0004", 66.67, "Pass"), ("0002", 65, "Pass")]


def test_the_ranking_and_panel_pages_run_the_same_queries_at_any_size(client, council,
                                                                      django_assert_max_num_queries):
    def build(contest, codes, sheets):
        panel = make_panel(contest, codes=codes)
        make_rubric(panel.contest)
        client.post(reverse("reviews:panel-assign-auto", args=[panel.pk]))
        for proposal in panel.proposals.all():
            for scores in totals(*sheets):
                submitted_sheet(panel, proposal, scores)
        return panel

    def queries(panel) -> dict[str, int]:
        counts = {}
        for name in ("panel-results", "panel-detail", "contest-review"):
            target = panel.contest_id if name == "contest-review" else panel.pk
            with django_assert_max_num_queries(20) as run:
                assert client.get(reverse(f"reviews:{name}", args=[target])).status_code == 200
            counts[name] = len(run.captured_queries)
        return counts

    small = queries(build(None, ["48870"], [70]))
    large = queries(build(make_contest(year=2026), ["48870", "12720", "47730", "43800", "48860", "48880", "48890",
                                                   "51770"], [60, 70, 80, 90, 75, 65]))
    assert large == small


def test_a_reviewer_who_scores_apart_is_marked_with_his_mean_z_score(client, council):
    panel = make_panel(codes=["48870", "12720"])
    make_rubric(panel.contest)
    harsh = make_reviewer()
    for proposal in panel.proposals.all():
        for scores in totals(80, 82):
            submitted_sheet(panel, proposal, scores)
        submitted_sheet(panel, proposal, totals(50)[0], reviewer=harsh)
    deviations = {item.reviewer.pk: item for item in reviewer_deviations(panel)}
    # Per proposal: totals 80, 82, 50 → mean 70.67, population sd 14.61; harsh z = (50 − 70.67) / 14.61.
    assert deviations[harsh.pk].mean_z == pytest.approx(-1.41, abs=0.01)
    assert deviations[harsh.pk].stands_apart
    assert all(not item.stands_apart for pk, item in deviations.items() if pk != harsh.pk)
    page = client.get(reverse("reviews:panel-results", args=[panel.pk])).content.decode()
    assert "scores lower than the panel" in page


def test_the_chair_signs_off_from_the_ranking_page_and_then_nothing_reopens(client, scored_panel):
    chair = Assignment.objects.filter(panel=scored_panel).first().reviewer
    scored_panel.chair = chair
    scored_panel.save()
    client.force_login(chair.user)
    page = client.get(reverse("reviews:panel-results", args=[scored_panel.pk])).content.decode()
    assert 'id="sign-off"' in page and "deviations" not in page
    assert "final" in confirmation_for(page, reverse("reviews:panel-sign-off", args=[scored_panel.pk]))
    client.post(reverse("reviews:panel-sign-off", args=[scored_panel.pk]))
    scored_panel.refresh_from_db()
    assert scored_panel.signed_off_at is not None
    client.force_login(make_user(Role.COUNCIL_STAFF))
    sheet = Assignment.objects.filter(panel=scored_panel).first().sheet
    assert "reopen-form" not in client.get(reverse("reviews:sheet-detail", args=[sheet.pk])).content.decode()
    assert Decimal(0) < sheet.scores.first().points


def test_the_council_adds_a_reviewer_account_to_the_pool_and_conflicts_follow(client, council):
    account = make_user(Role.REVIEWER, last_name="신", first_name="규")
    page = client.get(reverse("reviews:pool")).content.decode()
    assert "pool-form" in page
    refused = client.post(reverse("reviews:pool"), {
        "user": account.pk, "affiliation": "지리산산삼바이오", "affiliation_registration_number": "611-81-0231",
        "is_external": "on"})
    assert "A business registration number has 10 digits." in refused.content.decode()
    assert 'value="지리산산삼바이오"' in refused.content.decode()
    client.post(reverse("reviews:pool"), {
        "user": account.pk, "affiliation": "경남테크노파크", "home_local_government":
            LocalGovernment.objects.get(code="48880").pk, "fields": "바이오", "is_external": "on"})
    reviewer = account.reviewer_profile
    assert AuditEntry.objects.filter(action="review.reviewer_added", target_id=str(reviewer.pk)).exists()
    panel = make_panel(members=0, codes=["48870"])
    panel.members.add(reviewer)
    response = client.post(reverse("reviews:panel-assign", args=[panel.pk]),
                           {"proposal": panel.proposals.get().pk, "reviewer": reviewer.pk})
    assert "home province" in response.content.decode()
    assert "pool-form" not in client.get(reverse("reviews:pool")).content.decode()  # nobody left to add
