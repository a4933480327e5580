"""After the application deadline a draft is read-only at every door: each section page (GET and POST), the
autosave, the file upload and removal, the API and the services; nothing changes and each refusal says why.
A proposal under correction follows its own correction deadline instead."""
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from accounts.roles import Role
from applications import services
from applications.models import Contest, Proposal, ProposalStatus
from applications.services import SubmissionRefused, create_proposal, request_correction, submit_proposal
from applications.snapshot import take_snapshot
from audit.models import AuditEntry
from core.uploads import check_upload
from tests.applications.test_proposal_services import SECTIONS
from tests.documents import pdf, upload
from tests.factories import COMPANIES, KPI_TARGETS, api_as, complete_sections, make_open_contest, make_user

pytestmark = pytest.mark.usefixtures("registry", "english")

CLOSED = "the draft can no longer be changed"
AUTOSAVE = {"HTTP_X_PORTAL_AUTOSAVE": "1"}
PAGES = {
    "applications:proposal-update": {**SECTIONS, "title": "마감 후 제목", "partner_codes": ""},
    "applications:proposal-companies": {"companies-TOTAL_FORMS": "1", "companies-INITIAL_FORMS": "0",
                                        "companies-0-name": "새 회사",
                                        "companies-0-business_registration_number": "2208162517",
                                        "companies-0-growth_stage": "early"},
    "applications:proposal-budget": {"amount_2026_national": "1"},
    "applications:proposal-kpi": {"jobs": "1"},
    "applications:proposal-support": {},
    "applications:proposal-attachments": {"kind": "business_plan"},
}


@pytest.fixture
def official():
    return make_user(Role.LOCAL_OFFICIAL, language="en")


@pytest.fixture
def closed_draft(official):
    """A complete draft whose contest closed an hour ago."""
    proposal = complete_sections(create_proposal(actor=official, contest=make_open_contest(), values=SECTIONS,
                                                 lead_local_government=official.local_government), official)
    Contest.objects.filter(pk=proposal.contest_id).update(application_closes_at=timezone.now() - timedelta(hours=1))
    return Proposal.objects.get(pk=proposal.pk)


def state(proposal: Proposal) -> tuple:
    proposal = Proposal.objects.get(pk=proposal.pk)
    files = sorted(proposal.attachments.values_list("pk", "removed_at"))
    return take_snapshot(proposal), proposal.draft_version, files, AuditEntry.objects.count()


def test_every_page_door_of_a_closed_draft_refuses_saying_why_and_nothing_changes(client, official, closed_draft):
    client.force_login(official)
    before = state(closed_draft)
    detail = reverse("applications:proposal-detail", args=[closed_draft.pk])
    for name, data in PAGES.items():
        url = reverse(name, args=[closed_draft.pk])
        shown = client.get(url, follow=True)
        assert shown.redirect_chain[-1][0] == detail, name
        assert CLOSED in shown.content.decode(), name
        if name == "applications:proposal-attachments":
            data = {**data, "file": upload("계획.pdf", pdf())}
        sent = client.post(url, data, follow=True)
        assert sent.redirect_chain[-1][0] == detail and CLOSED in sent.content.decode(), name
        autosaved = client.post(url, data, **AUTOSAVE)
        assert autosaved.status_code == 400 and CLOSED in autosaved.json()["message"], name
    attachment = closed_draft.attachments.first()
    removed = client.post(reverse("applications:proposal-attachment-remove", args=[closed_draft.pk, attachment.pk]),
                          follow=True)
    assert CLOSED in removed.content.decode()
    assert state(closed_draft) == before


def test_the_closed_draft_offers_neither_submit_nor_edit_and_says_why(client, official, closed_draft):
    client.force_login(official)
    page = client.get(reverse("applications:proposal-detail", args=[closed_draft.pk]))
    body = page.content.decode()
    assert page.status_code == 200 and 'id="editing-closed"' in body and CLOSED in body
    assert 'id="submit-proposal"' not in body and "Before you submit" not in body
    for name in PAGES:
        assert f'href="{reverse(name, args=[closed_draft.pk])}"' not in body, name
    assert not page.context["can_edit"] and not page.context["can_submit"]


