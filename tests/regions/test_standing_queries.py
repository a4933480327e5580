"""Rows of several rounds stand in their rounds' layouts in a fixed number of queries (issue 20's lists: the
API's proposals, the reviewer's assignments, the proposal lists), and a unit that two rounds share is named
each round's way."""
from datetime import datetime

import pytest

from accounts.roles import Role
from applications.models import SEOUL, Proposal, ProposalPartner
from applications.selectors.layout import in_round_layout
from regions.models import LocalGovernment
from regions.selectors import local_government_by_code
from tests.factories import make_contest, make_user

pytestmark = pytest.mark.django_db


def rounds_with_proposals(per_round: int) -> None:
    """A 2025 round (before the 2026-07-01 reorganisation) and a 2027 round, each with ``per_round`` proposals
    led by Jeollanam-do's counties (Gokseong-gun first: 46720 then, 12720 now) with Gwangju Dong-gu as
    partner."""
    dong_gu = local_government_by_code("29110")
    leads = list(LocalGovernment.objects.filter(code__gte="12720", code__lt="12900").order_by("code")[:per_round])
    assert leads[0].code == "12720" and len(leads) == per_round
    official = make_user(Role.LOCAL_OFFICIAL, local_government=leads[0])
    for year, closes in ((2025, datetime(2025, 10, 20, 18, 0, tzinfo=SEOUL)),
                         (2027, datetime(2026, 12, 21, 18, 0, tzinfo=SEOUL))):
        contest = make_contest(year=year, closes=closes, opens=closes.replace(day=1))
        for lead in leads:
            proposal = Proposal.objects.create(contest=contest, lead_local_government=lead,
                                               title=f"{year} 과제 {lead.code}", created_by=official)
            ProposalPartner.objects.create(proposal=proposal, local_government=dong_gu)


def listed():
    return Proposal.objects.select_related("contest", "lead_local_government").order_by("contest__year", "pk")


@pytest.mark.parametrize("per_round", [1, 12])
def test_a_page_of_two_rounds_stands_in_three_queries_whatever_its_rows(per_round, django_assert_num_queries):
    rounds_with_proposals(per_round)
    rows = list(listed())
    with django_assert_num_queries(3):  # the partners, the units' periods, their codes
        in_round_layout(rows, local_government="lead_local_government", partners="partners")
    then, now = rows[0], rows[per_round]  # Gokseong-gun in each round
    assert (then.lead_local_government.layout_code, then.lead_local_government.layout_province.code) == ("46720",
                                                                                                        "46")
    assert (now.lead_local_government.layout_code, now.lead_local_government.layout_province.code) == ("12720",
                                                                                                      "12")
    assert [partner.layout_province.code for partner in then.partners.all()] == ["29"]
    assert [partner.layout_province.code for partner in now.partners.all()] == ["12"]
    assert "전라남도" in str(then.lead_local_government) and "전라남도" not in str(now.lead_local_government)
    assert all(row.lead_local_government.layout_province.code == ("46" if row.contest.year == 2025 else "12")
               for row in rows)


def test_labels_without_codes_need_one_query_fewer(django_assert_num_queries):
    rounds_with_proposals(5)
    rows = list(listed())
    with django_assert_num_queries(1):  # the units' periods: a label names the unit and its province only
        in_round_layout(rows, local_government="lead_local_government", codes=False)
    assert {row.lead_local_government.layout_province.code for row in rows} == {"46", "12"}
