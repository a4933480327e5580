"""Results by hand: trimmed means, pass marks and tie-breaks, as a council clerk would check them."""
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from accounts.roles import Role
from reviews.models import AssignmentStatus
from reviews.selectors import ranked_results, stage_results
from reviews.services import sign_off_panel
from tests.factories import make_user
from tests.reviews.builders import make_panel, make_reviewer, make_rubric, submitted_sheet, totals

pytestmark = pytest.mark.usefixtures("registry")


@pytest.fixture
def panel():
    panel = make_panel(codes=["48870", "12720", "47730"])
    make_rubric(panel.contest, trim_min_sheets=5, pass_mark=70)
    return panel


def proposals_of(panel):
    return list(panel.proposals.order_by("receipt_number"))


def test_five_sheets_drop_the_highest_and_the_lowest(panel):
    hamyang = proposals_of(panel)[0]
    for scores in totals(90, 85, 80, 70, 50):
        submitted_sheet(panel, hamyang, scores)
    row = ranked_results(panel)[0]
    assert row.proposal == hamyang and row.sheets == 5 and row.trimmed
    assert row.raw_mean == Decimal("75.00")  # 375 / 5
    assert row.trimmed_mean == Decimal("78.33")  # (85 + 80 + 70) / 3
    assert row.spread == Decimal("40.00") and row.passed


def test_fewer_sheets_than_the_threshold_are_not_trimmed(panel):
    hamyang = proposals_of(panel)[0]
    for scores in totals(90, 60, 69):
        submitted_sheet(panel, hamyang, scores)
    row = ranked_results(panel)[0]
    assert (row.sheets, row.trimmed, row.raw_mean, row.trimmed_mean) == (3, False, Decimal("73.00"),
                                                                           Decimal("73.00"))


def test_all_equal_totals_fall_to_the_tie_break_criteria_then_the_receipt_number(panel):
    hamyang, gokseong, uiseong = proposals_of(panel)
    # Same totals (80) everywhere; Gokseong has more effectiveness, Hamyang and Uiseong are equal on every
    # criterion, so receipt number (Hamyang 2025-0001 first) decides between them.
    for _ in range(5):
        submitted_sheet(panel, hamyang, {"feasibility": "40", "effectiveness": "20", "policy_linkage": "20"})
        submitted_sheet(panel, gokseong, {"feasibility": "30", "effectiveness": "30", "policy_linkage": "20"})
        submitted_sheet(panel, uiseong, {"feasibility": "40", "effectiveness": "20", "policy_linkage": "20"})
    rows = ranked_results(panel)
    assert [(row.rank, row.proposal) for row in rows] == [(1, gokseong), (2, hamyang), (3, uiseong)]
    assert {row.trimmed_mean for row in rows} == {Decimal("80.00")}


def test_the_second_tie_break_decides_when_the_first_is_equal(panel):
    hamyang, gokseong, _ = proposals_of(panel)
    submitted_sheet(panel, hamyang, {"feasibility": "30", "effectiveness": "25", "policy_linkage": "25"})
    submitted_sheet(panel, gokseong, {"feasibility": "35", "effectiveness": "25", "policy_linkage": "20"})
    rows = ranked_results(panel)
    assert [row.proposal for row in rows[:2]] == [gokseong, hamyang]  # feasibility 35 > 30


def test_pass_mark_and_proposals_without_sheets(panel):
    hamyang, gokseong, uiseong = proposals_of(panel)
    submitted_sheet(panel, hamyang, totals(70)[0])
    submitted_sheet(panel, gokseong, totals(69)[0])
    rows = {row.proposal: row for row in ranked_results(panel)}
    assert rows[hamyang].passed is True and rows[gokseong].passed is False
    assert (rows[uiseong].sheets, rows[uiseong].trimmed_mean, rows[uiseong].passed, rows[uiseong].rank) == (
        0, None, None, 3)


def test_results_run_the_same_few_queries_whatever_the_rows(panel, django_assert_max_num_queries):
    hamyang = proposals_of(panel)[0]
    submitted_sheet(panel, hamyang, totals(80)[0])
    with CaptureQueriesContext(connection) as one_sheet:
        ranked_results(panel)
    for proposal in proposals_of(panel):
        for scores in totals(90, 85, 80, 70, 50, 65):
            submitted_sheet(panel, proposal, scores)
    with django_assert_max_num_queries(len(one_sheet.captured_queries)):
        rows = ranked_results(panel)
    assert len(one_sheet.captured_queries) <= 7  # 5, and the lead units' periods and codes (the round's layout)
    assert [row.sheets for row in rows] == [7, 6, 6]


def test_a_whole_stage_ranks_each_panel_apart_in_the_queries_of_one(panel, django_assert_max_num_queries):
    """The selection reads a stage at once: each panel keeps its own ranks, recused sheets do not count."""
    hamyang, gokseong, _ = proposals_of(panel)
    second = make_panel(panel.contest, codes=["43800"], name="2분과", first_number=4)
    danyang = second.proposals.get()
    submitted_sheet(panel, hamyang, totals(70)[0])
    submitted_sheet(panel, gokseong, totals(90)[0])
    submitted_sheet(second, danyang, totals(60)[0])
    recused = submitted_sheet(second, danyang, totals(100)[0]).assignment
    recused.status = AssignmentStatus.RECUSED
    recused.save()
    with CaptureQueriesContext(connection) as one_panel:
        ranked_results(panel)
    with django_assert_max_num_queries(len(one_panel.captured_queries) + 1):  # + the stage's panels
        stage = stage_results(panel.contest, "document")
    ranks = {result.proposal: (result.rank, result.trimmed_mean) for results in stage.panels.values()
             for result in results}
    assert ranks[gokseong] == (1, Decimal("90.00")) and ranks[hamyang] == (2, Decimal("70.00"))
    assert ranks[danyang] == (1, Decimal("60.00"))
    assert stage.maximum == 100 and stage_results(panel.contest, "presentation") is None


def test_a_signed_off_ranking_is_rendered_once_and_an_open_one_on_every_load(panel, client):
    hamyang, gokseong, _ = proposals_of(panel)
    submitted_sheet(panel, hamyang, totals(70)[0])
    client.force_login(make_user(Role.COUNCIL_STAFF, language="en"))
    url = reverse("reviews:panel-results", args=[panel.pk])
    assert "70.00" in client.get(url).content.decode()
    submitted_sheet(panel, gokseong, totals(90)[0])
    assert "90.00" in client.get(url).content.decode()  # open: the new sheet counts at once

    panel.chair = make_reviewer()
    panel.save()
    sign_off_panel(actor=panel.chair.user, panel=panel)
    def ranking(body: str) -> str:
        return body[body.index('id="ranking"'):body.index("</table>", body.index('id="ranking"'))]

    with CaptureQueriesContext(connection) as first:
        body = client.get(url).content.decode()
    with CaptureQueriesContext(connection) as again:
        assert ranking(client.get(url).content.decode()) == ranking(body)
    assert "90.00" in ranking(body) and "Signed off" in body
    assert len(again.captured_queries) <= len(first.captured_queries) - 4  # ranking and deviations from cache
