"""The cache's Redis down: the API's token endpoint (throttled through the cache) and a signed-in page still
answer; nothing is a 500. Needs no Redis: the cache is pointed at a closed port."""
import pytest
from django.core.cache import cache
from rest_framework.test import APIClient

from accounts.roles import Role
from tests.factories import PASSWORD, make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def cache_down(settings):
    settings.CACHES = {"default": {"BACKEND": "core.cache.ForgivingRedisCache",
                                   "LOCATION": "redis://127.0.0.1:1/0"}}  # nothing listens: refused at once
    yield
    cache.close()


def test_the_token_endpoint_answers_with_the_cache_down(cache_down):
    user = make_user(Role.LOCAL_OFFICIAL)
    api = APIClient()
    answer = api.post("/api/v1/auth/token/", {"username": user.username, "password": PASSWORD})
    assert answer.status_code == 200 and answer.json()["token"]
    assert api.post("/api/v1/auth/token/", {"username": user.username, "password": "wrong"}).status_code == 400


def test_the_cache_misses_and_drops_writes_when_down(cache_down):
    assert cache.get("anything", "default") == "default" and cache.get("anything") is None
    assert cache.set("key", 1) is None and cache.add("key", 1) is False and cache.get_many(["key"]) == {}
    with pytest.raises(ValueError):
        cache.incr("key")
