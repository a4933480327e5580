"""A contest's rows in the layout of the contest's date: the one helper every page, export, API and paper asks.

Issue 20: whatever names or filters a proposal's or task's local government for a round shows the registry as it
stood on the round's eligibility date. A 2025 or 2026 round (dated before 2026-07-01) keeps Haenam in
Jeollanam-do (46) and Gwangju's districts in Gwangju (29); a 2027 round shows both in 전남광주통합특별시 (12).

``stand_rows_on`` gives each row's local government ``as_of`` (``regions.selectors.StandingOn``: code, names and
province of the row's date) in a fixed number of queries, and ``LocalGovernment.__str__`` reads it, so a
template printing ``{{ proposal.lead_local_government }}`` prints the round's layout. ``in_province_code_as_of``
is the matching SQL filter, each row judged on its own date (a list of several rounds filters each by its own).
"""
from collections.abc import Iterable
from copy import copy
from datetime import date
from operator import attrgetter

from django.db.models import Exists, Expression, OuterRef, Prefetch, Q, QuerySet, prefetch_related_objects

from .models import LocalGovernmentPeriod, Province
from .selectors import stand_on


def _getter(path: str):
    return attrgetter(path.replace("__", "."))


def stand_rows_on(rows: Iterable, *, local_government: str = "local_government",
                  day: str = "contest__eligibility_date", codes: bool = True) -> list:
    """``rows`` as a list, each one's local government (at the ``__`` path ``local_government``) given ``as_of``
    as it stood on the row's date (at the path ``day``, the contest's eligibility date by default). Three queries
    at most whatever the number of rows (periods with their provinces, codes, and the date's owner when it was
    not selected with the rows); none when the rows are empty, or for what was prefetched already. With
    ``codes=False`` the codes are not read (labels name the province and the unit, not the code)."""
    rows = list(rows)
    if not rows:
        return rows
    owner = day.rpartition("__")[0]
    lookups = [Prefetch(f"{local_government}__periods",
                        queryset=LocalGovernmentPeriod.objects.select_related("province")),
               *([f"{local_government}__codes"] if codes else []), f"{local_government}__province"]
    prefetch_related_objects(rows, *([owner] if owner else []), *lookups)
    parent_path, _sep, attribute = local_government.rpartition("__")
    parent_of, day_of = (_getter(parent_path) if parent_path else (lambda row: row)), _getter(day)
    stood: dict[int, date] = {}
    for row in rows:
        parent, when = parent_of(row), day_of(row)
        unit = getattr(parent, attribute)
        if stood.setdefault(id(unit), when) != when:  # one instance shared by rows of two rounds: split it
            unit = copy(unit)
            setattr(parent, attribute, unit)
        stand_on([unit], when, codes=codes)
    return rows


def stand_many_on(rows: Iterable, *, local_governments: str = "partners",
                  day: str = "contest__eligibility_date") -> list:
    """``rows`` as a list, the local governments of each one's many-to-many (at the ``__`` path
    ``local_governments``: a proposal's ``partners``) given ``as_of`` as they stood on the row's date, so that
    ``row.partners.all()`` names them in the round's layout. Four queries at most whatever the rows (the partners
    when not prefetched yet, their periods, codes and provinces); a partner shared by two rows is two instances."""
    rows = list(rows)
    if not rows:
        return rows
    owner = day.rpartition("__")[0]
    prefetch_related_objects(rows, *([owner] if owner else []), local_governments,
                             Prefetch(f"{local_governments}__periods",
                                      queryset=LocalGovernmentPeriod.objects.select_related("province")),
                             f"{local_governments}__codes", f"{local_governments}__province")
    parent_path, _sep, attribute = local_governments.rpartition("__")
    parent_of, day_of = (_getter(parent_path) if parent_path else (lambda row: row)), _getter(day)
    for row in rows:
        stand_on(getattr(parent_of(row), attribute).all(), day_of(row))
    return rows


def in_province_code_as_of(queryset: QuerySet, code: str, *, day: Expression,
                           local_government: str = "local_government") -> QuerySet:
    """``queryset`` narrowed to the rows whose local government was in the province coded ``code`` on the row's
    date (``day``, an expression over the row: a contest's eligibility date, see
    ``applications.selectors.layout``): ``46`` finds a 2026 round's Haenam, ``12`` a 2027 round's; the current
    province where the registry dates no period then, as ``stand_rows_on`` shows it. One query."""
    queryset = queryset.annotate(as_of_day=day)
    outer = OuterRef("as_of_day")
    periods = LocalGovernmentPeriod.objects.filter(
        Q(valid_from__isnull=True) | Q(valid_from__lte=outer), Q(valid_to__isnull=True) | Q(valid_to__gte=outer),
        local_government=OuterRef(local_government))
    return queryset.filter(Exists(periods.filter(province__code=code))
                           | (~Exists(periods) & Q(**{f"{local_government}__province__code": code})))


def provinces_of_days(days: Iterable[date]) -> list[Province]:
    """The provinces of any of these days' layouts, by code (one query): the choices of a filter over rows of
    several rounds (2026 and 2027 rounds: Gwangju, Jeollanam-do and 전남광주통합특별시)."""
    days = set(days)
    return [province for province in Province.objects.order_by("code")
            if any(province.exists_on(day) for day in days)]


def layouts_of_days(days: Iterable[date]) -> list[tuple[list[date], list[Province]]]:
    """The distinct layouts among these days, oldest first: each with the days that share it and its provinces
    (one query). Rounds dated 2025-03-01 and 2026-03-01 share one layout, a round of 2027 has another."""
    provinces = list(Province.objects.order_by("code"))
    layouts: dict[tuple[int, ...], tuple[list[date], list[Province]]] = {}
    for day in sorted(set(days)):
        members = [province for province in provinces if province.exists_on(day)]
        layouts.setdefault(tuple(province.pk for province in members), ([], members))[0].append(day)
    return list(layouts.values())
