"""A contest's evaluation stages through the API: the council lists, adds and changes them until the first
sheet is submitted (then refused with the reason); anyone else is refused before anything is looked up; the
results read any stage by its code."""
import pytest
from django.urls import reverse

from accounts.roles import Role
from audit.selectors import history_of
from reviews.models import Criterion, Panel, PanelProposal
from tests.factories import api_as, make_contest, make_user
from tests.reviews.builders import make_panel, make_rubric, submitted_sheet, totals

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english", "registry")]

SITE_VISIT = {"code": "site_visit", "kind": "site_visit", "weight_pct": 0, "position": 2,
              "starts_on": "2025-11-03", "ends_on": "2025-11-05"}


@pytest.fixture
def council():
    return make_user(Role.COUNCIL_STAFF, language="en")


def test_the_council_adds_a_site_visit_between_the_stages_and_reweighs_them(council):
    contest = make_contest()
    api = api_as(council)
    url = f"/api/v1/contests/{contest.pk}/stages/"
    defaults = api.get(url).json()
    assert [(row["code"], row["weight_pct"], row["id"]) for row in defaults] == [
        ("document", 30, None), ("presentation", 70, None)]
    added = api.post(url, SITE_VISIT, format="json")
    assert added.status_code == 201, added.content
    body = added.json()
    assert (body["name_en"], body["name_ko"], body["has_slots"], body["slot_location"], body["position"]) == (
        "Site visit", "현장평가", True, "place", 2)
    rows = {row["code"]: row for row in api.get(url).json()}
    assert [row["code"] for row in api.get(url).json()] == ["document", "site_visit", "presentation"]
    over = api.patch(f"/api/v1/contest-stages/{body['id']}/", {"weight_pct": 30}, format="json")
    assert over.status_code == 400 and "= 130%" in over.json()["detail"][0]
    for code, weight in (("presentation", 50), ("document", 20), ("site_visit", 30)):
        changed = api.patch(f"/api/v1/contest-stages/{rows[code]['id']}/", {"weight_pct": weight}, format="json")
        assert changed.status_code == 200, changed.content
    assert [row["weight_pct"] for row in api.get(url).json()] == [20, 30, 50]
    assert history_of(contest).filter(action="review.stage_changed").count() == 3
    again = api.post(url, SITE_VISIT, format="json")
    assert again.status_code == 400 and "already has a stage" in again.json()["detail"][0]
    reserved = api.post(url, {**SITE_VISIT, "code": "scores"}, format="json")
    assert reserved.status_code == 400 and "reserved" in reserved.json()["detail"][0]
    unknown = api.post(url, {**SITE_VISIT, "code": "interview", "kind": "interview"}, format="json")
    assert unknown.status_code == 400 and "kind" in unknown.json()


@pytest.mark.parametrize("role", [Role.LOCAL_OFFICIAL, Role.REVIEWER, Role.MINISTRY_STAFF, Role.PROVINCIAL_OFFICER])
def test_nobody_but_the_council_reads_or_changes_stages(role, council):
    contest = make_contest()
    stage = api_as(council).post(f"/api/v1/contests/{contest.pk}/stages/", SITE_VISIT, format="json").json()
    other = api_as(make_user(role))
    assert other.get(f"/api/v1/contests/{contest.pk}/stages/").status_code == 403
    assert other.get("/api/v1/contests/999999/stages/").status_code == 403  # the same answer: nothing leaks
    assert other.post(f"/api/v1/contests/{contest.pk}/stages/", {**SITE_VISIT, "code": "x"},
                      format="json").status_code == 403
    assert other.patch(f"/api/v1/contest-stages/{stage['id']}/", {"weight_pct": 5}, format="json").status_code == 403
    assert other.patch("/api/v1/contest-stages/999999/", {"weight_pct": 5}, format="json").status_code == 403


