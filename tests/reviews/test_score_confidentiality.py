"""Scores never leak (issue 21, kind 2): nobody reads a proposal's scores or rank while recused from it, and a
reviewer, the panel's chair included, reads no other reviewer's scores until his own sheets in the panel are
submitted. Every door that shows scores is walked: the ranking page, results.xlsx, the results API, the
score-sheet API, the council's sheet and panel pages."""
import io
import re

import pytest
from django.http import HttpResponse
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from accounts.roles import Role
from reviews.models import Assignment, AssignmentStatus, DeclaredConflict, ScoreSheet, SheetStatus
from tests.factories import api_as, make_user
from tests.reviews.builders import make_panel, make_reviewer, make_rubric, submitted_sheet, totals

pytestmark = pytest.mark.usefixtures("registry", "english")

# Totals nobody could mistake for anything else on the pages.
HAMYANG_TOTAL, GOKSEONG_TOTAL, UISEONG_TOTAL = 77, 83, 61


@pytest.fixture
def panel():
    """Three proposals with two submitted sheets each (of other reviewers), and a chair."""
    panel = make_panel(codes=["48870", "12720", "47730"])
    make_rubric(panel.contest, trim_min_sheets=5, pass_mark=60)
    hamyang, gokseong, uiseong = panel.proposals.order_by("receipt_number")
    for proposal, total in ((hamyang, HAMYANG_TOTAL), (gokseong, GOKSEONG_TOTAL), (uiseong, UISEONG_TOTAL)):
        for scores in totals(total, total):
            submitted_sheet(panel, proposal, scores)
    panel.chair = make_reviewer()
    panel.save()
    panel.members.add(panel.chair)
    return panel


def recuse_chair(panel, proposal):
    """The chair declared a conflict on ``proposal`` (as ``declare_conflict`` leaves it)."""
    Assignment.objects.create(panel=panel, proposal=proposal, reviewer=panel.chair, status=AssignmentStatus.RECUSED,
                              assigned_by=panel.chair.user)
    DeclaredConflict.objects.create(reviewer=panel.chair, proposal=proposal, reason="친족이 참여기업 대표")


def chair_draft(panel, proposal) -> ScoreSheet:
    assignment = Assignment.objects.create(panel=panel, proposal=proposal, reviewer=panel.chair,
                                           status=AssignmentStatus.CONFIRMED, pledge_signed_at=timezone.now(),
                                           assigned_by=panel.chair.user)
    return ScoreSheet.objects.create(assignment=assignment, status=SheetStatus.DRAFT)


def page(client, panel) -> str:
    response = client.get(reverse("reviews:panel-results", args=[panel.pk]))
    assert response.status_code == 200
    return response.content.decode()


def workbook_rows(client, panel) -> list[tuple]:
    response = client.get(reverse("reviews:panel-results-export", args=[panel.pk]))
    assert response.status_code == 200
    return list(load_workbook(io.BytesIO(response.content)).active.values)


def test_a_chair_recused_from_a_proposal_reads_neither_its_scores_nor_its_rank_on_the_page_or_in_the_xlsx(
        panel, client):
    hamyang = panel.proposals.get(lead_local_government__code="48870")
    recuse_chair(panel, hamyang)
    client.force_login(panel.chair.user)

    body = page(client, panel)
    assert f"{HAMYANG_TOTAL}.00" not in body and hamyang.receipt_number not in body
    assert f"{GOKSEONG_TOTAL}.00" in body and 'id="withheld"' in body
    ranking = body[body.index('id="ranking"'):]
    assert "<tr><td>1</td>" not in ranking and "<tr><td>2</td>" not in ranking  # no rank tells the gap

    rows = workbook_rows(client, panel)
    cells = {str(cell) for row in rows for cell in row}
    assert hamyang.receipt_number not in cells and float(HAMYANG_TOTAL) not in {c for r in rows for c in r}
    assert [row[0] for row in rows[1:]] == [None, None]  # two rows, ranks withheld
    assert {row[1] for row in rows[1:]} == {"2025-0002", "2025-0003"}


def test_the_council_still_reads_every_row_with_its_rank(panel, client):
    recuse_chair(panel, panel.proposals.get(lead_local_government__code="48870"))
    client.force_login(make_user(Role.COUNCIL_STAFF, language="en"))
    body = page(client, panel)
    assert f"{HAMYANG_TOTAL}.00" in body and 'id="withheld"' not in body
    assert [row[0] for row in workbook_rows(client, panel)[1:]] == [1, 2, 3]


