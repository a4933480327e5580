"""Every role against every API endpoint: a role that must not reach an endpoint gets 401, 403 or 404 (or, on a
list, no rows), never a Hamyang-gun row, and a write it must not make changes nothing.

The world (``conftest.world``): a confirmed round whose selected tasks are open, with the reviewers' sheets, an
objection, a support-line row and a notification."""
import pytest
from rest_framework.test import APIClient

from audit.models import AuditEntry
from selection.models import Objection
from tracking.models import SupportLineRow

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]

ROLES = ("anonymous", "lead", "other_official", "province", "other_province", "reviewer", "assigned_reviewer",
         "moj", "mss", "council")
SIGNED_IN = frozenset(ROLES) - {"anonymous"}
TRACKING = frozenset({"lead", "province", "moj", "mss", "council"})
DENIED = (401, 403, 404)
LEAK = "48870"  # Hamyang-gun's code: in its proposal's, task's and decision's answers


def client_for(users, role) -> APIClient:
    client = APIClient()
    if role != "anonymous":
        client.force_authenticate(users[role])
    return client


def reads(ids) -> list[tuple[str, frozenset]]:
    """Each GET and the roles that may read Hamyang-gun's data through it."""
    # the ministries read the proposal of a selected task of a round they take part in (its support requests
    # are addressed to them), and only read it: every write below stays refused to them
    proposal_readers = frozenset({"lead", "province", "assigned_reviewer", "council", "moj", "mss"})
    return [
        ("/api/v1/provinces/", SIGNED_IN), ("/api/v1/local-governments/?code=48870", SIGNED_IN),
        ("/api/v1/designations/", SIGNED_IN), ("/api/v1/contests/", SIGNED_IN), ("/api/v1/ministries/", SIGNED_IN),
        (f"/api/v1/contests/{ids['contest']}/", SIGNED_IN),
        (f"/api/v1/contests/{ids['contest']}/results/", {"council"}),
        (f"/api/v1/contests/{ids['contest']}/dashboard/", {"moj", "mss", "council"}),
        ("/api/v1/proposals/", proposal_readers), (f"/api/v1/proposals/{ids['proposal']}/", proposal_readers),
        (f"/api/v1/proposals/{ids['proposal']}/versions/", proposal_readers),
        (f"/api/v1/proposals/{ids['proposal']}/attachments/", proposal_readers),
        ("/api/v1/assignments/", {"assigned_reviewer", "council"}),
        (f"/api/v1/assignments/{ids['assignment']}/", {"assigned_reviewer", "council"}),
        ("/api/v1/score-sheets/", {"assigned_reviewer", "council"}),
        (f"/api/v1/score-sheets/{ids['sheet']}/", {"assigned_reviewer", "council"}),
        ("/api/v1/selection-runs/", {"council"}), (f"/api/v1/selection-runs/{ids['run']}/", {"council"}),
        ("/api/v1/objections/", {"lead", "council"}), (f"/api/v1/objections/{ids['objection']}/", {"lead", "council"}),
        ("/api/v1/selected-tasks/", TRACKING), (f"/api/v1/selected-tasks/{ids['task']}/", TRACKING),
        ("/api/v1/progress-reports/", TRACKING), (f"/api/v1/progress-reports/{ids['report']}/", TRACKING),
        ("/api/v1/support-lines/", TRACKING | {"other_official", "other_province"}),
        ("/api/v1/support-lines/regional_visa/", TRACKING),
        ("/api/v1/support-lines/fisheries_infrastructure/", TRACKING),
        (f"/api/v1/support-lines/regional_visa/{ids['visa']}/", TRACKING),
        ("/api/v1/notifications/", {"council"}), (f"/api/v1/notifications/{ids['notice']}/", {"council"}),
        (f"/api/v1/contests/{ids['contest']}/files/", SIGNED_IN),
        (f"/api/v1/contests/{ids['contest']}/selection-policy/", {"council"}),
        ("/api/v1/designation-imports/", {"council"}),
        ("/api/v1/reviewer-pool/", {"council"}), (f"/api/v1/reviewer-pool/{ids['reviewer']}/", {"council"}),
        ("/api/v1/panels/", {"council"}), (f"/api/v1/panels/{ids['panel']}/", {"council"}),
        ("/api/v1/rubrics/", {"council"}), (f"/api/v1/rubrics/{ids['rubric']}/", {"council"}),
    ]


