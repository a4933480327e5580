"""The benchmarked pages run as many queries with one round of national data as with several: no page does
work per row. The rounds compared are 1 and ``SCALE_TEST_ROUNDS`` (3 unless set; the benchmark's 10 take
about a minute on PostgreSQL: ``SCALE_TEST_ROUNDS=10``)."""
import os

import pytest
from django.core.management import call_command

from audit.models import AuditEntry
from portal.scale.pages import bench_pages, load_pages
from tests.portal.test_page_cache import KEPT_PAGE_QUERIES

pytestmark = pytest.mark.usefixtures("registry")

MORE_ROUNDS = int(os.environ.get("SCALE_TEST_ROUNDS", "3"))


def queries_per_page() -> dict[str, int]:
    counts = {}
    for page, _client, status, queries in load_pages(bench_pages()):
        assert status == 200, page
        counts[page.name] = queries
    return counts


def test_every_benchmarked_page_runs_the_same_queries_at_one_round_and_at_more(db):
    call_command("seed_scale", rounds=1)
    at_one_round = queries_per_page()
    call_command("seed_scale", rounds=MORE_ROUNDS)
    rows = {page.name: page.rows for page in bench_pages()}
    assert rows["API proposals"] == 250 * MORE_ROUNDS  # the all-rounds lists did grow
    assert queries_per_page() == at_one_round
    # at most 16 a page, and two to stand its rows in their round's layout (periods, codes; issue 20)
    assert len(at_one_round) == 16 and max(at_one_round.values()) <= 18
    assert AuditEntry.objects.filter(action="command.ran", target_id="seed_scale").count() == 2  # each run


def test_every_benchmarked_page_is_kept_when_read_again(db, settings):
    """Each page the benchmark loads can be served from the page cache: none sets a cookie, changes the
    session or says no-store on a plain read (else it would quietly render every time)."""
    settings.PAGE_CACHE_SECONDS = 60
    call_command("seed_scale", rounds=1)
    # The first load brings the CSRF cookie, the second keeps the page, the third is served from the cache.
    kept = {page.name: (status, queries) for page, _client, status, queries in load_pages(bench_pages(), warmups=2)}
    assert kept == dict.fromkeys(kept, (200, KEPT_PAGE_QUERIES))
    assert len(kept) == 16
