from datetime import timedelta

import pytest
from django.utils import timezone

from accounts.roles import Role
from applications.models import Proposal, ProposalStatus
from tests.applications.test_proposal_services import SECTIONS
from tests.browser.conftest import screenshot
from tests.factories import PASSWORD, make_contest, make_user

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_official_goes_from_an_empty_draft_to_a_submitted_receipt(page, live_server):
    now = timezone.now()
    contest = make_contest(opens=now - timedelta(days=1), closes=now + timedelta(days=2))
    official = make_user(Role.LOCAL_OFFICIAL, language="en")
    page.goto(live_server.url + "/accounts/login/")
    page.fill("input[name=username]", official.username)
    page.fill("input[name=password]", PASSWORD)
    page.click("#login-form button[type=submit]")
    page.wait_for_url(live_server.url + "/")

    page.click("nav >> text=Proposals")
    page.click(f"a[href$='?contest={contest.pk}']")
    page.fill("#proposal-form [name=title]", SECTIONS["title"])
    page.click("#proposal-form button[type=submit]")
    page.wait_for_selector("#checklist")
    assert page.locator("#checklist .bi-circle").count() == 5  # five sections still missing

    page.click("text=Edit")
    for name, value in SECTIONS.items():
        page.fill(f"#proposal-form [name={name}]", value)
    page.click("#proposal-form button[type=submit]")
    page.wait_for_selector("#checklist")
    assert page.locator("#checklist .bi-circle").count() == 0

    page.click("#submit-proposal")
    page.wait_for_selector("#receipt")
    proposal = Proposal.objects.get()
    assert proposal.status == ProposalStatus.SUBMITTED
    assert proposal.receipt_number in page.inner_text("#receipt")
    assert f"Receipt number {proposal.receipt_number}, version 1" in page.inner_text(".alert-success")
    screenshot(page, "proposal-submitted")
