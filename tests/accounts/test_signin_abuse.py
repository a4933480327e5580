"""Sign-in abuse (issue 21, kind 8), walked through every door a password goes in by: the sign-in page, the
admin's sign-in and the API's token endpoint. The client address is trusted from X-Forwarded-For only through
the configured proxies; an address is limited across accounts as well as per account; a rotating
X-Forwarded-For escapes neither the lockout nor the token endpoint's throttle; the API says it is locked."""
import pytest
from django.conf import settings
from django.core.cache import cache
from django.test import Client, override_settings
from django.urls import reverse

from accounts.roles import Role
from tests.factories import PASSWORD, make_user

pytestmark = pytest.mark.usefixtures("registry", "english")

PROXY = "10.0.0.1"
BEHIND_ONE_PROXY = override_settings(TRUSTED_PROXY_COUNT=1,
                                     REST_FRAMEWORK={**settings.REST_FRAMEWORK, "NUM_PROXIES": 1})


@pytest.fixture(autouse=True)
def fresh_throttle():
    cache.clear()


def english_client() -> Client:
    """Anonymous callers get Korean; the language cookie asks for English, so messages can be quoted."""
    client = Client()
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    return client


def page(username, password, **meta):
    return english_client().post(reverse("login"), {"username": username, "password": password}, **meta)


def admin(username, password, **meta):
    return english_client().post(reverse("admin:login"), {"username": username, "password": password,
                                                  "next": "/admin/"}, **meta)


def token(username, password, **meta):
    return english_client().post("/api/v1/auth/token/", {"username": username, "password": password}, **meta)


DOORS = {"page": page, "admin": admin, "token": token}


def signed_in(door: str, response) -> bool:
    return response.status_code == 200 and "token" in response.json() if door == "token" \
        else response.status_code == 302


def locked(door: str, response) -> bool:
    if door == "token":
        return response.status_code in {403, 429} and "locked" in response.json()["detail"]
    return response.status_code in {403, 429}


def official(door: str):
    role = Role.ADMINISTRATOR if door == "admin" else Role.LOCAL_OFFICIAL
    return make_user(role)


@pytest.mark.parametrize("door", DOORS)
def test_behind_a_proxy_an_attackers_guesses_lock_only_his_own_address(door):
    attempt, user = DOORS[door], official(door)
    with BEHIND_ONE_PROXY:
        for _ in range(settings.AXES_FAILURE_LIMIT):
            attempt(user.username, "guess", REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR="203.0.113.9")
        assert locked(door, attempt(user.username, PASSWORD, REMOTE_ADDR=PROXY,
                                    HTTP_X_FORWARDED_FOR="203.0.113.9"))
        assert signed_in(door, attempt(user.username, PASSWORD, REMOTE_ADDR=PROXY,
                                       HTTP_X_FORWARDED_FOR="198.51.100.7"))


@pytest.mark.parametrize("door", DOORS)
def test_without_a_trusted_proxy_a_forged_forwarded_for_escapes_nothing(door):
    attempt, user = DOORS[door], official(door)
    for number in range(settings.AXES_FAILURE_LIMIT):
        cache.clear()  # the throttle has its own test; this one is about the lockout
        attempt(user.username, "guess", HTTP_X_FORWARDED_FOR=f"192.0.2.{number}")
    cache.clear()
    assert locked(door, attempt(user.username, PASSWORD, HTTP_X_FORWARDED_FOR="192.0.2.200"))


@pytest.mark.parametrize("door", DOORS)
def test_spraying_one_address_across_accounts_locks_the_address(door):
    attempt = DOORS[door]
    per_account = settings.AXES_FAILURE_LIMIT - 1
    accounts = -(-settings.AXES_ADDRESS_FAILURE_LIMIT // per_account)
    for _ in range(accounts):
        username = make_user(Role.LOCAL_OFFICIAL).username
        for _ in range(per_account):
            cache.clear()
            attempt(username, "Spring2026!", REMOTE_ADDR="203.0.113.50")
    cache.clear()
    user = official(door)
    assert locked(door, attempt(user.username, PASSWORD, REMOTE_ADDR="203.0.113.50"))
    assert signed_in(door, attempt(user.username, PASSWORD, REMOTE_ADDR="203.0.113.51"))


def test_the_api_says_the_account_is_locked():
    user = make_user(Role.LOCAL_OFFICIAL)
    for _ in range(settings.AXES_FAILURE_LIMIT):
        token(user.username, "guess")
    response = token(user.username, PASSWORD)
    assert response.status_code == 429
    assert "locked" in response.json()["detail"] and "credentials" not in response.json()["detail"]


def test_a_rotating_forwarded_for_does_not_escape_the_token_endpoints_throttle():
    user = make_user(Role.LOCAL_OFFICIAL)
    statuses = [token(user.username, "guess" if number % 2 else PASSWORD,
                      HTTP_X_FORWARDED_FOR=f"192.0.2.{number}").status_code for number in range(12)]
    assert statuses[-1] == 429 and 429 in statuses[:11]


def test_behind_a_proxy_the_throttle_counts_each_client_apart():
    user = make_user(Role.LOCAL_OFFICIAL)
    with BEHIND_ONE_PROXY:
        for number in range(12):
            response = token(user.username, PASSWORD, REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR=f"192.0.2.{number}")
            assert response.status_code == 200
