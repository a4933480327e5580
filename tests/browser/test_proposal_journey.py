from datetime import timedelta

import pytest
from django.utils import timezone

from accounts.roles import Role
from applications.models import Proposal, ProposalStatus
from tests import documents
from tests.applications.test_proposal_services import SECTIONS
from tests.browser.conftest import screenshot, sign_in
from tests.factories import make_contest, make_user

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_official_goes_from_an_empty_draft_to_a_submitted_receipt(page, live_server):
    now = timezone.now()
    contest = make_contest(opens=now - timedelta(days=1), closes=now + timedelta(days=2))
    official = make_user(Role.LOCAL_OFFICIAL, language="en")
    sign_in(page, live_server, official)

    page.click("nav >> text=Proposals")
    page.click(f"a[href$='?contest={contest.pk}']")
    page.fill("#proposal-form [name=title]", SECTIONS["title"])
    page.click("#proposal-form button[type=submit]")
    page.wait_for_selector("#checklist")
    assert page.locator("#checklist .bi-circle").count() == 10  # five texts and five structured parts missing

    page.click("a.btn[href$='/edit/']")
    for name, value in SECTIONS.items():
        page.fill(f"#proposal-form [name={name}]", value)
    page.click("#proposal-form button[type=submit]")
    page.wait_for_selector("#checklist")
    assert page.locator("#checklist .bi-circle").count() == 5

    page.click("a[href$='/companies/']")
    page.fill("[name=companies-0-name]", "지리산산삼바이오")
    page.fill("[name=companies-0-business_registration_number]", "220-81-62518")
    page.click("#companies-form button[type=submit]")
    assert "check digit does not match" in page.inner_text("#companies-form")
    assert page.input_value("[name=companies-0-name]") == "지리산산삼바이오"  # kept after the refusal
    page.fill("[name=companies-0-business_registration_number]", "220-81-62517")
    page.select_option("[name=companies-0-growth_stage]", "early")
    page.check("[name=companies-0-youth_led]")
    page.click("#companies-form button[type=submit]")
    page.wait_for_selector("#checklist")

    page.click("a[href$='/budget/']")
    for year in (2026, 2027):
        for source, amount in (("national", "500,000,000"), ("provincial", "25,000,000"), ("local", "50,000,000")):
            page.fill(f"[name=amount_{year}_{source}]", amount)
    page.click("#budget-form button[type=submit]")
    page.wait_for_selector("#checklist")
    assert "1,150,000,000" in page.inner_text("#budget")

    page.click("a[href$='/kpi-targets/']")
    for name, value in (("jobs", "60"), ("youth_jobs", "25"), ("companies_supported", "20"),
                        ("sales_krw", "3,000,000,000"), ("population_influx", "120")):
        page.fill(f"#kpi-form [name={name}]", value)
    page.click("#kpi-form button[type=submit]")
    page.wait_for_selector("#checklist")

    page.click("a[href$='/support-requests/']")
    page.select_option("[name=requests-regional_visa-0-visa_type]", "F-2-R")
    page.fill("[name=requests-regional_visa-0-requested]", "10")
    page.click("#support-form button[type=submit]")
    page.wait_for_selector("#checklist")

    page.click("a[href$='/attachments/']")
    for kind, name in (("business_plan", "사업계획서.pdf"), ("presentation", "발표자료.pdf")):
        page.select_option("#attachment-form [name=kind]", kind)
        page.set_input_files("#attachment-form [name=file]",
                             files=[{"name": name, "mimeType": "application/pdf", "buffer": documents.pdf()}])
        page.click("#attachment-form button[type=submit]")
        page.wait_for_selector(f"#attachment-list >> text={name}")
    page.click("text=Back to the proposal")
    page.wait_for_selector("#checklist")
    assert page.locator("#checklist .bi-circle").count() == 0

    page.click("#submit-proposal")
    dialog = page.locator("#confirm-dialog")
    dialog.wait_for(state="visible")
    assert "cannot be changed" in dialog.inner_text()
    # once shown, the focus is on Cancel, the safe choice
    page.wait_for_function("() => document.activeElement.id === 'confirm-dialog-cancel'")
    page.keyboard.press("Escape")  # the keyboard closes it, and nothing is sent
    dialog.wait_for(state="hidden")
    assert Proposal.objects.get().status == ProposalStatus.DRAFT
    page.click("#submit-proposal")
    dialog.wait_for(state="visible")
    page.wait_for_function("() => document.activeElement.id === 'confirm-dialog-cancel'")
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    page.wait_for_selector("#receipt")
    proposal = Proposal.objects.get()
    assert proposal.status == ProposalStatus.SUBMITTED
    assert proposal.receipt_number in page.inner_text("#receipt")
    assert f"Receipt number {proposal.receipt_number}, version 1" in page.inner_text(".alert-success")
    screenshot(page, "proposal-submitted")