def writes(ids) -> list[tuple[str, str, dict, frozenset]]:
    """Each change and the roles that may make it; everyone else must be refused before anything is written."""
    proposal, task, report = (f"/api/v1/proposals/{ids['proposal']}/", f"/api/v1/selected-tasks/{ids['task']}/",
                              f"/api/v1/progress-reports/{ids['report']}/")
    visa = {"values": {"year": 2027, "visa_type": "F-4-R", "requested": 2, "allocated": 1, "issued": 0},
            "reason": "배정"}
    lead, council = frozenset({"lead"}), frozenset({"council"})
    return [
        ("post", "/api/v1/proposals/", {"contest": ids["contest"], "title": "새 과제"},
         {"lead", "other_official"}),
        ("put", proposal, {"title": "바꾼 제목"}, lead),
        ("put", f"{proposal}companies/", {"companies": []}, lead),
        ("put", f"{proposal}budget/", {"lines": []}, lead),
        ("put", f"{proposal}kpi-targets/", {"targets": []}, lead),
        ("put", f"{proposal}support-requests/", {"requests": []}, lead),
        ("post", f"{proposal}attachments/", {"kind": "business_plan"}, lead),
        ("delete", f"{proposal}attachments/1/", {}, lead),
        ("post", f"{proposal}submit/", {}, lead), ("post", f"{proposal}withdraw/", {"reason": "철회"}, lead),
        ("post", f"{proposal}request-correction/", {"reason": "보완", "due_at": "2030-01-01T09:00:00+09:00"},
         council),
        ("post", f"{proposal}provincial-match/", {"amount_krw": 1, "note": "감액"}, {"province"}),
        ("post", f"/api/v1/assignments/{ids['assignment']}/pledge/", {}, {"assigned_reviewer"}),
        ("post", f"/api/v1/assignments/{ids['assignment']}/declare-conflict/", {"reason": "이해충돌"},
         {"assigned_reviewer"}),
        ("put", f"/api/v1/assignments/{ids['assignment']}/sheet/", {"scores": []}, {"assigned_reviewer"}),
        ("post", f"/api/v1/score-sheets/{ids['sheet']}/submit/", {}, {"assigned_reviewer"}),
        ("post", f"/api/v1/score-sheets/{ids['sheet']}/reopen/", {"reason": "재검토"}, council),
        ("post", "/api/v1/selection-runs/", {"contest": ids["contest"], "reason": "재계산"}, council),
        ("post", f"/api/v1/selection-runs/{ids['run']}/approve/", {"note": "승인"}, council),
        ("post", f"/api/v1/selection-runs/{ids['run']}/publish/", {}, council),
        ("post", f"/api/v1/selection-runs/{ids['run']}/confirm/", {}, council),
        ("post", "/api/v1/objections/", {"decision": ids["decision"], "reasons": "이의"}, lead),
        ("post", f"/api/v1/objections/{ids['objection']}/decide/", {"accept": False, "answer": "기각"}, council),
        ("post", f"{task}change-status/", {"status": "running", "reason": "착수"}, council),
        ("put", report, {"narrative": "진행", "actuals": []}, lead),
        ("post", f"{report}submit/", {}, lead), ("post", f"{report}attachments/", {}, lead),
        ("post", f"{report}review/", {"accept": True}, council),
        ("post", "/api/v1/support-lines/regional_visa/", {"task": ids["task"], **visa}, {"moj"}),
        ("put", f"/api/v1/support-lines/regional_visa/{ids['visa']}/", visa, {"moj"}),
        ("post", f"/api/v1/support-lines/regional_visa/{ids['visa']}/remove/", {"reason": "삭제"}, {"moj"}),
        ("post", "/api/v1/support-lines/sme_commercialization/", {"task": ids["task"], "values": {
            "year": 2026, "item": "marketing", "companies": 1, "amount_krw": 1}, "reason": "지원"}, {"mss"}),
        ("post", "/api/v1/support-lines/extinction_fund/", {"task": ids["task"], "values": {
            "name": "센터", "year": 2026, "approved_krw": 1}, "reason": "지원"}, frozenset()),
        ("post", "/api/v1/support-lines/rural_agreement_facility/", {"task": ids["task"], "values": {
            "name": "시설", "placement": "back", "amount_krw": 1}, "reason": "지원"}, frozenset()),
        ("post", "/api/v1/support-lines/fisheries_infrastructure/", {"task": ids["task"], "values": {
            "facility": "양식장", "year": 2026, "kind": "aquaculture", "amount_krw": 1}, "reason": "지원"},
         frozenset()),
        ("post", "/api/v1/support-line-kinds/", {"ministry": "MOF", "code": "harbour", "name_ko": "어항",
                                                 "name_en": "Harbour", "measures": [
                                                     {"code": "berths", "name_ko": "선석", "name_en": "Berths",
                                                      "type": "count"}]}, council),
        ("post", "/api/v1/support-line-kinds/regional_visa/measures/", {"code": "note", "name_ko": "비고",
                                                                        "name_en": "Note", "type": "text"}, council),
        ("post", "/api/v1/support-line-kinds/regional_visa/measures/requested/remove/", {}, council),
        ("post", "/api/v1/support-line-kinds/regional_visa/measures/requested/type/", {"type": "text"}, council),
        ("post", "/api/v1/support-line-kinds/regional_visa/rules/", {"left": "allocated", "right": "requested",
                                                                     "reason": "배정 한도"}, council),
        ("post", "/api/v1/support-line-kinds/regional_visa/rules/remove/", {"left": "issued", "right": "allocated",
                                                                            "reason": "폐지"}, council),
        ("post", f"/api/v1/notifications/{ids['notice']}/read/", {}, council),
        ("post", "/api/v1/ministries/", {"code": "MOLIT", "name_ko": "국토교통부", "name_en": "Ministry of Land"},
         council),
        *setup_writes(ids),
    ]


