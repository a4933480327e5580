"""The pages the benchmark loads and the scale tests count queries on, each with the user who opens it and
the rows behind it, found in the scale set's latest round. One list, so that what is measured and what is
tested are the same pages."""
from collections.abc import Iterator
from dataclasses import dataclass

from django.db import connection
from django.db.models import Count, QuerySet
from django.test import Client
from django.urls import reverse

from accounts.models import User
from applications.models import Contest, Proposal, ProposalStatus
from reviews.models import Assignment, Panel, ReviewStage, ScoreSheet, SheetStatus
from selection.models import RunStatus, SelectionRun
from tracking.models import ProgressReport, SelectedTask

HAMYANG = "48870"
COUNCIL = "scale-council"
OFFICIAL = f"scale-lg-{HAMYANG}"
REVIEWER = "scale-reviewer-000"
FLOOR = "floor"


@dataclass(frozen=True)
class BenchPage:
    name: str
    username: str
    path: str
    rows: int

    @property
    def is_floor(self) -> bool:
        return self.name == FLOOR


def scale_contests() -> QuerySet[Contest]:
    """The scale set's rounds, oldest first (their names are ``proposals.contest_name``'s)."""
    return Contest.objects.filter(name_ko__endswith="(규모 시험)").order_by("year")


def latest_contest() -> Contest:
    contest = scale_contests().last()
    if contest is None:
        raise LookupError("No scale data here: run `manage.py seed_scale --rounds N` first.")
    return contest


def bench_pages(floor_path: str | None = None) -> list[BenchPage]:
    """The measured pages in the latest scale round; ``floor_path`` adds the framework's floor first."""
    contest = latest_contest()
    official = User.objects.select_related("local_government").get(username=OFFICIAL)
    proposal = (Proposal.objects.filter(contest=contest, lead_local_government=official.local_government)
                .exclude(status=ProposalStatus.WITHDRAWN).get())
    panel = Panel.objects.filter(contest=contest, stage=ReviewStage.DOCUMENT).order_by("name").first()
    run = SelectionRun.objects.get(contest=contest, status=RunStatus.CONFIRMED)
    contest_list = reverse("applications:contest-proposals", args=[contest.pk])
    in_contest = Proposal.objects.filter(contest=contest)
    filtered = in_contest.filter(lead_local_government__province__code="48", status=ProposalStatus.SUBMITTED)
    last_page = -(-in_contest.count() // 25)
    child_rows = Proposal.objects.filter(pk=proposal.pk).aggregate(
        rows=Count("companies", distinct=True) + Count("budget_lines", distinct=True)
        + Count("kpi_targets", distinct=True) + Count("support_requests", distinct=True)
        + Count("attachments", distinct=True) + Count("versions", distinct=True))["rows"]
    reviewer_assignments = Assignment.objects.filter(reviewer__user__username=REVIEWER).count()
    pages = [
        BenchPage("official dashboard", OFFICIAL, reverse("home"),
                  Proposal.objects.filter(lead_local_government=official.local_government).count()),
        BenchPage("council dashboard", COUNCIL, reverse("home"), Contest.objects.count()),
        BenchPage("proposals, first page", COUNCIL, contest_list, in_contest.count()),
        BenchPage("proposals, filtered", COUNCIL, f"{contest_list}?province=48&status=submitted", filtered.count()),
        BenchPage("proposals, deep page", COUNCIL, f"{contest_list}?page={last_page}", in_contest.count()),
        BenchPage("all rounds' proposals, deep page", COUNCIL,
                  f"{reverse('applications:proposal-list')}?page={-(-Proposal.objects.count() // 50)}",
                  Proposal.objects.count()),
        BenchPage("proposal detail", COUNCIL, reverse("applications:proposal-detail", args=[proposal.pk]),
                  child_rows),
        BenchPage("reviewer's assignments", REVIEWER, reverse("reviews:assignment-list"), reviewer_assignments),
        BenchPage("stage ranking", COUNCIL, reverse("reviews:panel-results", args=[panel.pk]),
                  ScoreSheet.objects.filter(assignment__panel=panel, status=SheetStatus.SUBMITTED).count()),
        BenchPage("selection run", COUNCIL, reverse("selection:run", args=[run.pk]), run.decisions.count()),
        BenchPage("tracking dashboard", COUNCIL, reverse("tracking:dashboard"),
                  SelectedTask.objects.filter(contest=contest).count()),
        BenchPage("API proposals", COUNCIL, "/api/v1/proposals/", Proposal.objects.count()),
        BenchPage("API assignments", REVIEWER, "/api/v1/assignments/", reviewer_assignments),
        BenchPage("API score sheets", COUNCIL, "/api/v1/score-sheets/", ScoreSheet.objects.count()),
        BenchPage("API selected tasks", COUNCIL, "/api/v1/selected-tasks/", SelectedTask.objects.count()),
        BenchPage("API progress reports", COUNCIL, "/api/v1/progress-reports/",
                  ProgressReport.objects.count()),
    ]
    return ([BenchPage(FLOOR, COUNCIL, floor_path, 0)] if floor_path else []) + pages


class QueryCounter:
    """Counts the queries run while it is installed (``connection.execute_wrapper``); works with DEBUG off."""

    def __init__(self) -> None:
        self.count = 0

    def __call__(self, execute, sql, params, many, context):
        self.count += 1
        return execute(sql, params, many, context)


def page_queries(client, path: str, warmups: int = 1) -> tuple[int, int]:
    """The status and the query count of ``path`` once loaded ``warmups`` times (the first fills per-process
    caches; with the page cache on, the second keeps the page, since the first only brings the CSRF cookie)."""
    for _ in range(warmups):
        client.get(path)
    counter = QueryCounter()
    with connection.execute_wrapper(counter):
        response = client.get(path)
    return response.status_code, counter.count


def load_pages(pages: list[BenchPage], warmups: int = 1) -> Iterator[tuple[BenchPage, Client, int, int]]:
    """Each page loaded by its user (one signed-in client per user): page, client, status, query count."""
    clients: dict[str, Client] = {}
    for page in pages:
        if page.username not in clients:
            clients[page.username] = Client()
            clients[page.username].force_login(User.objects.get(username=page.username))
        status, queries = page_queries(clients[page.username], page.path, warmups)
        yield page, clients[page.username], status, queries
