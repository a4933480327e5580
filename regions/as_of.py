"""A contest's rows in the layout of the contest's date: the one helper every page, export, API and paper asks.

Issue 20: whatever names or filters a proposal's or task's local government for a round shows the registry as it
stood on the round's eligibility date. A 2025 or 2026 round (dated before 2026-07-01) keeps Haenam in
Jeollanam-do (46) and Gwangju's districts in Gwangju (29); a 2027 round shows both in 전남광주통합특별시 (12).

``stand_rows_on`` gives each row's local government ``as_of`` (``regions.selectors.StandingOn``: code, names and
province of the row's date) in a fixed number of queries, and ``LocalGovernment.__str__`` reads it, so a
template printing ``{{ proposal.lead_local_government }}`` prints the round's layout. ``in_province_code_as_of``
is the matching SQL filter, each row judged on its own date (a list of several rounds filters each by its own).
"""
from collections import defaultdict
from collections.abc import Iterable
from copy import copy
from datetime import date
from operator import attrgetter

from django.db.models import Exists, Expression, OuterRef, Prefetch, Q, QuerySet, prefetch_related_objects

from .models import AdministrativeCode, LocalGovernment, LocalGovernmentPeriod, Province
from .selectors import StandingOn, covers, standing


def _getter(path: str):
    return attrgetter(path.replace("__", "."))


def stand_units_on(pairs: list[tuple[LocalGovernment, date]], *, codes: bool = True) -> None:
    """Give each unit of ``pairs`` ``as_of`` for its day. Two queries at most whatever the pairs: the units'
    periods with their provinces, and their code rows (none with ``codes=False``); one more, over the tiny
    province table, only when a unit that no period covers on its day was read without its province. The rows
    are read into plain dicts rather than prefetched onto each unit, which cost more than the queries did
    (a manager and a queryset per unit and lookup)."""
    if not pairs:
        return
    ids = {unit.pk for unit, _day in pairs}
    periods: dict[int, list[LocalGovernmentPeriod]] = defaultdict(list)
    for period in LocalGovernmentPeriod.objects.filter(local_government_id__in=ids).select_related("province"):
        periods[period.local_government_id].append(period)
    code_rows: dict[int, list[AdministrativeCode]] | None = None
    if codes:
        code_rows = defaultdict(list)
        for code in AdministrativeCode.objects.filter(local_government_id__in=ids):
            code_rows[code.local_government_id].append(code)
    unread = [unit for unit, day in pairs if not LocalGovernment.province.is_cached(unit)
              and not any(covers(period, day) for period in periods[unit.pk])]
    if unread:
        provinces = Province.objects.in_bulk({unit.province_id for unit in unread})
        for unit in unread:
            unit.province = provinces[unit.province_id]
    stood: dict[tuple[int, date], StandingOn] = {}  # once per distinct (unit, day), however many rows share it
    for unit, day in pairs:
        if (unit.pk, day) not in stood:
            stood[unit.pk, day] = standing(unit, day, periods[unit.pk],
                                           code_rows[unit.pk] if code_rows is not None else None)
        unit.as_of = stood[unit.pk, day]


def stand_rows_on(rows: Iterable, *, local_government: str = "local_government",
                  day: str = "contest__eligibility_date", codes: bool = True, many: str | None = None) -> list:
    """``rows`` as a list, each one's local government (at the ``__`` path ``local_government``) given ``as_of``
    as it stood on the row's date (at the path ``day``, the contest's eligibility date by default). With
    ``many`` (the ``__`` path of a many-to-many: a proposal's ``partners``), those local governments stand so
    too, so that ``row.partners.all()`` names them in the round's layout; a partner shared by two rows is two
    instances. Two queries at most whatever the number of rows (``stand_units_on``), one for the date's owner
    when it was not selected with the rows and one for ``many`` when not prefetched; none when the rows are
    empty. With ``codes=False`` the codes are not read (labels name the province and the unit, not the
    code)."""
    rows = list(rows)
    if not rows:
        return rows
    if many:
        prefetch_related_objects(rows, Prefetch(many, queryset=LocalGovernment.objects.select_related("province")))
    pairs = units_of_rows(rows, local_government=local_government, day=day)
    if many:
        many_of, day_of = _getter(many), _getter(day)
        pairs += [(unit, day_of(row)) for row in rows for unit in many_of(row).all()]
    stand_units_on(pairs, codes=codes)
    return rows


def units_of_rows(rows: list, *, local_government: str, day: str) -> list[tuple[LocalGovernment, date]]:
    """Each row's local government (at the ``__`` path ``local_government``) with the row's date (at the path
    ``day``), for ``stand_units_on``: a caller with several lists of rows stands them all at once. The date's
    owner is read when it was not selected with the rows (one query); one unit instance shared by rows of two
    dates is split into two."""
    owner = day.rpartition("__")[0]
    if owner:
        prefetch_related_objects(rows, owner)
    parent_path, _sep, attribute = local_government.rpartition("__")
    parent_of, day_of = (_getter(parent_path) if parent_path else (lambda row: row)), _getter(day)
    stood: dict[int, date] = {}
    pairs = []
    for row in rows:
        parent, when = parent_of(row), day_of(row)
        unit = getattr(parent, attribute)
        if stood.setdefault(id(unit), when) != when:  # one instance shared by rows of two rounds: split it
            unit = copy(unit)
            setattr(parent, attribute, unit)
        pairs.append((unit, when))
    return pairs


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
