"""The budget rules of a contest, in integer won.

National money per task is capped over the funding period; provincial and local matching must each
reach a minimum share of the national amount, given in basis points (500 = 5 %), rounded up to the won.
"""
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from core.formats import number

from .models import BASIS_POINTS, BudgetSource, Contest


def funding_years(contest: Contest) -> list[int]:
    """The calendar years a selected task is funded: the years after the contest's own."""
    return list(range(contest.year + 1, contest.year + 1 + contest.funding_years))


def minimum_match(national_krw: int, basis_points: int) -> int:
    """The smallest whole-won amount that is at least ``basis_points`` of the national amount."""
    return -(-national_krw * basis_points // BASIS_POINTS)


@dataclass
class BudgetCheck:
    """Totals by source and the rule each breaks, if any, keyed by source for the form's errors."""

    totals: dict[str, int]
    by_year: dict[int, dict[str, int]]
    problems: dict[str, str] = field(default_factory=dict)

    @property
    def total(self) -> int:
        return sum(self.totals.values())

    @property
    def is_empty(self) -> bool:
        return self.total == 0

    @property
    def ok(self) -> bool:
        return not self.is_empty and not self.problems

    def rows(self) -> list[tuple[str, list[int], int]]:
        """For display: each source's label, its amount per year and its total."""
        return [(str(label), [cells[source] for cells in self.by_year.values()], self.totals[source])
                for source, label in BudgetSource.choices]

    def year_totals(self) -> list[int]:
        return [sum(cells.values()) for cells in self.by_year.values()]


def check_budget(contest: Contest, cells: Iterable[tuple[int, str, int]]) -> BudgetCheck:
    """Check ``(year, source, amount)`` cells against the contest's caps and matching shares."""
    years = funding_years(contest)
    totals = dict.fromkeys(BudgetSource.values, 0)
    by_year = {year: dict.fromkeys(BudgetSource.values, 0) for year in years}
    result = BudgetCheck(totals=totals, by_year=by_year)
    for year, source, amount in cells:
        if year not in by_year:
            result.problems["years"] = _("The budget covers %(first)s to %(last)s only.") % {
                "first": years[0], "last": years[-1]}
            continue
        by_year[year][source] += amount
        totals[source] += amount
    national = totals[BudgetSource.NATIONAL]
    if national == 0:
        result.problems[BudgetSource.NATIONAL] = _("Enter the national funding requested.")
    elif national > contest.national_cap_per_task_krw:
        result.problems[BudgetSource.NATIONAL] = _(
            "National funding totals %(total)s KRW; the contest allows at most %(cap)s KRW per task.") % {
            "total": number(national), "cap": number(contest.national_cap_per_task_krw)}
    for source, basis_points, label in (
            (BudgetSource.PROVINCIAL, contest.provincial_match_min_bp, _("Provincial")),
            (BudgetSource.LOCAL, contest.local_match_min_bp, _("Local"))):
        required = minimum_match(national, basis_points)
        if totals[source] < required:
            result.problems[source] = _(
                "%(label)s matching totals %(total)s KRW; at least %(required)s KRW (%(percent)s%% of national) "
                "is required.") % {"label": label, "total": number(totals[source]), "required": number(required),
                                   "percent": f"{basis_points / 100:g}"}
    return result


def check_saved_budget(proposal) -> BudgetCheck:
    """The proposal's saved table, checked; uses ``budget_lines`` as prefetched when it is."""
    return check_budget(proposal.contest, [(line.year, line.source, line.amount_krw)
                                           for line in proposal.budget_lines.all()])
