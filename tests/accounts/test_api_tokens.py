"""API tokens end (issue 21, kind 7): they expire, end at a password change and at sign-out, and their owner
revokes them with DELETE /api/v1/auth/token/. Clients keep POSTing username and password for one."""
from datetime import timedelta

import pytest
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone
from knox.models import AuthToken
from rest_framework.test import APIClient

from accounts.roles import Role
from tests.factories import PASSWORD, make_user

pytestmark = pytest.mark.usefixtures("registry")

TOKEN_URL = "/api/v1/auth/token/"
READ_URL = "/api/v1/notifications/"


@pytest.fixture(autouse=True)
def fresh_throttle():
    from django.core.cache import cache

    cache.clear()


def token_for(user) -> str:
    response = APIClient().post(TOKEN_URL, {"username": user.username, "password": PASSWORD})
    assert response.status_code == 200, response.content
    return response.json()["token"]


def reads(token: str) -> int:
    """200, or REFUSED for a token that no longer authenticates."""
    api = APIClient()
    api.credentials(HTTP_AUTHORIZATION=f"Token {token}")
    status = api.get(READ_URL).status_code
    return REFUSED if status in {401, 403} else status


REFUSED = "refused"


def test_a_token_is_issued_for_username_and_password_with_its_expiry():
    user = make_user(Role.LOCAL_OFFICIAL)
    response = APIClient().post(TOKEN_URL, {"username": user.username, "password": PASSWORD})
    body = response.json()
    assert response.status_code == 200 and body["expiry"] and reads(body["token"]) == 200
    assert not AuthToken.objects.filter(digest__contains=body["token"]).exists()  # kept only as a digest


def test_a_token_expires_after_the_configured_lifetime():
    user = make_user(Role.LOCAL_OFFICIAL)
    with override_settings(REST_KNOX={"TOKEN_TTL": timedelta(hours=2)}):
        token = token_for(user)
    stored = AuthToken.objects.get(user=user)
    assert abs(stored.expiry - (timezone.now() + timedelta(hours=2))) < timedelta(minutes=1)
    assert reads(token) == 200
    AuthToken.objects.filter(pk=stored.pk).update(expiry=timezone.now() - timedelta(seconds=1))
    assert reads(token) == REFUSED


def test_the_owner_revokes_his_token_with_delete():
    user = make_user(Role.LOCAL_OFFICIAL)
    token, other = token_for(user), token_for(user)
    api = APIClient()
    api.credentials(HTTP_AUTHORIZATION=f"Token {token}")
    assert api.delete(TOKEN_URL).status_code == 204
    assert reads(token) == REFUSED and reads(other) == 200  # only the one it carried


def test_a_signed_in_owner_revokes_all_his_tokens():
    user = make_user(Role.LOCAL_OFFICIAL)
    token = token_for(user)
    api = APIClient()
    api.force_login(user)
    assert api.delete(TOKEN_URL).status_code == 204 and reads(token) == REFUSED


def test_a_password_change_ends_every_token_and_the_new_password_gets_a_new_one(client):
    user = make_user(Role.LOCAL_OFFICIAL)
    token = token_for(user)
    client.force_login(user)
    changed = client.post(reverse("password_change"), {"old_password": PASSWORD, "new_password1": "another-phrase-42",
                                                       "new_password2": "another-phrase-42"})
    assert changed.status_code == 302
    assert reads(token) == REFUSED
    fresh = APIClient().post(TOKEN_URL, {"username": user.username, "password": "another-phrase-42"})
    assert fresh.status_code == 200 and reads(fresh.json()["token"]) == 200


def test_a_password_set_in_the_admin_or_shell_ends_every_token_too():
    user = make_user(Role.LOCAL_OFFICIAL)
    token = token_for(user)
    user.set_password("reset-by-admin-77")
    user.save()
    assert reads(token) == REFUSED


def test_signing_out_ends_the_users_tokens(client):
    user = make_user(Role.LOCAL_OFFICIAL)
    token = token_for(user)
    client.force_login(user)
    client.post(reverse("logout"))
    assert reads(token) == REFUSED


def test_a_wrong_password_gets_no_token_and_says_so():
    user = make_user(Role.LOCAL_OFFICIAL)
    response = APIClient().post(TOKEN_URL, {"username": user.username, "password": "wrong"})
    assert response.status_code == 400 and "token" not in response.json()


@pytest.mark.django_db
@pytest.mark.parametrize("header", [
    "Token é", "Token " + "\u00ff" * 20, "Token \u00ea\u00b0\u0080",  # the last: 가 in UTF-8, as the server reads it
    "Token " + "x" * 10_000, "Token", "Token a b", "Bearer x", "Basic !!!"])
def test_a_malformed_authorization_header_is_refused_not_a_500(header):
    """A secret carrying a byte above 127 (the server reads headers as Latin-1) made knox's UTF-8 decoding raise:
    a 500 on every endpoint, the token exchange too."""
    api = APIClient()
    api.credentials(HTTP_AUTHORIZATION=header)
    for url in (READ_URL, TOKEN_URL, "/api/v1/contests/"):
        assert api.get(url).status_code in {401, 403}, (header[:20], url)
    make_user(Role.COUNCIL_STAFF, username="owner")
    assert api.post(TOKEN_URL, {"username": "owner", "password": PASSWORD}).status_code in {200, 401, 403}
