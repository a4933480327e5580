"""The benchmark's in-process half: one session per user, each page's query count, the selection's timing.
Runs in the bench process with Django set up on the bench settings and the scale database."""
import time
from dataclasses import dataclass

from django.db import transaction
from django.test import override_settings

from accounts.models import User
from applications.models import Contest
from portal.scale.pages import BenchPage, bench_pages, latest_contest, load_pages, scale_contests
from selection.models import SelectionRun
from selection.services import execute_run


@dataclass(frozen=True)
class PreparedPage:
    page: BenchPage
    cookie: str
    rendered_queries: int
    kept_queries: int


def prepare() -> list[PreparedPage]:
    """Sign every user in once and load every page, rendered and then kept, counting its queries each way;
    a page that does not answer 200 stops the run."""
    pages = bench_pages(floor_path="/bench/floor/")
    with override_settings(PAGE_CACHE_SECONDS=0):
        rendered = {page.name: queries for page, _client, _status, queries in load_pages(pages)}
    prepared = []
    for page, client, status, queries in load_pages(pages, warmups=2):
        if status != 200:
            raise SystemExit(f"{page.name} ({page.path}) answered {status}")
        # Every cookie the pages set, as a browser sends them back: the session and the CSRF token.
        cookie = "; ".join(f"{name}={morsel.value}" for name, morsel in client.cookies.items())
        prepared.append(PreparedPage(page, cookie, rendered[page.name], queries))
    return prepared


class _RollBack(Exception):
    pass


def _timed_run(contest: Contest) -> float:
    """A fresh run of ``contest`` computed and thrown away (the stored runs stay as they are)."""
    try:
        with transaction.atomic():
            requested_by = User.objects.get(username="scale-council")
            number = contest.selection_runs.count() + 1
            run = SelectionRun.objects.create(contest=contest, number=number, requested_by=requested_by)
            started = time.perf_counter()
            execute_run(run.pk)
            elapsed = time.perf_counter() - started
            raise _RollBack
    except _RollBack:
        return elapsed


def selection_timings() -> list[tuple[str, float]]:
    latest = latest_contest()
    contests = list(scale_contests())
    candidates = latest.proposals.exclude(status="withdrawn").count()
    every_round = sum(_timed_run(contest) for contest in contests)
    return [(f"selection run of the latest round ({candidates} candidates, "
             f"{sum(contest.proposals.count() for contest in contests):,} proposals in the database)",
             _timed_run(latest)),
            (f"selection runs of all {len(contests)} rounds one after the other", every_round)]