def setup_writes(ids) -> list[tuple[str, str, dict, frozenset]]:
    """The council's setup of a round (contests, designations, pool, panels, rubrics, policy): the council's
    alone, except the sign-off, which is the chair's (and this panel's is done)."""
    contest, panel = f"/api/v1/contests/{ids['contest']}/", f"/api/v1/panels/{ids['panel']}/"
    council = frozenset({"council"})
    criteria = [{"code": "feasibility", "name_ko": "타당성", "name_en": "Feasibility", "max_points": 100}]
    return [
        ("post", "/api/v1/contests/", {"name_ko": "새 공모", "year": 2031}, council),
        ("patch", contest, {"target_task_count": 3, "reason": "변경"}, council),
        ("post", f"{contest}files/", {"title": "공고문"}, council),
        ("post", f"{contest}files/1/remove/", {"reason": "삭제"}, council),
        ("put", f"{contest}selection-policy/", {"document_weight_pct": 50, "presentation_weight_pct": 50,
                                                "document_cutoff": "0", "presentation_cutoff": "0",
                                                "reserve_count": 0}, council),
        ("post", "/api/v1/designation-imports/", {"reason": "공문"}, council),
        ("post", "/api/v1/reviewer-pool/", {"user": 1, "affiliation": "기관"}, council),
        ("patch", f"/api/v1/reviewer-pool/{ids['reviewer']}/", {"affiliation": "다른 기관"}, council),
        ("post", "/api/v1/panels/", {"contest": ids["contest"], "stage": "document", "name": "제9분과",
                                     "reviewers_per_proposal": 1, "members": [ids["reviewer"]]}, council),
        ("put", f"{panel}members/", {"members": [ids["reviewer"]]}, council),
        ("post", f"{panel}proposals/", {"proposals": [ids["proposal"]]}, council),
        ("post", f"{panel}deadline/", {"due_at": "2030-01-01T09:00:00+09:00"}, council),
        ("post", f"{panel}auto-assign/", {}, council),
        ("post", f"{panel}assign/", {"proposal": ids["proposal"], "reviewer": ids["reviewer"]}, council),
        ("post", f"{panel}sign-off/", {}, frozenset()),
        ("post", "/api/v1/rubrics/", {"contest": ids["contest"], "stage": "document", "trim_min_sheets": 3,
                                      "pass_mark": "60", "criteria": criteria}, council),
        ("put", f"/api/v1/rubrics/{ids['rubric']}/", {"trim_min_sheets": 3, "pass_mark": "60",
                                                       "criteria": criteria}, council),
    ]


def listed_nothing(response) -> bool:
    """A list that answers, but with no row at all for this caller."""
    body = response.json() if response.status_code == 200 else None
    rows = body.get("results") if isinstance(body, dict) else body
    return rows == []


def test_every_role_reads_only_what_it_may(world):
    users, ids = world
    wrong = []
    for url, allowed in reads(ids):
        for role in ROLES:
            response = client_for(users, role).get(url)
            if role in allowed:
                if response.status_code != 200:
                    wrong.append((role, url, response.status_code))
            elif not (response.status_code in DENIED and LEAK not in response.content.decode()) \
                    and not listed_nothing(response):
                wrong.append((role, url, response.status_code, response.content[:200]))
    assert wrong == []


def test_every_role_is_refused_every_change_it_must_not_make(world):
    users, ids = world
    audit_before = AuditEntry.objects.count()
    visa_before = SupportLineRow.objects.values().get(pk=ids["visa"])
    objection_before = Objection.objects.values().get(pk=ids["objection"])
    wrong = []
    for method, url, body, allowed in writes(ids):
        for role in ROLES:
            if role in allowed:
                continue
            response = getattr(client_for(users, role), method)(url, body, format="json")
            if response.status_code not in DENIED or LEAK in response.content.decode():
                wrong.append((role, method, url, response.status_code, response.content[:200]))
    assert wrong == []
    assert AuditEntry.objects.count() == audit_before
    assert SupportLineRow.objects.values().get(pk=ids["visa"]) == visa_before
    assert Objection.objects.values().get(pk=ids["objection"]) == objection_before
