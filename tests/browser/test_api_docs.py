"""The API's documentation page (Swagger UI, served by the portal) works under the Content-Security-Policy:
its start-up script is a file, and the page fixture asserts the policy refused nothing."""
import pytest

from accounts.roles import Role
from tests.browser.conftest import screenshot, sign_in
from tests.factories import make_user

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_api_docs_list_the_operations(page, live_server):
    sign_in(page, live_server, make_user(Role.COUNCIL_STAFF, language="en"))
    page.goto(live_server.url + "/api/docs/")
    page.wait_for_selector(".opblock")
    assert page.locator(".opblock").count() > 60
    assert "auth" in page.inner_text("#swagger-ui")
    screenshot(page, "api-docs")
