import pytest
from django.urls import reverse

from accounts.roles import Role
from tests.factories import make_user

pytestmark = pytest.mark.usefixtures("registry")


def test_portal_opens_in_korean_even_for_an_english_browser(client):
    response = client.get(reverse("login"), headers={"Accept-Language": "en-US,en;q=0.9"})
    body = response.content.decode()
    assert '<html lang="ko">' in body
    assert "로그인" in body


def test_switching_to_english_is_kept_across_pages_and_on_the_account(client):
    user = make_user(Role.COUNCIL_STAFF)
    client.force_login(user)
    response = client.post(reverse("set_language"), {"language": "en", "next": reverse("regions:list")})
    assert response.status_code == 302 and response.url == reverse("regions:list")
    for url in (reverse("regions:list"), reverse("regions:provinces"), reverse("home")):
        assert '<html lang="en">' in client.get(url).content.decode()
    user.refresh_from_db()
    assert user.language == "en"


def test_a_user_who_chose_english_gets_it_in_a_new_browser(client):
    client.force_login(make_user(Role.REVIEWER, language="en"))
    assert '<html lang="en">' in client.get(reverse("home")).content.decode()


def test_switch_back_to_korean(client):
    client.force_login(make_user(Role.REVIEWER, language="en"))
    client.post(reverse("set_language"), {"language": "ko", "next": "/"})
    assert '<html lang="ko">' in client.get(reverse("home")).content.decode()


def test_switch_ignores_unsafe_next_and_unknown_languages(client):
    response = client.post(reverse("set_language"), {"language": "fr", "next": "https://evil.example/"})
    assert response.status_code == 302
    assert "evil.example" not in response.url
    assert '<html lang="ko">' in client.get(reverse("login")).content.decode()
