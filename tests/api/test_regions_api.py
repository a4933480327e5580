import pytest
from django.core.cache import cache
from django.core.management import call_command
from rest_framework.test import APIClient

from accounts.roles import Role
from tests.factories import PASSWORD, make_user

pytestmark = pytest.mark.usefixtures("registry")


@pytest.fixture
def api():
    return APIClient()


@pytest.mark.parametrize("path", ["/api/v1/local-governments/", "/api/v1/provinces/", "/api/v1/designations/"])
def test_anonymous_callers_are_refused(api, path):
    assert api.get(path).status_code in (401, 403)


def test_token_then_filtered_list(api):
    user = make_user(Role.LOCAL_OFFICIAL)
    token = api.post("/api/v1/auth/token/", {"username": user.username, "password": PASSWORD}).json()["token"]
    api.credentials(HTTP_AUTHORIZATION=f"Token {token}")
    response = api.get("/api/v1/local-governments/", {"province_code": "48", "designation": "population_declining"})
    assert response.status_code == 200
    body = response.json()
    assert body["count"] == 11
    hamyang = next(row for row in body["results"] if row["code"] == "48870")
    assert hamyang["province"]["name_en"] == "Gyeongsangnam-do"
    assert [d["kind"] for d in hamyang["designations"]] == ["population_declining"]


def test_search_by_earlier_code_and_code_history(api):
    api.force_authenticate(make_user(Role.REVIEWER))
    body = api.get("/api/v1/local-governments/", {"q": "47720"}).json()
    assert [row["name_en"] for row in body["results"]] == ["Gunwi-gun"]
    assert [c["code"] for c in body["results"][0]["codes"]] == ["47720", "27720"]


def test_list_runs_a_fixed_number_of_queries(api, django_assert_max_num_queries):
    api.force_authenticate(make_user(Role.COUNCIL_STAFF))
    with django_assert_max_num_queries(6):
        full_page = api.get("/api/v1/local-governments/")
    with django_assert_max_num_queries(6):
        one_row = api.get("/api/v1/local-governments/", {"q": "함양"})
    assert len(full_page.json()["results"]) == 50 and one_row.json()["count"] == 1


def test_bad_filter_value_is_a_json_field_error(api):
    api.force_authenticate(make_user(Role.COUNCIL_STAFF))
    response = api.get("/api/v1/local-governments/", {"designation": "nonsense"})
    assert response.status_code == 400
    assert "designation" in response.json()


def test_token_endpoint_is_throttled(api):
    cache.clear()
    # A different username each time, so the per-account lockout never answers: only the rate limit.
    statuses = [api.post("/api/v1/auth/token/", {"username": f"nobody{n}", "password": "wrong"}).status_code
                for n in range(12)]
    assert statuses[:10] == [400] * 10
    assert statuses[10:] == [429, 429]
    cache.clear()


def test_schema_is_valid_openapi(capsys):
    call_command("spectacular", "--validate", "--fail-on-warn")
    schema = capsys.readouterr().out
    assert "/api/v1/local-governments/" in schema and "/api/v1/auth/token/" in schema


def test_api_docs_are_served_without_a_cdn(client):
    client.force_login(make_user(Role.COUNCIL_STAFF))
    body = client.get("/api/docs/").content.decode()
    assert "drf_spectacular_sidecar" in body
    assert not any(host in body for host in ("//cdn", "jsdelivr", "unpkg", "cdnjs"))  # not "cdn": tokens vary


@pytest.mark.parametrize("ordering", ["kind", "-kind", "valid_from"])
def test_paging_through_designations_in_an_order_many_share_gives_each_row_once(api, ordering):
    """Hundreds of designations share a kind or a day: every page request splits them at the same place
    (PostgreSQL sorts tied rows differently for each LIMIT/OFFSET unless a unique key ends the order)."""
    from regions.models import Designation

    api.force_authenticate(make_user(Role.REVIEWER))
    seen, page = [], 1
    while page:
        body = api.get("/api/v1/designations/", {"ordering": ordering, "page": page}).json()
        seen += [row["id"] for row in body["results"]]
        page = page + 1 if body["next"] else None
    assert page is None and len(seen) == len(set(seen)) == Designation.objects.count() > 50
