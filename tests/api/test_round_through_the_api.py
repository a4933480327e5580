"""A whole round driven through the API alone, as a council's or a ministry's own system would: the contest is
created, a designation list imported, the reviewer pool, rubrics and panels set up, proposals written and
submitted by their officials, assigned, scored and signed off, the selection policy set, a run computed,
approved, published and confirmed; the public results then list its tasks. Accounts are the administrator's
(made here as test data); nothing else is written except through ``/api/v1/``."""
from datetime import timedelta

import pytest
from django.utils import timezone

from accounts.roles import Role
from regions.models import LocalGovernment, Province
from tests.applications.test_proposal_services import SECTIONS
from tests.documents import pdf, upload
from tests.factories import COMPANIES, KPI_TARGETS, api_as, make_user

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english", "registry", "celery_eager")]

# Hamyang-gun, Gokseong-gun and Uiseong-gun propose; the first two are selected (target 2).
LEADS = {"48870": 92, "12720": 84, "47730": 71}
CRITERIA = [{"code": "feasibility", "name_ko": "타당성", "name_en": "Feasibility", "max_points": 40, "position": 1,
             "tie_break_order": 1},
            {"code": "effectiveness", "name_ko": "효과성", "name_en": "Effectiveness", "max_points": 30, "position": 2},
            {"code": "policy_linkage", "name_ko": "정책연계성", "name_en": "Policy linkage", "max_points": 30,
             "position": 3}]


def ok(response, status=200):
    assert response.status_code == status, (response.status_code, response.content[:2000])
    return response.json() if response.content else None


def points(total: int) -> list[dict]:
    """Scores of the three criteria adding up to ``total`` out of 100."""
    feasibility = total * 40 // 100
    effectiveness = (total - feasibility) // 2
    return [{"criterion": "feasibility", "points": str(feasibility)},
            {"criterion": "effectiveness", "points": str(effectiveness)},
            {"criterion": "policy_linkage", "points": str(total - feasibility - effectiveness)}]


def write_proposal(api, contest: dict) -> int:
    draft = ok(api.post("/api/v1/proposals/", {"contest": contest["id"], **SECTIONS}, format="json"), 201)
    url = f"/api/v1/proposals/{draft['id']}/"
    ok(api.put(f"{url}companies/", {"companies": COMPANIES}, format="json"))
    years = range(contest["year"] + 1, contest["year"] + 1 + contest["funding_years"])
    lines = [{"year": year, "source": source, "amount_krw": amount} for year in years
             for source, amount in (("national", 500_000_000), ("provincial", 25_000_000),
                                    ("local", 50_000_000), ("private", 10_000_000))]
    ok(api.put(f"{url}budget/", {"lines": lines}, format="json"))
    targets = [{"indicator": key, "target": value} for key, value in KPI_TARGETS.items()]
    ok(api.put(f"{url}kpi-targets/", {"targets": targets}, format="json"))
    ok(api.put(f"{url}support-requests/", {"requests": [{"line": "regional_visa", "values": {
        "visa_type": "F-2-R", "requested": 10}}]}, format="json"))
    for kind in ("business_plan", "presentation"):
        ok(api.post(f"{url}attachments/", {"kind": kind, "file": upload(f"{kind}.pdf", pdf())},
                    format="multipart"), 201)
    ok(api.post(f"{url}submit/"))
    return draft["id"]


def review_stage(council, reviewers, chair, contest_id: int, stage: str, proposals: list[int],
                 run_on_commit) -> None:
    pool_ids = [reviewer["id"] for reviewer in reviewers.values()]
    panel = ok(council.post("/api/v1/panels/", {
        "contest": contest_id, "stage": stage, "name": "제1분과", "reviewers_per_proposal": 3,
        "members": pool_ids, "chair": reviewers[chair.username]["id"]}, format="json"), 201)
    ok(council.post(f"/api/v1/panels/{panel['id']}/proposals/", {"proposals": proposals}, format="json"))
    with run_on_commit(execute=True):
        report = ok(council.post(f"/api/v1/panels/{panel['id']}/auto-assign/"))
    assert report["complete"] and len(report["created"]) == 3 * len(proposals)
    ok(council.post(f"/api/v1/panels/{panel['id']}/deadline/",
                    {"due_at": (timezone.now() + timedelta(days=7)).isoformat()}, format="json"))
    for username in reviewers:
        api = api_as(reviewers[username]["account"])
        for assignment in ok(api.get(f"/api/v1/assignments/?panel={panel['id']}"))["results"]:
            ok(api.post(f"/api/v1/assignments/{assignment['id']}/pledge/"))
            total = LEADS[assignment_code(assignment, proposals)]
            sheet = ok(api.put(f"/api/v1/assignments/{assignment['id']}/sheet/", {"scores": points(total)},
                               format="json"))
            ok(api.post(f"/api/v1/score-sheets/{sheet['id']}/submit/"))
    ok(api_as(chair).post(f"/api/v1/panels/{panel['id']}/sign-off/"))


