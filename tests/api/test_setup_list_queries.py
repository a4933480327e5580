"""The council's setup lists run the same number of queries for one row as for several (no query per row)."""
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from accounts.roles import Role
from reviews.models import Panel
from tests.factories import api_as, make_contest, make_user
from tests.reviews.builders import make_reviewer, make_rubric

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("registry")]

LISTS = ("/api/v1/panels/", "/api/v1/rubrics/", "/api/v1/reviewer-pool/", "/api/v1/designation-imports/")


def add_rows(year: int) -> None:
    contest = make_contest(year=year)
    make_rubric(contest)
    panel = Panel.objects.create(contest=contest, stage="document", name="1분과")
    panel.members.set([make_reviewer(), make_reviewer()])


def counts(api) -> dict[str, int]:
    result = {}
    for url in LISTS:
        with CaptureQueriesContext(connection) as captured:
            assert api.get(url).status_code == 200, url
        result[url] = len(captured)
    return result


def test_setup_lists_do_not_query_per_row():
    api = api_as(make_user(Role.COUNCIL_STAFF))
    add_rows(2025)
    one = counts(api)
    for year in (2026, 2027, 2028):
        add_rows(year)
    assert counts(api) == one
