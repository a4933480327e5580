"""Nothing typed is lost, in a real browser: a section tab clicked with unsaved changes saves them, the
draft saves itself and says when, leaving with unsaved changes asks first, and a form sent after the
session ended opens filled in after signing in again."""
from datetime import timedelta

import pytest
from django.contrib.sessions.models import Session
from django.utils import timezone

from accounts.roles import Role
from applications.services import create_proposal
from tests.applications.test_proposal_services import SECTIONS
from tests.browser.conftest import sign_in
from tests.factories import PASSWORD, make_contest, make_user

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def draft_and_official():
    now = timezone.now()
    contest = make_contest(opens=now - timedelta(days=1), closes=now + timedelta(days=2))
    official = make_user(Role.LOCAL_OFFICIAL, language="en")
    draft = create_proposal(actor=official, contest=contest, values=SECTIONS,
                            lead_local_government=official.local_government)
    return draft, official


def test_a_section_switch_keeps_the_budget_and_autosave_says_when(page, live_server, draft_and_official):
    draft, official = draft_and_official
    sign_in(page, live_server, official)
    page.goto(f"{live_server.url}/proposals/{draft.pk}/budget/")
    for year in (2026, 2027):
        for source, amount in (("national", "400,000,000"), ("provincial", "20,000,000"), ("local", "40,000,000")):
            page.fill(f"[name=amount_{year}_{source}]", amount)
    page.click("[data-section-nav] a[href$='/kpi-targets/']")
    page.wait_for_url(f"**/proposals/{draft.pk}/kpi-targets/")
    page.click("[data-section-nav] a[href$='/budget/']")
    assert page.input_value("[name=amount_2026_national]") == "400,000,000"

    page.click("[data-section-nav] a[href$='/kpi-targets/']")
    page.fill("#kpi-form [name=jobs]", "60")
    page.eval_on_selector("#kpi-form", "form => form.dispatchEvent(new Event('portal:autosave'))")
    page.wait_for_selector("#kpi-form [data-autosave-status]:has-text('Draft saved at')")
    assert dict(draft.kpi_targets.values_list("indicator", "target"))["jobs"] == 60


def test_leaving_with_unsaved_changes_asks_first(page, live_server, draft_and_official):
    draft, official = draft_and_official
    sign_in(page, live_server, official)
    page.goto(f"{live_server.url}/proposals/{draft.pk}/kpi-targets/")
    asked = []

    def dismiss(dialog):
        asked.append(dialog.type)
        dialog.dismiss()

    page.on("dialog", dismiss)
    page.click("#kpi-form [name=jobs]")
    page.keyboard.type("70")
    page.click(".breadcrumb a[href='/proposals/']", no_wait_after=True)
    page.wait_for_timeout(500)
    assert asked == ["beforeunload"]
    assert page.url.endswith("/kpi-targets/")


def test_a_form_sent_after_the_session_ended_is_filled_in_after_signing_in(page, live_server, draft_and_official):
    draft, official = draft_and_official
    sign_in(page, live_server, official)
    page.goto(f"{live_server.url}/proposals/{draft.pk}/kpi-targets/")
    page.fill("#kpi-form [name=jobs]", "80")
    page.fill("#kpi-form [name=youth_jobs]", "30")
    Session.objects.all().delete()  # the session ends while the form is open
    page.click("#kpi-form button[type=submit]")
    page.wait_for_url("**/accounts/login/**")
    page.fill("input[name=username]", official.username)
    page.fill("input[name=password]", PASSWORD)
    page.click("#login-form button[type=submit]")
    page.wait_for_url(f"**/proposals/{draft.pk}/kpi-targets/")
    page.wait_for_selector("#kept-post-note")
    assert page.input_value("#kpi-form [name=jobs]") == "80"
    assert page.input_value("#kpi-form [name=youth_jobs]") == "30"
    page.click("#kpi-form button[type=submit]")
    page.wait_for_selector("#checklist")
    assert dict(draft.kpi_targets.values_list("indicator", "target")) == {"jobs": 80, "youth_jobs": 30}


def test_half_typed_rows_are_kept_by_a_section_switch_and_by_autosave(page, live_server, draft_and_official):
    """A company with only its name, a request without its persons: a tab switch and an autosave both keep
    them, and coming back shows them as typed with what each still lacks before submission."""
    draft, official = draft_and_official
    sign_in(page, live_server, official)
    page.goto(f"{live_server.url}/proposals/{draft.pk}/companies/")
    page.fill("[name=companies-0-name]", "한빛식품")
    page.click("[data-section-nav] a[href$='/support-requests/']")
    page.wait_for_url(f"**/proposals/{draft.pk}/support-requests/")
    page.select_option("[name=requests-regional_visa-0-visa_type]", "F-2-R")
    page.eval_on_selector("#support-form", "form => form.dispatchEvent(new Event('portal:autosave'))")
    page.wait_for_selector("#support-form [data-autosave-status]:has-text('Draft saved at')")
    assert draft.support_requests.get().values == {"visa_type": "F-2-R"}

    page.click("[data-section-nav] a[href$='/companies/']")
    assert page.input_value("[name=companies-0-name]") == "한빛식품"
    assert "Still missing: Business registration number, Growth stage." in page.inner_text("#companies-form")
    page.click("[data-section-nav] a[href$='/support-requests/']")
    assert page.input_value("[name=requests-regional_visa-0-visa_type]") == "F-2-R"
    assert "Persons requested is required." in page.inner_text("#request-line-regional_visa")
