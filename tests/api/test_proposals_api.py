"""Proposals through the API: an official's system drafts, fills, attaches and submits as the pages do, with the
same refusals beside the same fields; the council requests a correction; the province confirms matching."""
from datetime import timedelta

import pytest
from django.utils import timezone
from rest_framework.test import APIClient

from accounts.roles import Role
from applications.models import Proposal, ProposalStatus, ProposalVersion
from audit.models import AuditEntry
from tests.applications.test_proposal_services import SECTIONS
from tests.documents import pdf, upload
from tests.factories import (
    COMPANIES,
    KPI_TARGETS,
    api_as,
    budget_cells,
    complete_sections,
    make_open_contest,
    make_outsider,
    make_user,
)

pytestmark = pytest.mark.usefixtures("registry", "english")



@pytest.fixture
def contest():
    return make_open_contest()


@pytest.fixture
def official():
    return make_user(Role.LOCAL_OFFICIAL, language="en")


@pytest.fixture
def draft(official, contest):
    response = api_as(official).post("/api/v1/proposals/", {"contest": contest.pk, **SECTIONS}, format="json")
    assert response.status_code == 201, response.json()
    return Proposal.objects.get(pk=response.json()["id"])


def budget_rows(contest) -> list[dict]:
    return [{"year": year, "source": source, "amount_krw": amount}
            for (year, source), amount in budget_cells(contest).items()]


def test_an_official_fills_and_submits_a_proposal_through_the_api(official, contest, draft):
    api = api_as(official)
    url = f"/api/v1/proposals/{draft.pk}/"
    assert api.put(f"{url}companies/", {"companies": COMPANIES}, format="json").status_code == 200
    assert api.put(f"{url}budget/", {"lines": budget_rows(contest)}, format="json").status_code == 200
    targets = [{"indicator": key, "target": value} for key, value in KPI_TARGETS.items()]
    assert api.put(f"{url}kpi-targets/", {"targets": targets}, format="json").status_code == 200
    requests = [{"line": "regional_visa", "values": {"visa_type": "F-2-R", "requested": 10}},
                {"line": "sme_commercialization", "values": {"item": "marketing", "companies": 8,
                                                             "amount_krw": 200_000_000}}]
    assert api.put(f"{url}support-requests/", {"requests": requests}, format="json").status_code == 200
    for kind, name in (("business_plan", "사업계획서.pdf"), ("presentation", "발표자료.pdf")):
        attached = api.post(f"{url}attachments/", {"kind": kind, "file": upload(name, pdf())}, format="multipart")
        assert attached.status_code == 201 and attached.json()["original_name"] == name

    detail = api.get(url).json()
    assert [company["business_registration_number"] for company in detail["companies"]] == ["2208162517",
                                                                                             "1248100998"]
    assert sum(line["amount_krw"] for line in detail["budget_lines"] if line["source"] == "national") \
        == 1_000_000_000
    assert [request["values"].get("item") for request in detail["support_requests"]] == [None, "marketing"]

    submitted = api.post(f"{url}submit/")
    assert submitted.status_code == 200, submitted.json()
    body = submitted.json()
    assert body["receipt_number"] == f"{contest.year}-0001" and body["version"]["number"] == 1
    assert body["proposal"]["status"] == ProposalStatus.SUBMITTED
    versions = api.get(f"{url}versions/").json()
    assert [(v["number"], v["checksum_matches"]) for v in versions] == [(1, True)]
    assert versions[0]["content"]["title"] == SECTIONS["title"]

    locked = api.put(f"{url}companies/", {"companies": COMPANIES[:1]}, format="json")
    assert locked.status_code == 403 and "ask the council for a correction" in locked.json()["detail"]
    assert Proposal.objects.get(pk=draft.pk).companies.count() == 2


