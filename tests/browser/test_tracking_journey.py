"""MOJ staff record a region-specific visa allocation on a selected task; the council's dashboard shows it
and its figure leads to the row behind it."""
import pytest

from accounts.roles import Role
from ministries.models import Ministry
from tests.browser.conftest import screenshot, sign_in, watch_csp
from tests.factories import make_user
from tests.tracking.builders import confirmed_tasks

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_visa_allocation_recorded_by_moj_shows_on_the_council_dashboard(page, browser, live_server,
                                                                            django_capture_on_commit_callbacks,
                                                                            celery_eager):
    council = make_user(Role.COUNCIL_STAFF, language="en")
    hamyang = confirmed_tasks(council, django_capture_on_commit_callbacks)["48870"]
    moj = make_user(Role.MINISTRY_STAFF, ministry=Ministry.objects.get(code="MOJ"), language="en")

    sign_in(page, live_server, moj)
    page.click("nav >> text=Selected tasks")
    page.click(f"#task-table a[href$='/tracking/tasks/{hamyang.pk}/']")
    assert page.locator("#add-extinction_fund").count() == 0  # another ministry's line: no way to edit it
    page.click("#add-regional_visa")
    page.fill("[name=year]", "2026")
    page.select_option("[name=visa_type]", "F-2-R")
    page.fill("[name=requested]", "15")
    page.fill("[name=allocated]", "12")
    page.fill("[name=issued]", "13")
    page.fill("[name=reason]", "2026년 지역특화형 비자 함양군 배정 확정")
    page.click("#action-form button[type=submit]")
    page.wait_for_selector("#action-form .alert, #action-form .invalid-feedback")
    assert "Visas issued cannot exceed Persons allocated (12)." in page.inner_text("#action-form")
    assert page.input_value("[name=reason]") == "2026년 지역특화형 비자 함양군 배정 확정"  # nothing lost
    page.fill("[name=issued]", "9")
    page.click("#action-form button[type=submit]")
    page.wait_for_selector("#line-regional_visa td:has-text('12')")
    screenshot(page, "tracking-moj-visa")

    context = browser.new_context(locale="en-US", viewport={"width": 1280, "height": 900})
    council_page = context.new_page()
    council_page.set_default_timeout(10_000)
    refused = watch_csp(council_page)
    sign_in(council_page, live_server, council)
    council_page.click("nav >> text=Dashboard")
    council_page.wait_for_function("() => window.Chart && Chart.getChart('chart-money') !== undefined")
    card = council_page.locator("#support-regional_visa")
    assert "Persons allocated" in card.inner_text() and "12" in card.inner_text()
    screenshot(council_page, "tracking-dashboard")
    card.click()
    council_page.wait_for_selector("#rows")
    row = council_page.inner_text("#rows tbody")
    assert "Hamyang-gun" in row and "\t12\t" in row and "F-2-R" in row
    context.close()
    assert refused == []  # Chart.js and the dashboard's script ran under the Content-Security-Policy
