"""The council's review setup through the API, refusing what the pages refuse: a conflict on manual assignment,
proposals short of reviewers reported, members still reviewing kept, a rubric frozen once scoring started, an
import file refused as a whole, a policy whose weights do not add up. Each refusal writes nothing."""
import pytest

from accounts.roles import Role
from audit.models import AuditEntry
from audit.selectors import history_of
from regions.models import Designation, LocalGovernment
from reviews.models import Assignment
from tests.documents import upload
from tests.factories import api_as, make_contest, make_user
from tests.reviews.builders import make_panel, make_reviewer, submitted_sheet

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english", "registry")]


@pytest.fixture
def council():
    return make_user(Role.COUNCIL_STAFF, language="en")


def test_manual_assignment_is_refused_on_a_conflict_and_says_why(council):
    panel = make_panel(members=2)
    reviewer = panel.members.first()
    reviewer.home_local_government = LocalGovernment.objects.get(code="48870")
    reviewer.save()
    hamyang = panel.proposals.get(lead_local_government__code="48870")
    api = api_as(council)
    refused = api.post(f"/api/v1/panels/{panel.pk}/assign/", {"proposal": hamyang.pk, "reviewer": reviewer.pk},
                       format="json")
    assert refused.status_code == 400 and "home local government" in refused.json()["detail"][0]
    outsider = api.post(f"/api/v1/panels/{panel.pk}/assign/", {"proposal": hamyang.pk,
                                                               "reviewer": make_reviewer().pk}, format="json")
    assert outsider.status_code == 400 and "reviewer" in outsider.json()
    assert not Assignment.objects.exists()
    other = panel.members.exclude(pk=reviewer.pk).get()
    made = api.post(f"/api/v1/panels/{panel.pk}/assign/", {"proposal": hamyang.pk, "reviewer": other.pk},
                    format="json")
    assert made.status_code == 201 and made.json()["reviewer"] == other.pk


def test_automatic_assignment_reports_the_proposals_left_short(council):
    panel = make_panel(members=2, per_proposal=3)
    report = api_as(council).post(f"/api/v1/panels/{panel.pk}/auto-assign/").json()
    assert report["complete"] is False and len(report["created"]) == 2 * panel.proposals.count()
    assert sorted(row["proposal"] for row in report["shortfalls"]) == sorted(panel.proposals.values_list(
        "pk", flat=True))
    assert {row["missing"] for row in report["shortfalls"]} == {1}


def test_members_still_reviewing_cannot_leave_and_the_chair_is_a_member(council):
    panel = make_panel(members=3, per_proposal=1)
    api = api_as(council)
    api.post(f"/api/v1/panels/{panel.pk}/auto-assign/")
    busy = Assignment.objects.filter(panel=panel).first().reviewer
    idle = make_reviewer()
    url = f"/api/v1/panels/{panel.pk}/members/"
    refused = api.put(url, {"members": [idle.pk]}, format="json")
    assert refused.status_code == 400 and "still review" in refused.json()["detail"][0]
    not_member = api.put(url, {"members": [busy.pk], "chair": idle.pk}, format="json")
    assert not_member.status_code == 400 and "chair" in not_member.json()
    kept = [*panel.members.values_list("pk", flat=True), idle.pk]
    changed = api.put(url, {"members": kept, "chair": idle.pk}, format="json")
    assert changed.status_code == 200 and changed.json()["chair"] == idle.pk
    assert history_of(panel).filter(action="review.panel_members_changed").count() == 1


def test_only_the_chair_signs_off(council):
    panel = make_panel(members=1, per_proposal=1, codes=["48870"])
    chair = panel.members.get()
    panel.chair = chair
    panel.save()
    assert api_as(council).post(f"/api/v1/panels/{panel.pk}/sign-off/").status_code == 403
    assert api_as(make_reviewer().user).post(f"/api/v1/panels/{panel.pk}/sign-off/").status_code == 404
    api = api_as(chair.user)
    api.post(f"/api/v1/panels/{panel.pk}/auto-assign/")  # not his to do
    assert not Assignment.objects.exists()
    assert api.post(f"/api/v1/panels/{panel.pk}/sign-off/").status_code == 200  # nothing open to score
    panel.refresh_from_db()
    assert panel.is_signed_off


CRITERIA = [{"code": "feasibility", "name_ko": "타당성", "name_en": "Feasibility", "max_points": 60},
            {"code": "effectiveness", "name_ko": "효과성", "name_en": "Effectiveness", "max_points": 40}]


