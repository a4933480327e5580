"""The proposal's papers: 접수증 and 신청서 (any version) as PDF, read back for Korean, the receipt number and
the version's SHA-256, behind the proposal page's own permission for every role."""
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from accounts.roles import Role
from applications.services import request_correction, submit_proposal, update_proposal
from tests.factories import complete_sections, make_outsider, make_user
from tests.papers import assert_paper, pdf_text

pytestmark = pytest.mark.usefixtures("registry")


@pytest.fixture
def submitted(official, draft):
    complete_sections(draft, official)
    submit_proposal(actor=official, proposal=draft)
    draft.refresh_from_db()
    return draft


def test_the_receipt_and_the_application_as_filed_read_back(client, official, submitted):
    official.language = "ko"
    official.save()
    client.force_login(official)
    version = submitted.versions.get()
    receipt = client.get(reverse("applications:proposal-receipt-pdf", args=[submitted.pk]))
    assert_paper(receipt, receipt_number=submitted.receipt_number, korean="접수증", digest=version.content_sha256)
    application = client.get(reverse("applications:proposal-application-pdf", args=[submitted.pk]) + "?version=1")
    text = assert_paper(application, receipt_number=submitted.receipt_number, korean="신청서",
                        digest=version.content_sha256)
    assert text
    page = client.get(reverse("applications:proposal-detail", args=[submitted.pk])).content.decode()
    assert reverse("applications:proposal-receipt-pdf", args=[submitted.pk]) in page
    assert reverse("applications:proposal-application-pdf", args=[submitted.pk]) + "?version=1" in page


def test_each_version_prints_as_it_was_filed(client, official, submitted, english):
    council = make_user(Role.COUNCIL_STAFF)
    request_correction(actor=council, proposal=submitted, reason="보완", due_at=timezone.now() + timedelta(days=3))
    submitted.refresh_from_db()
    update_proposal(actor=official, proposal=submitted, values={"title": "보완한 제목"})
    submit_proposal(actor=official, proposal=submitted)
    client.force_login(official)
    url = reverse("applications:proposal-application-pdf", args=[submitted.pk])
    first = submitted.versions.order_by("number").first()
    assert_paper(client.get(url + "?version=1"), receipt_number=submitted.receipt_number, korean="함양",
                 digest=first.content_sha256)
    assert "보완한 제목" in pdf_text(client.get(url + "?version=2"))
    assert client.get(url + "?version=3").status_code == 404
    assert client.get(url + "?version=x").status_code == 404


def test_a_draft_has_no_papers(client, official, draft):
    client.force_login(official)
    assert client.get(reverse("applications:proposal-receipt-pdf", args=[draft.pk])).status_code == 404


@pytest.mark.parametrize("who, status", [
    ("lead", 200), (Role.COUNCIL_STAFF, 200), (Role.PROVINCIAL_OFFICER, 200),
    ("other_official", 404), ("other_province", 404), (Role.REVIEWER, 404), (Role.MINISTRY_STAFF, 404),
    ("anonymous", 302),
])
def test_the_papers_follow_the_proposal_pages_permission(client, official, submitted, who, status):
    if who == "lead":
        client.force_login(official)
    elif who in (Role.COUNCIL_STAFF, Role.PROVINCIAL_OFFICER):
        client.force_login(make_user(who))
    elif who != "anonymous":
        client.force_login(make_outsider(who))
    detail = client.get(reverse("applications:proposal-detail", args=[submitted.pk])).status_code
    for name in ("proposal-receipt-pdf", "proposal-application-pdf"):
        response = client.get(reverse(f"applications:{name}", args=[submitted.pk]))
        assert response.status_code == status == detail, (name, who)