def test_bad_rows_are_named_by_position_and_nothing_is_saved(official, contest, draft):
    api = api_as(official)
    url = f"/api/v1/proposals/{draft.pk}/"
    bad_number = [COMPANIES[0], {**COMPANIES[1], "business_registration_number": "124-81-00999"}]
    refused = api.put(f"{url}companies/", {"companies": bad_number}, format="json")
    assert refused.status_code == 400
    rows = refused.json()["companies"]
    assert rows[0] == {} and "the check digit does not match" in rows[1]["business_registration_number"][0]

    negative = [{**row, "amount_krw": -1_000} if row["source"] == "provincial" else row for row in budget_rows(contest)]
    refused = api.put(f"{url}budget/", {"lines": negative}, format="json")
    assert refused.status_code == 400
    marked = {int(index) for index, row in refused.json()["lines"].items() if row}
    assert marked == {index for index, row in enumerate(negative) if row["source"] == "provincial"}
    outside = api.put(f"{url}budget/", {"lines": [{"year": 2040, "source": "national", "amount_krw": 1}]},
                      format="json").json()
    assert "covers 2026 to 2027 only" in outside["lines"][0]["year"][0]

    youth = api.put(f"{url}kpi-targets/", {"targets": [{"indicator": "jobs", "target": 5},
                                                       {"indicator": "youth_jobs", "target": 9}]}, format="json")
    assert youth.json()["targets"] == [{}, {"target": ["Youth jobs are part of all jobs: at most 5."]}]

    twice = [{"line": "regional_visa", "values": {"visa_type": "F-2-R", "requested": 3}},
             {"line": "regional_visa", "values": {"visa_type": "F-2-R", "requested": 4}}]
    refused = api.put(f"{url}support-requests/", {"requests": twice}, format="json").json()
    assert "already has a request of this kind" in refused["requests"][1]["non_field_errors"][0]
    unknown = api.put(f"{url}support-requests/", {"requests": [
        {"line": "sme_commercialization", "values": {"item": "gold", "companies": 1}}]}, format="json").json()
    assert unknown["requests"][0]["item"][0].startswith("Support item: Choose one of: technical_problem_solving")

    impostor = api.post(f"{url}attachments/", {"kind": "business_plan", "file": upload("plan.pdf", b"MZ" * 100)},
                        format="multipart")
    assert impostor.status_code == 400 and impostor.json()["file"]
    draft.refresh_from_db()
    assert not draft.companies.exists() and not draft.budget_lines.exists() and not draft.kpi_targets.exists()
    assert not draft.support_requests.exists() and not draft.attachments.exists()


def test_submission_refusals_say_why_and_freeze_nothing(official, draft):
    refused = api_as(official).post(f"/api/v1/proposals/{draft.pk}/submit/")
    assert refused.status_code == 400 and "Complete these sections first" in refused.json()["detail"][0]
    assert not ProposalVersion.objects.exists()


@pytest.mark.parametrize("who", ["other_official", "other_province", Role.REVIEWER, Role.MINISTRY_STAFF])
def test_outsiders_get_404_on_a_proposal_and_nothing_in_lists(official, draft, who):
    api = api_as(make_outsider(who))
    assert api.get("/api/v1/proposals/").json()["count"] == 0
    url = f"/api/v1/proposals/{draft.pk}/"
    for method, path in (("get", ""), ("put", "companies/"), ("post", "submit/"), ("post", "withdraw/"),
                         ("get", "versions/"), ("get", "attachments/"), ("post", "request-correction/")):
        assert getattr(api, method)(url + path, {}, format="json").status_code == 404, path
    assert api.put(url, {"title": "탈취"}, format="json").status_code == 404
    assert Proposal.objects.get(pk=draft.pk).title == SECTIONS["title"]


def test_only_officials_start_proposals(contest):
    for role in (Role.COUNCIL_STAFF, Role.PROVINCIAL_OFFICER, Role.REVIEWER, Role.MINISTRY_STAFF):
        response = api_as(make_user(role)).post("/api/v1/proposals/", {"contest": contest.pk, "title": "x"},
                                                format="json")
        assert response.status_code == 403, role
    assert APIClient().get("/api/v1/proposals/").status_code in (401, 403)
    assert not Proposal.objects.exists()


