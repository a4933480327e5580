"""The API's lists run the same number of queries with 4 selected tasks as with 14: nothing is fetched per row."""
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from rest_framework.test import APIClient

from tests.tracking.builders import more_tasks

pytestmark = pytest.mark.django_db

LISTS = ("/api/v1/proposals/", "/api/v1/selected-tasks/", "/api/v1/progress-reports/",
         "/api/v1/support-lines/regional_visa/", "/api/v1/support-lines/sme_commercialization/",
         "/api/v1/score-sheets/", "/api/v1/assignments/", "/api/v1/selection-runs/", "/api/v1/contests/")


def query_counts(api) -> dict[str, int]:
    counts = {}
    for url in LISTS:
        with CaptureQueriesContext(connection) as queries:
            assert api.get(url).status_code == 200
        counts[url] = len(queries)
    return counts


def test_api_lists_do_not_grow_with_their_rows(hamyang, council, django_assert_max_num_queries):
    api = APIClient()
    api.force_authenticate(council)
    more_tasks(hamyang.decision.run, 2)
    few = query_counts(api)
    more_tasks(hamyang.decision.run, 10)
    assert query_counts(api) == few
    with django_assert_max_num_queries(8):
        api.get("/api/v1/selected-tasks/?status=preparing&ordering=-opened_at")
    detail = f"/api/v1/selected-tasks/{hamyang.pk}/"
    with django_assert_max_num_queries(25):
        assert api.get(detail).status_code == 200