def test_a_chair_whose_own_sheet_is_a_draft_sees_no_means_anywhere(panel, client):
    sheet = chair_draft(panel, panel.proposals.get(lead_local_government__code="12720"))
    client.force_login(panel.chair.user)
    for name in ("reviews:panel-results", "reviews:panel-results-export"):
        response = client.get(reverse(name, args=[panel.pk]))
        assert response.status_code == 403, name
        # the mean as a number of its own (not the digits inside a generated name such as user833)
        assert not re.search(rf"(?<![\w.]){GOKSEONG_TOTAL}(?:\.\d+)?(?![\w.])",
                             response.content.decode(errors="replace"))
        assert "Submit your own score sheets" in response.content.decode()

    sheet.status, sheet.submitted_at = SheetStatus.SUBMITTED, timezone.now()
    sheet.save()
    assert f"{GOKSEONG_TOTAL}.00" in page(client, panel)  # his own in: the ranking opens


def test_a_signed_off_ranking_cached_for_the_council_is_never_served_to_a_recused_chair(panel, client):
    hamyang = panel.proposals.get(lead_local_government__code="48870")
    recuse_chair(panel, hamyang)
    panel.signed_off_at = timezone.now()
    panel.save()
    council = make_user(Role.COUNCIL_STAFF, language="en")
    client.force_login(council)
    assert f"{HAMYANG_TOTAL}.00" in page(client, panel)  # the table is now in the cache
    client.force_login(panel.chair.user)
    assert f"{HAMYANG_TOTAL}.00" not in page(client, panel)


def test_a_conflict_declared_on_a_local_government_withholds_its_proposals(panel, client):
    hamyang = panel.proposals.get(lead_local_government__code="48870")
    DeclaredConflict.objects.create(reviewer=panel.chair, local_government=hamyang.lead_local_government,
                                    reason="고향")
    client.force_login(panel.chair.user)
    assert f"{HAMYANG_TOTAL}.00" not in page(client, panel)


def test_the_apis_give_a_chair_neither_the_results_nor_another_reviewers_sheet(panel):
    """The API doors: contests/<id>/results/ is the council's; a chair's score-sheet list is his own sheets
    only, and another reviewer's sheet is absent (404), whatever the state of his own."""
    hamyang = panel.proposals.get(lead_local_government__code="48870")
    recuse_chair(panel, hamyang)
    chair_draft(panel, panel.proposals.get(lead_local_government__code="12720"))
    api = api_as(panel.chair.user)
    assert api.get(reverse("api-contest-results", args=[panel.contest_id])).status_code == 403
    listed = api.get(reverse("score-sheet-list")).json()["results"]
    assert {row["id"] for row in listed} == set(ScoreSheet.objects.filter(
        assignment__reviewer=panel.chair).values_list("pk", flat=True))
    others = ScoreSheet.objects.filter(assignment__proposal=hamyang).exclude(assignment__reviewer=panel.chair)
    for sheet in others:
        assert api.get(reverse("score-sheet-detail", args=[sheet.pk])).status_code == 404


def test_the_council_pages_with_sheets_are_closed_to_the_chair(panel, client):
    other_sheet = ScoreSheet.objects.exclude(assignment__reviewer=panel.chair).first()
    client.force_login(panel.chair.user)
    assert client.get(reverse("reviews:sheet-detail", args=[other_sheet.pk])).status_code in {403, 404}
    assert client.get(reverse("reviews:panel-detail", args=[panel.pk])).status_code in {403, 404}


def test_the_results_api_asks_the_same_rule_as_the_pages(panel, monkeypatch):
    """The council is never recused; the API reads through ``results_visible_to`` all the same, so a
    withheld row can never reach it by another path."""
    from reviews.api import views

    asked = []
    original = views.selectors.results_visible_to
    monkeypatch.setattr(views.selectors, "results_visible_to",
                        lambda user, panel, results=None: asked.append(panel.pk) or original(user, panel, results))
    council = api_as(make_user(Role.COUNCIL_STAFF))
    rows = council.get(reverse("api-contest-results", args=[panel.contest_id])).json()
    assert asked == [panel.pk] and [row["rank"] for row in rows] == [1, 2, 3]


def test_the_ranking_paper_leaves_out_what_the_page_does(panel, client, monkeypatch):
    """results.pdf, the ranking as a paper: the same rows as the page."""
    from reviews.views import papers

    printed = {}
    monkeypatch.setattr(papers, "paper_response", lambda **kwargs: printed.update(kwargs["context"])
                        or HttpResponse("pdf"))
    hamyang = panel.proposals.get(lead_local_government__code="48870")
    recuse_chair(panel, hamyang)
    client.force_login(panel.chair.user)
    assert client.get(reverse("reviews:panel-results-pdf", args=[panel.pk])).status_code == 200
    assert hamyang not in [row.proposal for row in printed["rows"]]
    assert {row.rank for row in printed["rows"]} == {None}

    chair_draft(panel, panel.proposals.get(lead_local_government__code="12720"))
    assert client.get(reverse("reviews:panel-results-pdf", args=[panel.pk])).status_code == 403
