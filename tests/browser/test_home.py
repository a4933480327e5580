import pytest

from accounts.roles import Role
from tests.browser.conftest import screenshot
from tests.factories import PASSWORD, make_user

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_home_page_renders_with_css_and_javascript_served_by_the_portal(page, live_server):
    requested = []
    page.on("request", lambda request: requested.append(request.url))
    failed = []
    page.on("requestfailed", lambda request: failed.append(request.url))
    page.goto(live_server.url + "/")

    assert page.url.startswith(live_server.url + "/accounts/login/")
    assert page.locator("html").get_attribute("lang") == "ko"
    # Bootstrap's and the portal's CSS applied: the navigation bar has the theme's blue.
    navbar_color = page.eval_on_selector("nav.navbar", "el => getComputedStyle(el).backgroundColor")
    assert navbar_color == "rgb(10, 88, 202)"  # the theme's darker blue (contrast)
    # Bootstrap's and htmx's JavaScript loaded and running.
    assert page.evaluate("typeof window.bootstrap.Dropdown") == "function"
    assert page.evaluate("typeof window.htmx.ajax") == "function"
    # Every asset came from the portal itself.
    assert requested and all(url.startswith(live_server.url) for url in requested), requested
    assert any("/static/vendor/bootstrap/css/bootstrap.min.css" in url for url in requested)
    assert failed == []
    screenshot(page, "login")


def test_council_signs_in_switches_to_english_and_filters_the_registry(page, live_server):
    user = make_user(Role.COUNCIL_STAFF, first_name="협의", last_name="김")
    page.goto(live_server.url + "/")
    page.fill("input[name=username]", user.username)
    page.fill("input[name=password]", PASSWORD)
    page.click("#login-form button[type=submit]")
    page.wait_for_url(live_server.url + "/")
    assert page.inner_text("#count-population_declining") == "89"
    assert page.inner_text("#count-interest_area") == "18"
    screenshot(page, "council-landing-ko")

    page.click("#language-switch button[value=en]")
    page.wait_for_load_state()
    assert page.locator("html").get_attribute("lang") == "en"
    page.click("nav >> text=Region registry")
    page.wait_for_url("**/regions/")
    assert page.locator("html").get_attribute("lang") == "en"  # kept across pages

    # htmx: typing in the search box replaces only the table.
    page.fill("#registry-filter input[name=q]", "Hamyang")
    # a function, not a bare expression: Playwright would eval the expression, which the CSP forbids
    page.wait_for_function("() => document.querySelector('#registry-count').innerText.startsWith('1 ')")
    rows = page.locator("#registry-table tbody tr")
    assert rows.count() == 1
    assert "Hamyang-gun" in rows.first.inner_text()
    screenshot(page, "registry-en")
