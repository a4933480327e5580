"""The benchmarked pages run as many queries with one round of national data as with several: no page does
work per row. The rounds compared are 1 and ``SCALE_TEST_ROUNDS`` (3 unless set; the benchmark's 10 take
about a minute on PostgreSQL: ``SCALE_TEST_ROUNDS=10``)."""
import os

import pytest
from django.core.management import call_command
from django.test import Client

from accounts.models import User
from portal.scale.pages import bench_pages, page_queries

pytestmark = pytest.mark.usefixtures("registry")

MORE_ROUNDS = int(os.environ.get("SCALE_TEST_ROUNDS", "3"))


def queries_per_page() -> dict[str, int]:
    clients: dict[str, Client] = {}
    counts = {}
    for page in bench_pages():
        if page.username not in clients:
            clients[page.username] = Client()
            clients[page.username].force_login(User.objects.get(username=page.username))
        status, counts[page.name] = page_queries(clients[page.username], page.path)
        assert status == 200, page
    return counts


def test_every_benchmarked_page_runs_the_same_queries_at_one_round_and_at_more(db):
    call_command("seed_scale", rounds=1)
    at_one_round = queries_per_page()
    call_command("seed_scale", rounds=MORE_ROUNDS)
    rows = {page.name: page.rows for page in bench_pages()}
    assert rows["API proposals"] == 250 * MORE_ROUNDS  # the all-rounds lists did grow
    assert queries_per_page() == at_one_round
    assert len(at_one_round) == 16 and max(at_one_round.values()) <= 16
