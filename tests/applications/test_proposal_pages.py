from datetime import datetime, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from accounts.roles import Role
from applications.models import SEOUL, Proposal, ProposalStatus
from applications.services import create_proposal, submit_proposal
from regions.models import LocalGovernment
from tests.applications.test_proposal_services import SECTIONS
from tests.factories import complete_sections, make_contest, make_open_contest, make_outsider, make_user

pytestmark = pytest.mark.usefixtures("registry")


@pytest.fixture
def open_contest():
    return make_open_contest()


@pytest.fixture
def hamyang_official():
    return make_user(Role.LOCAL_OFFICIAL, language="en")


@pytest.fixture
def proposal(open_contest, hamyang_official):
    return complete_sections(create_proposal(actor=hamyang_official, contest=open_contest, values=SECTIONS,
                                             lead_local_government=hamyang_official.local_government),
                             hamyang_official)


def test_official_goes_from_an_empty_draft_to_a_receipt(client, open_contest, hamyang_official):
    client.force_login(hamyang_official)
    create = reverse("applications:proposal-create") + f"?contest={open_contest.pk}"
    response = client.post(create, {"contest": open_contest.pk, "title": "산삼 항노화"})
    proposal = Proposal.objects.get()
    assert response.url == reverse("applications:proposal-detail", args=[proposal.pk])
    detail = client.get(response.url).content.decode()
    assert "bi-circle text-danger" in detail  # checklist shows what is missing
    refused = client.post(reverse("applications:proposal-submit", args=[proposal.pk]), follow=True)
    assert "Complete these sections first" in refused.content.decode()
    client.post(reverse("applications:proposal-update", args=[proposal.pk]), {**SECTIONS, "partner_codes": ""})
    complete_sections(proposal, hamyang_official)
    done = client.post(reverse("applications:proposal-submit", args=[proposal.pk]), follow=True)
    body = done.content.decode()
    proposal.refresh_from_db()
    assert proposal.status == ProposalStatus.SUBMITTED
    submitted_kst = proposal.versions.get().submitted_at.astimezone(SEOUL).strftime("%Y-%m-%d %H:%M")
    assert f"Receipt number {proposal.receipt_number}, version 1, at {submitted_kst}." in body


def test_a_failed_form_keeps_what_was_typed(client, open_contest, hamyang_official):
    client.force_login(hamyang_official)
    response = client.post(reverse("applications:proposal-create"), {
        "contest": open_contest.pk, "title": "산삼 항노화 제품", "summary": "긴 개요 문단",
        "partner_codes": "48880, 99999"})
    assert response.status_code == 200
    assert response.context["form"].errors["partner_codes"] == ["Unknown code(s): 99999"]
    body = response.content.decode()
    assert "산삼 항노화 제품" in body and "긴 개요 문단" in body and "48880, 99999" in body
    assert not Proposal.objects.exists()


def test_partner_officials_contribute_but_only_the_lead_submits(client, proposal, hamyang_official):
    geochang = LocalGovernment.objects.get(code="48880")
    proposal.partners.add(geochang)
    partner = make_user(Role.LOCAL_OFFICIAL, local_government=geochang)
    client.force_login(partner)
    assert client.get(reverse("applications:proposal-detail", args=[proposal.pk])).status_code == 200
    assert client.get(reverse("applications:proposal-update", args=[proposal.pk])).status_code == 200
    assert client.post(reverse("applications:proposal-submit", args=[proposal.pk])).status_code == 403
    assert client.post(reverse("applications:proposal-withdraw", args=[proposal.pk]),
                       {"reason": "x"}).status_code == 403


PROPOSAL_PAGES = ["applications:proposal-detail", "applications:proposal-update", "applications:proposal-versions"]
PROPOSAL_ACTIONS = ["applications:proposal-submit", "applications:proposal-withdraw",
                    "applications:proposal-correction"]


@pytest.mark.parametrize("who", ["other_official", "other_province", Role.REVIEWER, Role.MINISTRY_STAFF])
def test_those_who_may_not_see_a_proposal_get_404_everywhere(client, proposal, who):
    client.force_login(make_outsider(who))
    for name in PROPOSAL_PAGES:
        assert client.get(reverse(name, args=[proposal.pk])).status_code == 404, name
    for name in PROPOSAL_ACTIONS:
        assert client.post(reverse(name, args=[proposal.pk]), {"reason": "x"}).status_code == 404, name
    listing = client.get(reverse("applications:proposal-list")).content.decode()
    assert proposal.title not in listing
    proposal.refresh_from_db()
    assert proposal.status == ProposalStatus.DRAFT


def test_provincial_officer_reads_but_cannot_edit_or_submit(client, proposal):
    client.force_login(make_user(Role.PROVINCIAL_OFFICER))  # Gyeongnam
    assert client.get(reverse("applications:proposal-detail", args=[proposal.pk])).status_code == 200
    assert client.get(reverse("applications:proposal-update", args=[proposal.pk])).status_code == 403
    assert client.post(reverse("applications:proposal-submit", args=[proposal.pk])).status_code == 403


