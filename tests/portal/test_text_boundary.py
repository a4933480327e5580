"""Korean text in one normal form (issue 21, kind 5): what is typed or uploaded in NFD (as macOS sends it) is
stored and served in NFC, searches find it, and organisation names are compared by what they name."""
import unicodedata
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from accounts.roles import Role
from applications.models import ParticipatingCompany, Proposal, ProposalAttachment
from core.text import organisation_key
from reviews.conflicts import ConflictFacts, conflict_reasons
from tests import documents
from tests.applications.test_proposal_services import SECTIONS
from tests.factories import api_as, make_contest, make_user
from tests.reviews.builders import make_panel, make_reviewer

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english", "registry")]

TITLE = "함양 산삼 항노화 과제"


def nfd(text: str) -> str:
    return unicodedata.normalize("NFD", text)


@pytest.fixture
def official():
    return make_user(Role.LOCAL_OFFICIAL, language="en")


@pytest.fixture
def contest():
    now = timezone.now()
    return make_contest(opens=now - timedelta(days=1), closes=now + timedelta(days=1), year=2031)


def test_a_title_typed_in_nfd_on_the_page_is_stored_in_nfc_and_found_by_a_normal_search(client, official, contest,
                                                                                        council):
    assert nfd(TITLE) != TITLE
    client.force_login(official)
    response = client.post(reverse("applications:proposal-create") + f"?contest={contest.pk}",
                           {**SECTIONS, "contest": contest.pk, "title": nfd(TITLE), "partner_codes": ""})
    assert response.status_code == 302
    assert Proposal.objects.get().title == TITLE
    Proposal.objects.update(status="submitted", receipt_number="2031-0001")
    client.force_login(council)
    for typed in ("산삼", nfd("산삼")):  # typed normally, and typed on a Mac
        page = client.get(reverse("applications:contest-proposals", args=[contest.pk]), {"q": typed})
        assert TITLE in page.content.decode(), typed


def test_api_bodies_are_normalised_too(official, contest):
    api = api_as(official)
    response = api.post("/api/v1/proposals/", {"contest": contest.pk, "title": nfd(TITLE)}, format="json")
    assert response.status_code == 201 and response.json()["title"] == TITLE
    assert Proposal.objects.get().title == TITLE
    response = api.post("/api/v1/proposals/", {"contest": contest.pk, "title": nfd(TITLE)}, format="multipart")
    assert Proposal.objects.filter(title=nfd(TITLE)).count() == 0


def test_a_file_named_in_nfd_is_stored_and_served_in_nfc(client, official, contest):
    from applications.services import create_proposal

    draft = create_proposal(actor=official, contest=contest, values=SECTIONS,
                            lead_local_government=official.local_government)
    client.force_login(official)
    client.post(reverse("applications:proposal-attachments", args=[draft.pk]),
                {"kind": "business_plan", "file": documents.upload(nfd("사업계획서.pdf"), documents.pdf())})
    attachment = ProposalAttachment.objects.get()
    assert attachment.original_name == "사업계획서.pdf"
    response = client.get(reverse("applications:proposal-attachment-download", args=[draft.pk, attachment.pk]))
    assert "%EC%82%AC%EC%97%85%EA%B3%84%ED%9A%8D%EC%84%9C.pdf" in response["Content-Disposition"]  # NFC, encoded


@pytest.mark.parametrize("affiliation", ["㈜합천바이오소재", "(주)합천바이오소재", "합천바이오소재 주식회사",
                                         "（주）합천 바이오소재", nfd("㈜합천바이오소재"), "유한회사 합천바이오소재"])
def test_a_reviewer_of_the_company_is_refused_however_its_legal_form_is_written(affiliation):
    """Issue 21's example: with ㈜ the reviewer was assigned to 합천바이오소재's proposal; with (주) refused."""
    panel = make_panel(members=0, codes=["48890"])
    proposal = panel.proposals.get()
    ParticipatingCompany.objects.create(proposal=proposal, name="합천바이오소재", growth_stage="early",
                                        business_registration_number="2208162517")
    reviewer = make_reviewer(affiliation=affiliation)
    reasons = conflict_reasons(reviewer, proposal, ConflictFacts.load([proposal]))
    assert "The reviewer's organisation is a participating company." in reasons


@pytest.mark.parametrize(("one", "other", "same"), [
    ("㈜합천바이오소재", "합천바이오소재", True),
    ("재단법인 경남테크노파크", "(재)경남테크노파크", True),
    ("사단법인 한국산삼협회", "(사)한국산삼협회", True),
    ("(유)지리산식품", "지리산식품 유한회사", True),
    ("ＡＢＣ바이오㈜", "abc바이오", True),
    ("합천바이오소재", "합천바이오", False),
    ("경남테크노파크", "경북테크노파크", False),
])
def test_organisation_names_are_compared_by_what_they_name(one, other, same):
    assert (organisation_key(one) == organisation_key(other)) is same
