"""The dates of the demo's reviewed rounds, in KST. Public where ``program-timeline.md`` reports them (the
2025 round's window and presentations in October 2024, its confirmation on 2024-12-23; the 2026 round's
confirmation on 2026-01-13); the rest made up in the same manner."""
import re
from dataclasses import dataclass
from datetime import date, datetime

from applications.models import SEOUL


def kst(*parts: int) -> datetime:
    return datetime(*parts, tzinfo=SEOUL)


_CITED = re.compile(r"(?<![\d-])(\d{4})-(\d{2})(?:-(\d{2}))?(?![\d])")


def latest_cited(text: str) -> date | None:
    """The latest date a source text cites (``kjpbc.com 2024-10-07``; a month alone, ``2023-04``, as its first
    day): a record citing it cannot be dated before it. Numbers that are no date (``Notice 2021-66``) are
    read past."""
    cited = []
    for year, month, day in _CITED.findall(text or ""):
        try:
            cited.append(date(int(year), int(month), int(day or 1)))
        except ValueError:
            continue
    return max(cited, default=None)


# When the demo's accounts joined the portal (made up, in the same manner as the timeline): the council, the
# first round's officials, ministries and reviewers a month before the 2025 round was announced (2024-10-01) and
# before the council's first act, the Rural Agreement list (2024-09-23); MCST's and MOF's desk officers when
# their ministries joined, before the 2026 round was announced (2025-09-01 in the demo); the merged province's
# officer on the day 전남광주통합특별시 came into being (2026-07-01). An account never joins after it first acts.
ACCOUNTS_JOINED = kst(2024, 9, 2, 9)
NEW_MINISTRIES_JOINED = kst(2025, 8, 25, 9)
MERGED_PROVINCE_JOINED = kst(2026, 7, 1, 9)


@dataclass(frozen=True)
class RoundDates:
    document_opens: datetime  # the document panel is set up and starts scoring
    document_due: datetime
    presentations_start: datetime
    presentation_due: datetime
    approved: datetime
    published: datetime
    objected: datetime | None
    re_reviewed: datetime | None
    decided: datetime | None
    confirmed: datetime  # the first morning after the objection period, objections decided


ROUND_2025 = RoundDates(
    document_opens=kst(2024, 10, 22, 9),
    document_due=kst(2024, 10, 25, 18), presentations_start=kst(2024, 10, 29, 10),
    presentation_due=kst(2024, 10, 31, 18), approved=kst(2024, 12, 5, 17), published=kst(2024, 12, 10, 10),
    objected=kst(2024, 12, 12, 16, 30), re_reviewed=kst(2024, 12, 16, 11), decided=kst(2024, 12, 17, 15),
    confirmed=kst(2024, 12, 23, 9))

ROUND_2026 = RoundDates(
    document_opens=kst(2025, 11, 10, 9),
    document_due=kst(2025, 11, 21, 18), presentations_start=kst(2025, 12, 2, 10),
    presentation_due=kst(2025, 12, 4, 18), approved=kst(2025, 12, 22, 17), published=kst(2026, 1, 2, 10),
    objected=None, re_reviewed=None, decided=None, confirmed=kst(2026, 1, 13, 9))
