"""The 2026 round's pre-selection (spring 2025) as a contest of its own that feeds the final round (issue 19):
the eight local governments put forward through MSS's company support and MOIS's fund-linked projects apply,
both review stages score them, and the confirmed selection records them as the final round's preliminary
selections, the pre-selection contest named as their source.

Public (program-timeline.md): a pre-selection in March 2025 through MSS's own company support and MOIS's
fund-linked projects, before the other ministries' lines were added and a final evaluation held. Made up: that
it ran as a contest with its own window, panels and scores, every date but the month, and the eight tasks'
titles (those of the final round's proposals).
"""
from datetime import date, datetime

from applications.models import SEOUL, Contest
from applications.services import create_contest
from ministries.models import Ministry
from regions.models import DesignationKind

from .demo_clock import demo_clock
from .demo_dates import RoundDates, kst
from .demo_proposals import ensure_submitted
from .demo_reviews import ensure_reviews
from .demo_selection import ensure_selection

PRESELECTION_2026 = {
    "year": 2025, "name_ko": "2026년 시군구 연고산업 육성 협업 프로젝트 사전 선정",
    "name_en": "2026 Si/Gun/Gu Local Industry Development Collaboration Project: pre-selection",
    "announced_on": date(2025, 2, 10), "briefing_on": date(2025, 2, 14),
    "application_opens_at": datetime(2025, 2, 17, 9, 0, tzinfo=SEOUL),
    "application_closes_at": datetime(2025, 3, 7, 18, 0, tzinfo=SEOUL),
    "selection_on": date(2025, 3, 20), "results_published_on": date(2025, 3, 21),
    "objection_period_days": 5, "target_task_count": 8, "funding_years": 2,
    "national_cap_per_task_krw": 1_000_000_000, "provincial_match_min_bp": 500, "local_match_min_bp": 1_000,
}
PRESELECTION_REVIEW_DATES = {  # its document and presentation stages' dates
    "document_review_starts_on": date(2025, 3, 10), "document_review_ends_on": date(2025, 3, 14),
    "presentation_review_starts_on": date(2025, 3, 18), "presentation_review_ends_on": date(2025, 3, 19),
}
PRESELECTION_MINISTRIES = ("MSS", "MOIS")

ROUND_PRESELECTION = RoundDates(
    document_opens=kst(2025, 3, 10, 9),
    document_due=kst(2025, 3, 14, 18), presentations_start=kst(2025, 3, 18, 10),
    presentation_due=kst(2025, 3, 19, 18), approved=kst(2025, 3, 20, 17), published=kst(2025, 3, 21, 10),
    objected=None, re_reviewed=None, decided=None, confirmed=kst(2025, 3, 28, 9))


def _rows(final_rows: dict, codes: set[str]) -> dict:
    """The final round's proposals of ``codes`` as pre-selection proposals, submitted in February 2025."""
    rows = {}
    for number, (key, (code, username, _submitted_at, values)) in enumerate(sorted(final_rows.items())):
        if code in codes:
            rows[key.replace("_2026", "_pre2026")] = (code, username, f"2025-02-{20 + number % 8:02d}T10:00:00",
                                                       values)
    return rows


def preselection_contest(final: Contest, council) -> Contest:
    contest = Contest.objects.filter(year=PRESELECTION_2026["year"], name_ko=PRESELECTION_2026["name_ko"]).first()
    if contest is None:
        with demo_clock(kst(2025, 2, 10, 9, 30)):  # on its announcement
            contest = create_contest(actor=council, values={**PRESELECTION_2026, "preselection_for": final},
                                     kinds=DesignationKind.values,
                                     ministries=Ministry.objects.filter(code__in=PRESELECTION_MINISTRIES),
                                     dates=PRESELECTION_REVIEW_DATES)
    return contest


def ensure_preselection(final: Contest, accounts: dict, final_rows: dict, codes: set[str]) -> Contest:
    """The pre-selection round, reviewed and confirmed on 2025-03-28; its confirmation fills ``final``'s
    preliminary selections (``selection.services.preselection``)."""
    council = accounts["council"]
    contest = preselection_contest(final, council)
    rows = _rows(final_rows, codes)
    ensure_submitted(contest, accounts, rows)
    ensure_reviews(contest, council, ROUND_PRESELECTION, hand_assigned=next(iter(rows.values()))[0])
    ensure_selection(contest, council, ROUND_PRESELECTION)
    return contest