def test_every_api_door_of_a_closed_draft_refuses_saying_why_and_nothing_changes(official, closed_draft):
    api = api_as(official)
    url = f"/api/v1/proposals/{closed_draft.pk}/"
    before = state(closed_draft)
    attempts = [
        api.put(url, {**SECTIONS, "title": "마감 후"}, format="json"),
        api.put(f"{url}companies/", {"companies": COMPANIES[:1]}, format="json"),
        api.put(f"{url}budget/", {"lines": [{"year": 2026, "source": "national", "amount_krw": 1}]}, format="json"),
        api.put(f"{url}kpi-targets/", {"targets": [{"indicator": key, "target": 1} for key in KPI_TARGETS]},
                format="json"),
        api.put(f"{url}support-requests/", {"requests": []}, format="json"),
        api.post(f"{url}attachments/", {"kind": "business_plan", "file": upload("계획.pdf", pdf())},
                 format="multipart"),
        api.delete(f"{url}attachments/{closed_draft.attachments.first().pk}/"),
    ]
    for response in attempts:
        assert response.status_code == 403 and CLOSED in str(response.json()), response.request["PATH_INFO"]
    submitted = api.post(f"{url}submit/", format="json")
    assert submitted.status_code == 400 and "deadline has passed" in str(submitted.json())
    assert state(closed_draft) == before


def test_every_service_refuses_a_closed_draft_at_the_time_the_door_gives(official, closed_draft):
    now, before = timezone.now(), state(closed_draft)
    saves = [
        lambda: services.save_section(actor=official, proposal=closed_draft, values={"title": "x"},
                                      expected_version=None, now=now),
        lambda: services.save_companies(actor=official, proposal=closed_draft, companies=[], now=now),
        lambda: services.save_budget(actor=official, proposal=closed_draft, cells={}, now=now),
        lambda: services.save_kpi_targets(actor=official, proposal=closed_draft, targets={}, now=now),
        lambda: services.save_support_requests(actor=official, proposal=closed_draft, requests=[], now=now),
        lambda: services.add_attachment(actor=official, proposal=closed_draft, kind="business_plan",
                                        upload=check_upload(upload("계획.pdf", pdf())), now=now),
        lambda: services.remove_attachment(actor=official, attachment=closed_draft.attachments.first(), now=now),
    ]
    for save in saves:
        with pytest.raises(SubmissionRefused, match=CLOSED):
            save()
    assert state(closed_draft) == before


def test_the_refusal_is_in_korean_for_a_korean_official(client, closed_draft):
    korean = make_user(Role.LOCAL_OFFICIAL, local_government=closed_draft.lead_local_government, language="ko")
    client.force_login(korean)
    page = client.get(reverse("applications:proposal-budget", args=[closed_draft.pk]), follow=True)
    assert "접수가 마감되어" in page.content.decode()


def test_a_correction_follows_its_own_deadline(client, official):
    proposal = complete_sections(create_proposal(actor=official, contest=make_open_contest(), values=SECTIONS,
                                                 lead_local_government=official.local_government), official)
    submit_proposal(actor=official, proposal=proposal)
    request_correction(actor=make_user(Role.COUNCIL_STAFF), proposal=proposal, reason="예산 보완",
                       due_at=timezone.now() + timedelta(days=3))
    Contest.objects.filter(pk=proposal.contest_id).update(application_closes_at=timezone.now() - timedelta(hours=1))
    client.force_login(official)
    url = reverse("applications:proposal-kpi", args=[proposal.pk])
    assert client.get(url).status_code == 200  # the contest closed, the correction is still due
    assert client.post(url, {"jobs": "70", "youth_jobs": "20"}).status_code == 302
    assert proposal.kpi_targets.get(indicator="jobs").target == 70
    detail = client.get(reverse("applications:proposal-detail", args=[proposal.pk])).content.decode()
    assert 'id="submit-proposal"' in detail

    Proposal.objects.filter(pk=proposal.pk).update(correction_due_at=timezone.now() - timedelta(minutes=1))
    before = state(proposal)
    refused = client.post(url, {"jobs": "90"}, follow=True).content.decode()
    assert "The correction was due by" in refused and "can no longer be changed" in refused
    assert state(proposal) == before
    assert Proposal.objects.get(pk=proposal.pk).status == ProposalStatus.CORRECTION_REQUESTED
