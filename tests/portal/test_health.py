"""Requests every browser makes on its own: the icon."""
from django.contrib.staticfiles import finders


def test_the_browser_s_favicon_request_finds_the_portal_s_icon(client):
    response = client.get("/favicon.ico")
    assert response.status_code == 301 and response["Location"].endswith("img/favicon.svg")
    assert finders.find("img/favicon.svg"), "the icon the redirect names is shipped"
    page = client.get("/accounts/login/").content.decode()
    assert 'rel="icon"' in page and "img/favicon.svg" in page