CODE_OF: dict[int, str] = {}


def assignment_code(assignment: dict, proposals: list[int]) -> str:
    return CODE_OF[assignment["proposal"]]


def test_a_round_from_contest_to_confirmed_selection_through_the_api_alone(
        client, django_capture_on_commit_callbacks, monkeypatch):
    run_on_commit = django_capture_on_commit_callbacks
    council = api_as(make_user(Role.COUNCIL_STAFF, language="en"))
    now = timezone.now()
    contest = ok(council.post("/api/v1/contests/", {
        "name_ko": "2027년 협업 프로젝트", "name_en": "2027 Collaboration Project", "year": now.year + 1,
        "application_opens_at": (now - timedelta(hours=1)).isoformat(),
        "application_closes_at": (now + timedelta(days=3)).isoformat(), "objection_period_days": 7,
        "target_task_count": 2, "national_cap_per_task_krw": 1_000_000_000,
        "total_national_budget_krw": 3_000_000_000, "provincial_match_min_bp": 500, "local_match_min_bp": 1000,
        "accepted_designation_kinds": ["population_declining", "interest_area", "rural_agreement"],
        "participating_ministries": ["MSS", "MOJ"]}, format="json"), 201)
    imported = ok(council.post("/api/v1/designation-imports/", {
        "file": upload("농촌협약.csv", "selection_year,province_ko,name_ko\n2024,경상남도,함양군\n".encode()),
        "reason": "농식품부 공문"}, format="multipart"), 201)
    assert imported["rows_created"] == 1

    seoul = Province.objects.get(code="11").pk
    reviewers = {}
    for number in range(3):
        user = make_user(Role.REVIEWER, language="en")
        reviewers[user.username] = {**ok(council.post("/api/v1/reviewer-pool/", {
            "user": user.pk, "affiliation": f"평가기관 {number}", "home_province": seoul}, format="json"), 201),
            "account": user}
    chair = reviewers[next(iter(reviewers))]["account"]
    for stage in ("document", "presentation"):
        ok(council.post("/api/v1/rubrics/", {"contest": contest["id"], "stage": stage, "trim_min_sheets": 3,
                                             "pass_mark": "60", "criteria": CRITERIA}, format="json"), 201)

    proposals = []
    for code in LEADS:
        official = make_user(Role.LOCAL_OFFICIAL, local_government=LocalGovernment.objects.get(code=code))
        with run_on_commit(execute=True):
            proposal = write_proposal(api_as(official), contest)
        CODE_OF[proposal] = code
        proposals.append(proposal)

    for stage in ("document", "presentation"):
        review_stage(council, reviewers, chair, contest["id"], stage, proposals, run_on_commit)

    ok(council.put(f"/api/v1/contests/{contest['id']}/selection-policy/", {
        "document_weight_pct": 30, "presentation_weight_pct": 70, "document_cutoff": "60",
        "presentation_cutoff": "60", "reserve_count": 1}, format="json"))
    with run_on_commit(execute=True):
        run = ok(council.post("/api/v1/selection-runs/", {"contest": contest["id"], "reason": "최종 선정"},
                              format="json"), 202)
    run = ok(council.get(f"/api/v1/selection-runs/{run['id']}/"))
    assert run["status"] == "completed", run
    outcomes = {CODE_OF[row["proposal"]]: row["outcome"] for row in run["decisions"]}
    assert outcomes == {"48870": "selected", "12720": "selected", "47730": "reserve"}
    ok(council.post(f"/api/v1/selection-runs/{run['id']}/approve/", {"note": "협의회 의결"}, format="json"))
    with run_on_commit(execute=True):
        ok(council.post(f"/api/v1/selection-runs/{run['id']}/publish/"))

    later = timezone.now() + timedelta(days=9)  # the objection period passes with no objection
    monkeypatch.setattr(timezone, "now", lambda: later)
    with run_on_commit(execute=True):
        confirmed = ok(council.post(f"/api/v1/selection-runs/{run['id']}/confirm/"))
    assert confirmed["status"] == "confirmed"
    tasks = ok(council.get(f"/api/v1/selected-tasks/?contest={contest['id']}"))["results"]
    assert sorted(task["local_government"] for task in tasks) == ["12720", "48870"]

    public = client.get(f"/results/selected-tasks.json?year={contest['year']}")
    rows = public.json()["tasks"]
    assert sorted(row["local_government_code"] for row in rows) == ["12720", "48870"]
    assert {row["national_funding_krw"] for row in rows} == {1_000_000_000}
    page = client.get(f"/results/?year={contest['year']}").content.decode()
    assert page.count(SECTIONS["title"]) == 2 and "의성군" not in page  # Uiseong-gun is only the reserve