def test_a_rubric_changes_until_scoring_starts(council):
    contest = make_contest()
    api = api_as(council)
    body = {"contest": contest.pk, "stage": "document", "trim_min_sheets": 5, "pass_mark": "60",
            "criteria": CRITERIA}
    twice = api.post("/api/v1/rubrics/", {**body, "criteria": [CRITERIA[0], CRITERIA[0]]}, format="json")
    assert twice.status_code == 400 and "once" in twice.json()["non_field_errors"][0]
    rubric = api.post("/api/v1/rubrics/", body, format="json").json()
    assert rubric["frozen"] is False and [row["code"] for row in rubric["criteria"]] == ["feasibility",
                                                                                         "effectiveness"]
    assert api.post("/api/v1/rubrics/", body, format="json").status_code == 400  # one per stage
    url = f"/api/v1/rubrics/{rubric['id']}/"
    changed = api.put(url, {**body, "criteria": CRITERIA[:1]}, format="json")
    assert changed.status_code == 200 and len(changed.json()["criteria"]) == 1
    panel = make_panel(contest, members=0, codes=["48870"])
    submitted_sheet(panel, panel.proposals.get(), {"feasibility": "50"})
    before = AuditEntry.objects.count()
    frozen = api.put(url, body, format="json")
    assert frozen.status_code == 403 and "can no longer change" in frozen.json()["detail"]
    assert api.get(url).json()["frozen"] is True and AuditEntry.objects.count() == before


def test_a_reviewer_joins_the_pool_and_his_home_region_changes(council):
    user = make_user(Role.REVIEWER)
    api = api_as(council)
    assert api.post("/api/v1/reviewer-pool/", {"user": make_user(Role.LOCAL_OFFICIAL).pk, "affiliation": "기관"},
                    format="json").status_code == 400
    added = api.post("/api/v1/reviewer-pool/", {"user": user.pk, "affiliation": "한국산업기술진흥원",
                                                "affiliation_registration_number": "123"}, format="json")
    assert added.status_code == 400 and "10 digits" in added.json()["affiliation_registration_number"][0]
    added = api.post("/api/v1/reviewer-pool/", {"user": user.pk, "affiliation": "한국산업기술진흥원"}, format="json")
    assert added.status_code == 201, added.content
    hamyang = LocalGovernment.objects.get(code="48870")
    changed = api.patch(f"/api/v1/reviewer-pool/{added.json()['id']}/", {"home_local_government": hamyang.pk},
                        format="json")
    assert changed.status_code == 200 and changed.json()["home_local_government_code"] == "48870"
    assert changed.json()["affiliation"] == "한국산업기술진흥원"
    entry = AuditEntry.objects.get(action="review.reviewer_updated")
    assert entry.changes == {"home_local_government": [None, hamyang.pk]}


def test_a_designation_file_with_one_bad_row_is_refused_whole(council):
    rows = "selection_year,province_ko,name_ko\n2024,경상남도,함양군\n2024,경상남도,없는군\n"
    refused = api_as(council).post("/api/v1/designation-imports/", {
        "file": upload("list.csv", rows.encode()), "reason": "공문"}, format="multipart")
    assert refused.status_code == 400
    messages = refused.json()["file"]
    assert "nothing was imported" in messages[0] and any(message.startswith("Row 3:") for message in messages)
    assert not Designation.objects.filter(kind="rural_agreement").exists()


def test_the_selection_policy_is_the_pages_with_its_rules(council):
    contest = make_contest()
    api = api_as(council)
    url = f"/api/v1/contests/{contest.pk}/selection-policy/"
    assert api.get(url).json()["saved"] is False
    policy = {"document_weight_pct": 40, "presentation_weight_pct": 70, "document_cutoff": "55",
              "presentation_cutoff": "60", "reserve_count": 2}
    refused = api.put(url, policy, format="json")
    assert refused.status_code == 400 and "must add up to 100" in refused.json()["presentation_weight_pct"][0]
    saved = api.put(url, {**policy, "presentation_weight_pct": 60}, format="json")
    assert saved.status_code == 200 and saved.json()["saved"] is True
    assert history_of(contest).filter(action="selection.policy_saved").count() == 1
    assert api_as(make_user(Role.LOCAL_OFFICIAL)).get(url).status_code == 403
