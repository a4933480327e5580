"""A reviewer's home-province conflict is judged on the registry as it stood on the contest's dates, not on
today's: Gokseong-gun was in Jeollanam-do until 2026-06-30 (code 46720) and is in 전남광주통합특별시 from
2026-07-01 (code 12720), with Gwangju's districts (program-timeline.md, admin_layout_2026-07-01.csv)."""
from datetime import date, datetime

import pytest

from accounts.roles import Role
from applications.models import SEOUL, ContestStage, StageKind
from applications.services import ensure_stages
from regions.models import LocalGovernment, Province
from reviews.services import AssignmentRefused, assign_automatically, assign_reviewer
from tests.factories import make_contest, make_user
from tests.reviews.builders import make_panel

pytestmark = pytest.mark.usefixtures("registry", "english")

GOKSEONG = "12720"
GWANGJU_BUK_GU = "12300"  # 29170 in Gwangju until 2026-06-30
JEOLLANAM_DO, GWANGJU, JEONNAM_GWANGJU = "46", "29", "12"


@pytest.fixture
def council():
    return make_user(Role.COUNCIL_STAFF)


def contest_of(year: int, closes: date, document_review: date | None = None, site_visit: date | None = None):
    """A contest whose applications close on ``closes`` (18:00 KST), its document stage starting on
    ``document_review``, with a site visit stage (added on the stages page) starting on ``site_visit``."""
    contest = make_contest(year=year, opens=datetime(closes.year, closes.month, 1, 9, 0, tzinfo=SEOUL),
                           closes=datetime(closes.year, closes.month, closes.day, 18, 0, tzinfo=SEOUL))
    ensure_stages(contest)
    contest.stages.filter(code="document").update(starts_on=document_review)
    if site_visit:
        kind = StageKind.objects.get(code="site_visit")
        ContestStage.objects.create(contest=contest, position=3, code="site_visit", kind=kind, name_ko=kind.name_ko,
                                    name_en=kind.name_en, has_slots=True, starts_on=site_visit)
    return contest


ROUND_2025 = {"year": 2025, "closes": date(2025, 10, 20)}  # Jeollanam-do and Gwangju apart
ROUND_2027 = {"year": 2026, "closes": date(2026, 10, 20)}  # 전남광주통합특별시


def gokseong_panel(reviewer_home: dict, **contest):
    """A panel of one reviewer (his home as given) and Gokseong-gun's proposal."""
    panel = make_panel(contest_of(**contest), members=1, per_proposal=1, codes=[GOKSEONG])
    reviewer = panel.members.get()
    for name, value in reviewer_home.items():
        setattr(reviewer, name, value)
    reviewer.save()
    return panel, reviewer, panel.proposals.get()


def from_gwangju_buk_gu() -> dict:
    return {"home_local_government": LocalGovernment.objects.get(code=GWANGJU_BUK_GU)}


def from_province(code: str) -> dict:
    return {"home_province": Province.objects.get(code=code)}


def test_a_reviewer_from_gwangju_may_review_gokseong_in_the_2025_round_not_in_the_2027_one(council):
    panel, reviewer, gokseong = gokseong_panel(from_gwangju_buk_gu(), **ROUND_2025)
    assert assign_reviewer(actor=council, panel=panel, proposal=gokseong, reviewer=reviewer)

    panel, reviewer, gokseong = gokseong_panel(from_gwangju_buk_gu(), **ROUND_2027)
    with pytest.raises(AssignmentRefused, match="home province"):
        assign_reviewer(actor=council, panel=panel, proposal=gokseong, reviewer=reviewer)


def test_a_home_province_that_no_longer_exists_still_counts_for_the_2025_round(council):
    panel, reviewer, gokseong = gokseong_panel(from_province(JEOLLANAM_DO), **ROUND_2025)
    with pytest.raises(AssignmentRefused, match="home province"):
        assign_reviewer(actor=council, panel=panel, proposal=gokseong, reviewer=reviewer)

    reviewer.home_province = Province.objects.get(code=GWANGJU)  # apart from Jeollanam-do in 2025
    reviewer.save()
    assert assign_reviewer(actor=council, panel=panel, proposal=gokseong, reviewer=reviewer)


def test_a_home_province_merged_since_covers_its_successor(council):
    """Gwangju's area is in 전남광주통합특별시 from 2026-07-01, so a reviewer recorded as from Gwangju is from
    Gokseong-gun's province for the 2027 round."""
    panel, reviewer, gokseong = gokseong_panel(from_province(GWANGJU), **ROUND_2027)
    with pytest.raises(AssignmentRefused, match="home province"):
        assign_reviewer(actor=council, panel=panel, proposal=gokseong, reviewer=reviewer)


def test_the_merged_province_as_home_covers_both_predecessors_before_it_existed(council):
    """A reviewer recorded as from 전남광주통합특별시 lived in Gwangju or in Jeollanam-do in 2025: he is not
    given Gokseong-gun's 2025 proposal (a recusal too many rather than one missing)."""
    panel, reviewer, gokseong = gokseong_panel(from_province(JEONNAM_GWANGJU), **ROUND_2025)
    with pytest.raises(AssignmentRefused, match="home province"):
        assign_reviewer(actor=council, panel=panel, proposal=gokseong, reviewer=reviewer)


def test_a_review_after_the_merger_counts_the_new_layout_too(council):
    """Applications closed on 2026-06-25, the document review started on 2026-07-06: by then Gwangju and
    Gokseong-gun were one province."""
    panel, reviewer, gokseong = gokseong_panel(from_gwangju_buk_gu(), year=2026, closes=date(2026, 6, 25),
                                               document_review=date(2026, 7, 6))
    with pytest.raises(AssignmentRefused, match="home province"):
        assign_reviewer(actor=council, panel=panel, proposal=gokseong, reviewer=reviewer)


def test_a_site_visit_stage_after_the_merger_counts_the_new_layout_too(council):
    """Every stage's start counts, a stage the council added on the stages page too: a site visit on
    2026-07-08 of a round that closed on 2026-06-25 is judged on the merged layout as well."""
    panel, reviewer, gokseong = gokseong_panel(from_gwangju_buk_gu(), year=2026, closes=date(2026, 6, 25))
    assert assign_reviewer(actor=council, panel=panel, proposal=gokseong, reviewer=reviewer)
    panel, reviewer, gokseong = gokseong_panel(from_gwangju_buk_gu(), year=2027, closes=date(2026, 6, 25),
                                               site_visit=date(2026, 7, 8))
    with pytest.raises(AssignmentRefused, match="home province"):
        assign_reviewer(actor=council, panel=panel, proposal=gokseong, reviewer=reviewer)


def test_automatic_assignment_judges_on_the_contest_dates_too(council):
    panel, reviewer, gokseong = gokseong_panel(from_gwangju_buk_gu(), **ROUND_2025)
    assert assign_automatically(actor=council, panel=panel).complete
    assert list(panel.assignments.values_list("reviewer_id", flat=True)) == [reviewer.pk]

    panel, reviewer, gokseong = gokseong_panel(from_gwangju_buk_gu(), **ROUND_2027)
    report = assign_automatically(actor=council, panel=panel)
    assert report.shortfalls == {gokseong.pk: 1}