def test_stages_freeze_with_the_first_submitted_sheet_and_say_why(council):
    panel = make_panel()
    contest = panel.contest
    make_rubric(contest)
    api = api_as(council)
    url = f"/api/v1/contests/{contest.pk}/stages/"
    assert api.post(url, SITE_VISIT, format="json").status_code == 201
    submitted_sheet(panel, panel.proposals.first(), totals(80)[0])
    refused = api.post(url, {**SITE_VISIT, "code": "interview_2"}, format="json")
    assert refused.status_code == 400 and "no longer change" in refused.json()["detail"][0]
    stage = contest.stages.get(code="site_visit")
    refused = api.patch(f"/api/v1/contest-stages/{stage.pk}/", {"name_en": "Field visit"}, format="json")
    assert refused.status_code == 400 and "no longer change" in refused.json()["detail"][0]
    stage.refresh_from_db()
    assert stage.name_en == "Site visit" and contest.stages.count() == 3


def test_the_results_read_any_stage_by_its_code(council):
    panel = make_panel()
    contest = panel.contest
    make_rubric(contest)
    api = api_as(council)
    api.post(f"/api/v1/contests/{contest.pk}/stages/", SITE_VISIT, format="json")
    site_rubric = contest.rubrics.create(stage="site_visit", trim_min_sheets=5)
    for criterion in Criterion.objects.filter(rubric__contest=contest, rubric__stage="document"):
        criterion.pk, criterion.rubric = None, site_rubric
        criterion.save()
    site = Panel.objects.create(contest=contest, stage="site_visit", name="현장 1분과", reviewers_per_proposal=3)
    hamyang = panel.proposals.get(lead_local_government__code="48870")
    PanelProposal.objects.create(panel=site, proposal=hamyang, stage="site_visit")
    submitted_sheet(site, hamyang, totals(77)[0])
    submitted_sheet(panel, hamyang, totals(60)[0])
    rows = api.get(f"/api/v1/contests/{contest.pk}/results/?stage=site_visit").json()
    assert [(row["stage"], row["proposal"], row["raw_mean"]) for row in rows] == [
        ("site_visit", hamyang.pk, "77.00")]
    assert {row["stage"] for row in api.get(f"/api/v1/contests/{contest.pk}/results/").json()} == {
        "document", "site_visit"}
    bogus = api.get(f"/api/v1/contests/{contest.pk}/results/?stage=interview")
    assert bogus.status_code == 400 and "not a stage" in bogus.json()["stage"][0]


def test_the_contests_review_dates_date_its_stages_and_the_schedule_lists_every_stage(council, client):
    api = api_as(council)
    body = {"name_ko": "2027년 협업 프로젝트", "name_en": "2027 Collaboration Project", "year": 2027,
            "application_opens_at": "2027-03-02T09:00:00+09:00", "application_closes_at": "2027-03-20T18:00:00+09:00",
            "document_review_starts_on": "2027-03-23", "document_review_ends_on": "2027-03-31",
            "national_cap_per_task_krw": 1_000_000_000, "accepted_designation_kinds": ["population_declining"],
            "participating_ministries": ["MSS"]}
    contest = api.post("/api/v1/contests/", body, format="json").json()
    url = f"/api/v1/contests/{contest['id']}/stages/"
    document = api.get(url).json()[0]
    assert (document["code"], document["starts_on"], document["ends_on"]) == ("document", "2027-03-23", "2027-03-31")
    api.post(url, {**SITE_VISIT, "starts_on": "2027-04-12", "ends_on": "2027-04-14"}, format="json")
    api.patch(f"/api/v1/contests/{contest['id']}/", {"document_review_starts_on": "2027-03-24", "reason": "연기"},
              format="json")
    assert api.get(url).json()[0]["starts_on"] == "2027-03-24"
    client.force_login(council)
    page = client.get(reverse("applications:contest-detail", args=[contest["id"]])).content.decode()
    assert page.index("Document review") < page.index("Site visit") and "2027-04-12" in page
