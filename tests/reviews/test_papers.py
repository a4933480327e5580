"""The review's papers: a reviewer's 평가표 and a panel's ranking as PDF, read back, behind their pages'
permissions for every role."""
from decimal import Decimal

import pytest
from django.urls import reverse

from accounts.roles import Role
from applications.selectors.layout import in_round_layout
from reviews.models import Assignment
from reviews.services import save_sheet, sign_pledge, submit_sheet
from tests.factories import make_user
from tests.papers import assert_paper, pdf_text
from tests.reviews.builders import make_panel, make_reviewer, make_rubric, submitted_sheet, totals

pytestmark = pytest.mark.usefixtures("registry")


@pytest.fixture
def sheet(assignment):
    reviewer = assignment.reviewer.user
    sign_pledge(actor=reviewer, assignment=assignment)
    save_sheet(actor=reviewer, assignment=assignment, comments={"feasibility": "추진 체계가 구체적임"},
               points={"feasibility": Decimal("35"), "effectiveness": Decimal("25.5"), "policy_linkage": Decimal("20")})
    return submit_sheet(actor=reviewer, assignment=assignment)


def test_the_reviewers_signed_sheet_reads_back_with_its_total(client, sheet):
    client.force_login(sheet.assignment.reviewer.user)
    url = reverse("reviews:sheet-pdf", args=[sheet.pk])
    response = client.get(url)
    assert_paper(response, receipt_number=sheet.assignment.proposal.receipt_number, korean="추진 체계가 구체적임")
    assert "80.5" in pdf_text(response)  # the total of 35, 25.5 and 20
    page = client.get(reverse("reviews:assignment-detail", args=[sheet.assignment.pk])).content.decode()
    assert url in page


@pytest.mark.parametrize("who, status", [
    ("own", 200), (Role.COUNCIL_STAFF, 200), ("other_reviewer", 404), (Role.LOCAL_OFFICIAL, 403),
    (Role.PROVINCIAL_OFFICER, 403), (Role.MINISTRY_STAFF, 403), ("anonymous", 302)])
def test_a_sheet_is_printed_only_for_its_reviewer_and_the_council(client, sheet, who, status):
    if who == "own":
        client.force_login(sheet.assignment.reviewer.user)
    elif who == "other_reviewer":
        client.force_login(make_reviewer().user)
    elif who != "anonymous":
        client.force_login(make_user(who))
    assert client.get(reverse("reviews:sheet-pdf", args=[sheet.pk])).status_code == status


def test_a_draft_sheet_has_no_paper(client, assignment):
    reviewer = assignment.reviewer.user
    sign_pledge(actor=reviewer, assignment=assignment)
    draft = save_sheet(actor=reviewer, assignment=assignment, points={"feasibility": Decimal("10")}, comments={})
    client.force_login(reviewer)
    assert client.get(reverse("reviews:sheet-pdf", args=[draft.pk])).status_code == 404


@pytest.fixture
def ranked_panel():
    panel = make_panel(codes=["48870", "12720"])
    make_rubric(panel.contest)
    for proposal in panel.proposals.all():
        for scores in totals(70, 80, 90):
            submitted_sheet(panel, proposal, scores)
    panel.chair = Assignment.objects.filter(panel=panel).first().reviewer
    panel.save()
    return panel


@pytest.mark.parametrize("who, status", [
    ("chair", 200), (Role.COUNCIL_STAFF, 200), ("other_reviewer", 403), (Role.LOCAL_OFFICIAL, 403),
    (Role.PROVINCIAL_OFFICER, 403), (Role.MINISTRY_STAFF, 403), ("anonymous", 302)])
def test_the_ranking_prints_for_the_council_and_the_chair_only(client, ranked_panel, who, status):
    if who == "chair":
        chair = ranked_panel.chair.user
        chair.language = "ko"
        chair.save()
        client.force_login(chair)
    elif who == "other_reviewer":
        client.force_login(make_reviewer().user)
    elif who != "anonymous":
        client.force_login(make_user(who, language="ko"))
    page = client.get(reverse("reviews:panel-results", args=[ranked_panel.pk]))
    response = client.get(reverse("reviews:panel-results-pdf", args=[ranked_panel.pk]))
    assert response.status_code == status == page.status_code
    if status == 200:
        first = ranked_panel.proposals.order_by("receipt_number").first()
        assert_paper(response, receipt_number=first.receipt_number, korean="함양군")
        assert reverse("reviews:panel-results-pdf", args=[ranked_panel.pk]) in page.content.decode()


def test_the_rankings_cells_do_not_wrap_syllable_by_syllable(client, ranked_panel):
    """A local government's name and the result stay on one line of the PDF (no "구/례군", "통/과")."""
    client.force_login(make_user(Role.COUNCIL_STAFF, language="ko"))
    text = pdf_text(client.get(reverse("reviews:panel-results-pdf", args=[ranked_panel.pk])))
    lines = text.splitlines()
    # each named as on the round's eligibility date (a 2025 round's Gurye-gun: 전라남도 구례군; issue 20)
    for proposal in in_round_layout(ranked_panel.proposals.select_related("lead_local_government", "contest"),
                                    local_government="lead_local_government"):
        assert any(str(proposal.lead_local_government) in line for line in lines), text
    assert not any(line.strip() in ("통", "과", "미", "달") for line in lines), text
