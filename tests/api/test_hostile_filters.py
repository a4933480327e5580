"""Every list of the API with hostile filter values (issue 21, kind 6): each filter its filterset declares, plus
``page``, ``ordering`` and ``search``, gets a number past 64 bits, a negative, year 1, text, and a NUL. No answer
is a 500; a NUL is a 400."""
import pytest
from rest_framework.routers import DefaultRouter

from config.api_urls import router
from tests.factories import api_as

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("registry")]

HOSTILE = ["1" + "0" * 20, str(2**63), "-" + "9" * 19, "0001-01-01", "9999-12-31T23:59:59Z", "1e30", "x" * 300]


def list_endpoints() -> dict[str, list[str]]:
    """Each list URL (under /api/v1/) with the query parameters it reads."""
    endpoints = {}
    for prefix, viewset, _basename in router.registry:
        if not hasattr(viewset, "list"):
            continue
        filterset = getattr(viewset, "filterset_class", None)
        names = list(filterset.base_filters) if filterset else list(getattr(viewset, "filterset_fields", []) or [])
        endpoints[f"/api/v1/{prefix}/"] = [*names, "page", "ordering", "search"]
    return endpoints


def test_every_list_filter_survives_hostile_values(tasks, council):
    assert isinstance(router, DefaultRouter)
    api = api_as(council)
    problems = []
    endpoints = list_endpoints()
    assert len(endpoints) >= 10
    for url, names in endpoints.items():
        for name in names:
            for value in HOSTILE:
                response = api.get(url, {name: value})
                if response.status_code >= 500:
                    problems.append(f"{url}?{name}={value[:30]}: {response.status_code}")
            response = api.get(f"{url}?{name}=%00")
            if response.status_code != 400:
                problems.append(f"{url}?{name}=%00: {response.status_code}")
    assert not problems, "\n".join(problems)
