"""The selection's API: the same rules as the pages — runs are the council's, an objection is the applicant's
and only once published, notifications are each user's own."""
import pytest

from accounts.roles import Role
from notifications.services import deliver
from selection.models import ObjectionStatus, RunStatus, SelectionRun
from tests.factories import api_as, make_outsider, make_user
from tests.selection.conftest import computed_run

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]



@pytest.mark.parametrize("role", [Role.LOCAL_OFFICIAL, Role.PROVINCIAL_OFFICER, Role.REVIEWER, Role.MINISTRY_STAFF])
def test_only_the_council_reaches_selection_runs(scored, council, role, django_capture_on_commit_callbacks):
    run = computed_run(scored[0], council, django_capture_on_commit_callbacks)
    api = api_as(make_user(role))
    for response in (api.get("/api/v1/selection-runs/"), api.get(f"/api/v1/selection-runs/{run.pk}/"),
                     api.post("/api/v1/selection-runs/", {"contest": scored[0].pk}),
                     api.post(f"/api/v1/selection-runs/{run.pk}/approve/")):
        assert response.status_code == 403
        assert "48870" not in response.content.decode()
    assert SelectionRun.objects.get().status == RunStatus.COMPLETED


def test_the_council_runs_approves_and_publishes_through_the_api(scored, council, celery_eager,
                                                                django_capture_on_commit_callbacks):
    contest, _proposals = scored
    api = api_as(council)
    with django_capture_on_commit_callbacks(execute=True):
        started = api.post("/api/v1/selection-runs/", {"contest": contest.pk, "reason": "API"}, format="json")
    assert started.status_code == 202 and started.json()["status"] == RunStatus.QUEUED  # as it was on commit
    run = api.get(f"/api/v1/selection-runs/{started.json()['id']}/").json()
    assert run["status"] == RunStatus.COMPLETED
    assert [(row["local_government"], row["outcome"]) for row in run["decisions"]][:2] == [
        ("48870", "selected"), ("12720", "selected")]
    again = api.post("/api/v1/selection-runs/", {"contest": contest.pk}, format="json")
    assert again.status_code == 202  # a new run supersedes an unapproved one
    early = api.post(f"/api/v1/selection-runs/{again.json()['id']}/publish/")
    assert early.status_code == 400 and "Only an approved run" in early.json()["detail"][0]


def test_objections_over_the_api_follow_the_pages_rules(published, council):
    run, proposals = published
    hamyang = run.decisions.get(proposal=proposals["48870"])
    official = make_user(Role.LOCAL_OFFICIAL, language="en")  # Hamyang-gun's
    for who in ("other_official", Role.REVIEWER, Role.MINISTRY_STAFF):
        refused = api_as(make_outsider(who)).post("/api/v1/objections/", {"decision": hamyang.pk, "reasons": "x"})
        assert refused.status_code == 404, who
    filed = api_as(official).post("/api/v1/objections/", {"decision": hamyang.pk, "reasons": "지원액 감액 사유 문의"})
    assert filed.status_code == 201
    objection_id = filed.json()["id"]
    again = api_as(official).post("/api/v1/objections/", {"decision": hamyang.pk, "reasons": "다시"})
    assert again.status_code == 403 and "already filed" in again.json()["detail"]
    assert api_as(make_outsider("other_official")).get(f"/api/v1/objections/{objection_id}/").status_code == 404
    assert api_as(make_outsider("other_official")).get("/api/v1/objections/").json()["count"] == 0
    assert api_as(official).post(f"/api/v1/objections/{objection_id}/decide/",
                                 {"accept": False, "answer": "셀프 기각"}).status_code == 403
    decided = api_as(council).post(f"/api/v1/objections/{objection_id}/decide/",
                                   {"accept": False, "answer": "감액 없음: 신청액 전액 지원"}, format="json")
    assert decided.status_code == 200 and decided.json()["status"] == ObjectionStatus.REJECTED


def test_notifications_are_each_users_own(published):
    _run, proposals = published
    official = make_user(Role.LOCAL_OFFICIAL)
    deliver("proposal.correction_requested", proposals["48870"].pk, "api-test")
    mine = api_as(official).get("/api/v1/notifications/?read_at__isnull=true").json()
    assert mine["count"] == 1
    other = make_outsider("other_official")
    assert api_as(other).get("/api/v1/notifications/").json()["count"] == 0
    notification_id = mine["results"][0]["id"]
    assert api_as(other).post(f"/api/v1/notifications/{notification_id}/read/").status_code == 404
    assert api_as(official).post(f"/api/v1/notifications/{notification_id}/read/").json()["read_at"]
