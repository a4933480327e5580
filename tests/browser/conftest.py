"""Headless Chromium from Debian's package, driven by Playwright; never a downloaded browser."""
import os
import shutil
from pathlib import Path

import pytest

CHROMIUM = os.environ.get("PORTAL_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
# Flags for a closed network: no background calls home, no sandbox as root in CI.
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).exists():
        message = "Debian's chromium is not installed (apt-get install chromium)"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    # Playwright's sync API runs an event loop in this thread; the live server's ORM calls
    # happen in its own thread, but fixtures touching the ORM here need this allowance.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser, live_server, registry, settings):
    # As in production, pages are kept between writes: the live server commits, so every journey's
    # reads after its own writes show that the kept pages follow them (core.page_cache).
    settings.PAGE_CACHE_SECONDS = 60
    context = browser.new_context(locale="en-US", viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.set_default_timeout(10_000)
    refused = watch_csp(page)
    yield page
    context.close()
    assert refused == [], "the Content-Security-Policy refused something the page needs"


def watch_csp(page) -> list[str]:
    """What the Content-Security-Policy refuses on ``page`` (Chromium reports it on the console); every
    journey ends asserting it refused nothing, so a script or style the pages need is never blocked."""
    refused: list[str] = []
    page.on("console", lambda message: refused.append(message.text)
            if "Content Security Policy" in message.text else None)
    return refused


def screenshot(page, name: str) -> None:
    """Keep a picture of what the journey saw, for people to look at (not asserted)."""
    folder = Path(__file__).resolve().parents[2] / "var" / "screenshots"
    folder.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(folder / f"{name}.png"), full_page=True)


def sign_in(page, live_server, user) -> None:
    """Sign in through the login page (the factories' password) and land on the role's start page."""
    from tests.factories import PASSWORD

    page.goto(live_server.url + "/accounts/login/")
    page.fill("input[name=username]", user.username)
    page.fill("input[name=password]", PASSWORD)
    page.click("#login-form button[type=submit]")
    page.wait_for_url(live_server.url + "/")


def sign_in_again(page, user) -> None:
    """The session ended while a form was open and the form was sent: sign in on the login page the portal
    showed, and land back on the form, filled in with what was typed (core.kept_posts)."""
    from tests.factories import PASSWORD

    page.wait_for_url("**/accounts/login/**")
    page.fill("input[name=username]", user.username)
    page.fill("input[name=password]", PASSWORD)
    page.click("#login-form button[type=submit]")
    page.wait_for_selector("#kept-post-note")