def test_council_requests_a_correction_and_the_province_confirms_matching(official, draft):
    complete_sections(draft, official)
    api_as(official).post(f"/api/v1/proposals/{draft.pk}/submit/")
    url = f"/api/v1/proposals/{draft.pk}/"

    refused = api_as(official).post(f"{url}request-correction/", {"reason": "x", "due_at": "2030-01-01T00:00"})
    assert refused.status_code == 403
    council = api_as(make_user(Role.COUNCIL_STAFF))
    due = (timezone.now() + timedelta(days=7)).isoformat()
    missing = council.post(f"{url}request-correction/", {"due_at": due}, format="json")
    assert missing.status_code == 400 and "reason" in missing.json()
    corrected = council.post(f"{url}request-correction/", {"reason": "예산표 보완", "due_at": due}, format="json")
    assert corrected.json()["status"] == ProposalStatus.CORRECTION_REQUESTED
    assert AuditEntry.objects.filter(action="proposal.correction_requested", reason="예산표 보완").exists()

    province = api_as(make_user(Role.PROVINCIAL_OFFICER, language="en"))
    low = province.post(f"{url}provincial-match/", {"amount_krw": 1}, format="json")
    assert low.status_code == 400 and "say why in the note" in low.json()["detail"][0]
    assert province.post(f"{url}provincial-match/", {"amount_krw": 1, "note": "도비 감액"},
                         format="json").status_code == 200
    assert api_as(official).post(f"{url}provincial-match/", {"amount_krw": 1}, format="json").status_code == 403


def test_a_file_is_downloaded_only_by_those_who_see_the_proposal(official, draft):
    api = api_as(official)
    attached = api.post(f"/api/v1/proposals/{draft.pk}/attachments/",
                        {"kind": "business_plan", "file": upload("계획.pdf", pdf())}, format="multipart").json()
    path = f"/api/v1/proposals/{draft.pk}/attachments/{attached['id']}/"
    download = api.get(path + "download/")
    assert download.status_code == 200 and b"".join(download.streaming_content).startswith(b"%PDF")
    assert api_as(make_outsider("other_official")).get(path + "download/").status_code == 404
    assert api_as(make_outsider("other_official")).delete(path).status_code == 404
    assert api.delete(path).status_code == 204
    assert api.get(f"/api/v1/proposals/{draft.pk}/attachments/").json() == []


def test_an_out_of_range_filter_is_a_clear_400(official, draft):
    response = api_as(official).get("/api/v1/proposals/?contest=35922035153987853877248")
    assert response.status_code == 400 and "contest" in response.json()
    assert api_as(official).get(f"/api/v1/proposals/?contest={draft.contest_id}").json()["count"] == 1


def test_a_client_of_the_first_round_still_sends_requests_in_its_fixed_fields(official, contest, draft):
    """The first round's outside client sent each request's fixed fields (visa type and persons, project and
    KRW, MSS item, companies and KRW); they are read as the measures that hold them now, by the same rule."""
    api = api_as(official)
    url = f"/api/v1/proposals/{draft.pk}/support-requests/"
    first_round = [{"line": "regional_visa", "visa_type": "F-2-R", "persons": 10},
                   {"line": "sme_commercialization", "support_item": "marketing", "companies": 8,
                    "amount_krw": 200_000_000, "description": "판로 개척"}]
    saved = api.put(url, {"requests": first_round}, format="json")
    assert saved.status_code == 200, saved.json()
    assert [(row["line"], row["values"]) for row in saved.json()["support_requests"]] == [
        ("regional_visa", {"visa_type": "F-2-R", "requested": 10}),
        ("sme_commercialization", {"item": "marketing", "companies": 8, "amount_krw": 200_000_000})]

    refused = api.put(url, {"requests": [{"line": "regional_visa", "visa_type": "F-2-R", "persons": 0}]},
                      format="json")
    assert refused.status_code == 400 and refused.json()["requests"][0]["requested"]
    assert [row["values"]["requested"] for row in api.get(f"/api/v1/proposals/{draft.pk}/").json()[
        "support_requests"] if row["line"] == "regional_visa"] == [10]


def test_a_partial_budget_is_saved_as_a_draft_and_the_submission_names_it(official, contest, draft):
    api = api_as(official)
    url = f"/api/v1/proposals/{draft.pk}/"
    national_only = [row for row in budget_rows(contest) if row["source"] == "national"]
    assert api.put(f"{url}budget/", {"lines": national_only}, format="json").status_code == 200
    assert draft.budget_lines.count() == len(national_only)
    refused = api.post(f"{url}submit/", format="json")
    assert refused.status_code == 400 and "Budget" in str(refused.json())
