"""A contest's proposals and tasks in the region layout of the contest's eligibility date (issue 20).

The one door for every page, export, API and paper that names or filters a proposal's or task's local
government for a contest: a 2025 or 2026 round (dated before 2026-07-01) shows Haenam in 전라남도, a 2027 round
in 전남광주통합특별시. ``in_round_layout`` gives each row's local government ``as_of`` (and so its ``str``),
``in_round_province`` filters by a province code of each row's own round.
"""
from django.db.models import QuerySet
from django.db.models.functions import TruncDate

from applications.models import SEOUL, Contest
from regions.as_of import in_province_code_as_of, stand_rows_on
from regions.models import LocalGovernment
from regions.selectors import stand_on, with_history


def eligibility_day(contest: str = "contest") -> TruncDate:
    """SQL for ``Contest.eligibility_date`` of the contest at the ``__`` path ``contest`` (its application
    deadline's day in Asia/Seoul)."""
    return TruncDate(f"{contest}__application_closes_at" if contest else "application_closes_at", tzinfo=SEOUL)


def in_round_layout(rows, *, local_government: str = "local_government", contest: str = "contest",
                    partners: str | None = None, codes: bool = True) -> list:
    """``rows`` as a list, each one's local government (at the ``__`` path ``local_government``) standing as on
    its contest's eligibility date (``as_of``: code, names, province). With ``partners`` (the ``__`` path of a
    proposal's partners: ``partners``, ``proposal__partners``) the partner local governments stand so too. Two
    queries, whatever the rows (``regions.as_of.stand_rows_on``), and one more to read the partners when they
    were not prefetched; one fewer with ``codes=False``, for pages that print names and provinces, not codes."""
    return stand_rows_on(rows, local_government=local_government, day=f"{contest}__eligibility_date",
                         many=partners, codes=codes)


def unit_in_round(local_government: LocalGovernment, contest: Contest) -> LocalGovernment:
    """``local_government`` (read again, so the caller's instance keeps today's names) as it stood on the
    contest's eligibility date: an official of today's Incheon Seohae-gu reads a 2025 round's page as 서구's.
    Three queries."""
    unit = with_history(LocalGovernment.objects.select_related("province")).get(pk=local_government.pk)
    return stand_on([unit], contest.eligibility_date)[0]


def in_round_province(queryset: QuerySet, code: str, *, local_government: str = "local_government",
                      contest: str = "contest") -> QuerySet:
    """The rows whose local government was in the province coded ``code`` on their own contest's eligibility
    date (``46`` finds a 2026 round's Haenam and not a 2027 round's; ``12`` the other way round)."""
    return in_province_code_as_of(queryset, code, local_government=local_government, day=eligibility_day(contest))