@pytest.mark.parametrize("role", [Role.PROVINCIAL_OFFICER, Role.REVIEWER, Role.MINISTRY_STAFF,
                                  Role.COUNCIL_STAFF])
def test_only_officials_start_proposals(client, open_contest, role):
    client.force_login(make_user(role))
    url = reverse("applications:proposal-create") + f"?contest={open_contest.pk}"
    assert client.get(url).status_code == 403
    assert client.post(url, {"contest": open_contest.pk, "title": "x"}).status_code == 403


def test_council_requests_a_correction_and_the_official_resubmits_a_new_version(client, proposal,
                                                                                hamyang_official):
    submit_proposal(actor=hamyang_official, proposal=proposal)
    council = make_user(Role.COUNCIL_STAFF, language="en")
    client.force_login(council)
    past = (timezone.now() - timedelta(days=1)).astimezone(SEOUL).strftime("%Y-%m-%dT%H:%M")
    refused = client.post(reverse("applications:proposal-correction", args=[proposal.pk]),
                          {"reason": "Budget table incomplete", "due_at": past})
    assert refused.context["correction_form"].errors["due_at"] == ["The correction must be due in the future."]
    assert refused.context["correction_form"]["reason"].value() == "Budget table incomplete"
    due = (timezone.now() + timedelta(days=3)).astimezone(SEOUL).strftime("%Y-%m-%dT%H:%M")
    client.post(reverse("applications:proposal-correction", args=[proposal.pk]),
                {"reason": "Budget table incomplete", "due_at": due})
    proposal.refresh_from_db()
    assert proposal.status == ProposalStatus.CORRECTION_REQUESTED
    client.force_login(hamyang_official)
    client.post(reverse("applications:proposal-update", args=[proposal.pk]),
                {**SECTIONS, "summary": "보완한 개요", "partner_codes": ""})
    client.post(reverse("applications:proposal-submit", args=[proposal.pk]))
    proposal.refresh_from_db()
    assert proposal.status == ProposalStatus.RESUBMITTED
    compare = client.get(reverse("applications:proposal-versions", args=[proposal.pk]))
    changed = [row.label for row in compare.context["rows"] if row.changed]
    assert changed == ["Overview"]
    assert "version-changed" in compare.content.decode()


def test_proposal_list_runs_fixed_queries(client, open_contest, hamyang_official, django_assert_max_num_queries):
    council = make_user(Role.COUNCIL_STAFF)
    client.force_login(council)
    create_proposal(actor=hamyang_official, contest=open_contest, values=SECTIONS,
                    lead_local_government=hamyang_official.local_government)
    with django_assert_max_num_queries(10):  # 8, and two for each round's layout (periods, codes)
        client.get(reverse("applications:proposal-list"))
    for code in ("48880", "48890", "48860", "48850"):
        create_proposal(actor=hamyang_official, contest=open_contest, values=SECTIONS,
                        lead_local_government=LocalGovernment.objects.get(code=code))
    with django_assert_max_num_queries(10):
        response = client.get(reverse("applications:proposal-list"))
    assert len(response.context["proposals"]) == 5


def test_submitting_after_the_deadline_from_the_page_is_refused(client, hamyang_official):
    closed = make_contest(opens=datetime(2025, 10, 1, 9, 0, tzinfo=SEOUL),
                          closes=datetime(2025, 10, 20, 18, 0, tzinfo=SEOUL))
    proposal = create_proposal(actor=hamyang_official, contest=closed, values=SECTIONS,
                               lead_local_government=hamyang_official.local_government)
    client.force_login(hamyang_official)
    response = client.post(reverse("applications:proposal-submit", args=[proposal.pk]), follow=True)
    assert "The application deadline has passed." in response.content.decode()
    proposal.refresh_from_db()
    assert proposal.status == ProposalStatus.DRAFT


def test_detail_offers_only_the_actions_the_state_allows(client, proposal, hamyang_official):
    council = make_user(Role.COUNCIL_STAFF)
    client.force_login(council)
    draft_page = client.get(reverse("applications:proposal-detail", args=[proposal.pk])).context
    assert not draft_page["can_request_correction"]  # nothing submitted yet
    submit_proposal(actor=hamyang_official, proposal=proposal)
    submitted_page = client.get(reverse("applications:proposal-detail", args=[proposal.pk])).context
    assert submitted_page["can_request_correction"] and not submitted_page["can_submit"]
    client.force_login(hamyang_official)
    lead_page = client.get(reverse("applications:proposal-detail", args=[proposal.pk])).context
    assert lead_page["can_withdraw"] and not lead_page["can_submit"] and not lead_page["can_request_correction"]
