"""The review's API: the same rules as the pages — a reviewer works only on his own assignments, a sheet
locks on submit, the council reads everything and reopens, nobody else gets anything."""
import pytest
from django.urls import reverse
from rest_framework.test import APIClient

from accounts.roles import Role
from reviews.models import Assignment, AssignmentStatus, SheetStatus
from tests.factories import api_as, make_user
from tests.reviews.builders import make_panel, make_reviewer, make_rubric, submitted_sheet, totals

pytestmark = pytest.mark.usefixtures("registry", "english")

FULL = [{"criterion": "feasibility", "points": "35"}, {"criterion": "effectiveness", "points": "25.5"},
        {"criterion": "policy_linkage", "points": "20", "comment": "지방소멸 대응과 연계"}]




def test_a_reviewer_pledges_scores_and_submits_through_the_api(assignment):
    api = api_as(assignment.reviewer.user)
    listed = api.get("/api/v1/assignments/").json()
    assert [row["id"] for row in listed["results"]] == [assignment.pk]
    early = api.put(f"/api/v1/assignments/{assignment.pk}/sheet/", {"scores": FULL}, format="json")
    assert early.status_code == 400 and "confidentiality pledge" in early.json()["detail"][0]
    assert api.post(f"/api/v1/assignments/{assignment.pk}/pledge/").json()["status"] == AssignmentStatus.CONFIRMED

    too_high = api.put(f"/api/v1/assignments/{assignment.pk}/sheet/",
                       {"scores": [{"criterion": "feasibility", "points": "40.5"}]}, format="json")
    assert too_high.status_code == 400 and "Feasibility is scored from 0 to 40" in too_high.json()["detail"][0]
    unknown = api.put(f"/api/v1/assignments/{assignment.pk}/sheet/",
                      {"scores": [{"criterion": "charm", "points": "5"}]}, format="json")
    assert unknown.status_code == 400 and "no criterion charm" in unknown.json()["detail"][0]
    sheet = api.put(f"/api/v1/assignments/{assignment.pk}/sheet/", {"scores": FULL}, format="json").json()
    assert sheet["status"] == SheetStatus.DRAFT and len(sheet["scores"]) == 3

    submitted = api.post(f"/api/v1/score-sheets/{sheet['id']}/submit/").json()
    assert submitted["status"] == SheetStatus.SUBMITTED and submitted["submitted_at"]
    locked = api.put(f"/api/v1/assignments/{assignment.pk}/sheet/", {"scores": FULL}, format="json")
    assert locked.status_code == 400 and "locked" in locked.json()["detail"][0]


def test_another_reviewer_cannot_reach_or_act_on_an_assignment_or_sheet(assignment):
    owner = api_as(assignment.reviewer.user)
    owner.post(f"/api/v1/assignments/{assignment.pk}/pledge/")
    sheet_id = owner.put(f"/api/v1/assignments/{assignment.pk}/sheet/", {"scores": FULL},
                         format="json").json()["id"]
    stranger = api_as(make_reviewer().user)
    assert stranger.get("/api/v1/assignments/").json()["count"] == 0
    assert stranger.get("/api/v1/score-sheets/").json()["count"] == 0
    assert stranger.get(f"/api/v1/assignments/{assignment.pk}/").status_code == 404
    assert stranger.post(f"/api/v1/assignments/{assignment.pk}/declare-conflict/", {"reason": "x"}).status_code == 404
    assert stranger.post(f"/api/v1/score-sheets/{sheet_id}/submit/").status_code == 404
    assert stranger.post(f"/api/v1/score-sheets/{sheet_id}/reopen/", {"reason": "x"}).status_code == 403
    assert Assignment.objects.get(pk=assignment.pk).sheet.status == SheetStatus.DRAFT


@pytest.mark.parametrize("role", [Role.LOCAL_OFFICIAL, Role.PROVINCIAL_OFFICER, Role.MINISTRY_STAFF])
def test_other_roles_get_nothing_from_the_review_api(assignment, role):
    api = api_as(make_user(role))
    for url in ("/api/v1/assignments/", f"/api/v1/assignments/{assignment.pk}/", "/api/v1/score-sheets/",
                reverse("api-contest-results", args=[assignment.panel.contest_id])):
        assert api.get(url).status_code == 403, url
    assert api.post(f"/api/v1/assignments/{assignment.pk}/pledge/").status_code == 403
    assert APIClient().get("/api/v1/assignments/").status_code in (401, 403)


def test_a_declared_conflict_through_the_api_withdraws_the_assignment(assignment):
    api = api_as(assignment.reviewer.user)
    assert api.post(f"/api/v1/assignments/{assignment.pk}/declare-conflict/", {}).status_code == 400
    response = api.post(f"/api/v1/assignments/{assignment.pk}/declare-conflict/", {"reason": "자문 참여"})
    assert response.status_code == 200 and response.json()["status"] == AssignmentStatus.RECUSED
    assert api.get("/api/v1/assignments/").json()["count"] == 0


def test_the_council_reads_every_sheet_reopens_one_and_reads_the_results(django_assert_max_num_queries):
    panel = make_panel(codes=["48870", "12720"])
    make_rubric(panel.contest)
    hamyang, gokseong = panel.proposals.order_by("receipt_number")
    for scores in totals(70, 80, 90):
        submitted_sheet(panel, hamyang, scores)
    sheet = submitted_sheet(panel, gokseong, totals(60)[0])
    council = api_as(make_user(Role.COUNCIL_STAFF))
    with django_assert_max_num_queries(6):
        assert council.get("/api/v1/score-sheets/").json()["count"] == 4
    with django_assert_max_num_queries(6):
        assert council.get("/api/v1/assignments/").json()["count"] == 4
    with django_assert_max_num_queries(11):  # every panel of a stage at once (two for the round's layout)
        results = council.get(reverse("api-contest-results", args=[panel.contest_id])).json()
    assert [(row["receipt_number"], row["rank"], row["trimmed_mean"]) for row in results] == [
        (hamyang.receipt_number, 1, "80.00"), (gokseong.receipt_number, 2, "60.00")]
    assert council.post(f"/api/v1/score-sheets/{sheet.pk}/reopen/", {}).status_code == 400
    reopened = council.post(f"/api/v1/score-sheets/{sheet.pk}/reopen/", {"reason": "근거 누락"}).json()
    assert reopened["status"] == SheetStatus.DRAFT
    reviewer = api_as(sheet.assignment.reviewer.user)
    assert reviewer.get(reverse("api-contest-results", args=[panel.contest_id])).status_code == 403
