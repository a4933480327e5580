"""Reads of the region registry, eligibility above all.

Eligibility is a query over designations valid on a date, never a stored flag:
the same question asked about another date gives that date's answer.
"""
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from django.db.models import Exists, OuterRef, Prefetch, Q, QuerySet
from django.utils import timezone
from django.utils.translation import get_language

from .models import (
    AdministrativeCode,
    Designation,
    DesignationImport,
    DesignationKind,
    LocalGovernment,
    LocalGovernmentPeriod,
    Province,
    Succession,
)


def designations_valid_on(day: date) -> QuerySet[Designation]:
    """The designations valid on ``day``: within their dates, of a unit that exists that day (an abolished
    unit's open-ended designation counts nowhere until the council decides on its successor)."""
    return Designation.objects.filter(
        Q(valid_to__isnull=True) | Q(valid_to__gte=day), valid_from__lte=day,
        local_government__in=local_governments_existing_on(day).values("pk"))


def local_governments_existing_on(day: date) -> QuerySet[LocalGovernment]:
    return LocalGovernment.objects.filter(
        Q(valid_from__isnull=True) | Q(valid_from__lte=day), Q(valid_to__isnull=True) | Q(valid_to__gte=day)
    )


def eligible_local_governments(*, kinds: Iterable[str], on: date) -> QuerySet[LocalGovernment]:
    """Local governments holding a designation of one of ``kinds`` valid on ``on``."""
    qualifying = designations_valid_on(on).filter(kind__in=list(kinds), local_government=OuterRef("pk"))
    return local_governments_existing_on(on).filter(Exists(qualifying))


def eligibility_reasons(*, local_government: LocalGovernment, kinds: Iterable[str], on: date) -> list[Designation]:
    """The designations that make ``local_government`` eligible on ``on`` (empty when it is not)."""
    return list(designations_valid_on(on).filter(local_government=local_government, kind__in=list(kinds))
                .order_by("kind", "valid_from"))


def local_government_by_code(code: str, *, on: date | None = None) -> LocalGovernment | None:
    """The local government a current or earlier code names on ``on`` (today by default): see
    ``local_governments_by_code``; where a split unit's code names several, the one that took all of it
    or else the lowest code."""
    found = local_governments_by_code(code, on=on)
    return found[0] if found else None


def local_governments_by_code(code: str, *, on: date | None = None) -> list[LocalGovernment]:
    """The units an administrative code (current or earlier) names on ``on``: the unit that carried it, if
    that unit existed on ``on``; after it was abolished, its successors existing then (followed through
    later reorganisations). Empty for an unknown code or a date before the unit existed."""
    day = on or timezone.localdate()
    carrier = AdministrativeCode.objects.select_related("local_government").filter(code=code.strip()).first()
    if carrier is None:
        return []
    found, seen, frontier = [], set(), [(carrier.local_government, True)]
    while frontier:
        unit, whole = frontier.pop(0)
        if unit.pk in seen:
            continue
        seen.add(unit.pk)
        if unit.exists_on(day):
            found.append((not whole, unit.code, unit))
        elif unit.valid_to and unit.valid_to < day:
            frontier += [(link.successor, link.whole) for link in
                         Succession.objects.select_related("successor").filter(predecessor=unit)]
    return [unit for _rank, _code, unit in sorted(found, key=lambda row: row[:2])]


def carrying_code(code: str) -> QuerySet:
    """Ids of the local governments that carry ``code`` or ever carried it, for ``__in`` filters: a 2025 round's
    Gokseong-gun is found by 46720 (its code then) as by 12720 (its code now)."""
    return LocalGovernment.objects.filter(Q(code=code) | Q(codes__code=code)).values("pk")


def provinces_existing_on(day: date) -> QuerySet[Province]:
    """The first-level divisions of ``day``'s layout (on or after 2026-07-01: 전남광주통합특별시, not its
    two predecessors)."""
    return Province.objects.filter(Q(valid_from__isnull=True) | Q(valid_from__lte=day),
                                   Q(valid_to__isnull=True) | Q(valid_to__gte=day)).order_by("code")


def provinces_covering_on(day: date) -> dict[int, set[int]]:
    """For every province of any date, the provinces of ``day``'s layout that cover its area, in one query:
    itself while it exists; after it ended, the province it was merged into (Jeollanam-do on 2026-07-01 or
    later: 전남광주통합특별시); before it began, the provinces merged into it (전남광주통합특별시 on a 2025
    date: Gwangju and Jeollanam-do)."""
    provinces = {province.pk: province for province in Province.objects.only("valid_from", "valid_to", "successor")}
    predecessors: dict[int, list[int]] = {}
    for province in provinces.values():
        if province.successor_id:
            predecessors.setdefault(province.successor_id, []).append(province.pk)

    def covering(pk: int, seen: frozenset = frozenset()) -> set[int]:
        province = provinces[pk]
        if pk in seen:
            return set()
        if province.exists_on(day):
            return {pk}
        if province.valid_to and province.valid_to < day:
            return covering(province.successor_id, seen | {pk}) if province.successor_id else set()
        return set().union(*(covering(earlier, seen | {pk}) for earlier in predecessors.get(pk, [])))

    return {pk: covering(pk) for pk in provinces}


def periods_on(day: date) -> QuerySet[LocalGovernmentPeriod]:
    """How each local government stood on ``day`` (one row per unit that existed then)."""
    return LocalGovernmentPeriod.objects.filter(Q(valid_from__isnull=True) | Q(valid_from__lte=day),
                                                Q(valid_to__isnull=True) | Q(valid_to__gte=day))


def in_province_on(province, day: date) -> QuerySet:
    """Ids of the local governments that belonged to ``province`` on ``day``, for ``pk__in`` filters."""
    return periods_on(day).filter(province=province).values("local_government")


def in_province_code_on(code: str, day: date) -> QuerySet:
    """Ids of the local governments in the province coded ``code`` on ``day`` (``46`` on a 2025 date finds
    Jeollanam-do's counties, ``12`` from 2026-07-01 the merged province's), for ``__in`` filters."""
    return periods_on(day).filter(province__code=code).values("local_government")


def province_ids_on(day: date) -> dict[int, int]:
    """``{local government id: province id}`` as the layout stood on ``day``, in one query."""
    return dict(periods_on(day).values_list("local_government_id", "province_id"))


def covers(row, day: date) -> bool:
    """Whether a dated registry row (a period, a code row: ``valid_from``..``valid_to``, open at either end
    when None) covers ``day``."""
    return (row.valid_from is None or row.valid_from <= day) and (row.valid_to is None or row.valid_to >= day)


def _covering(rows: Iterable, day: date):
    """The first of ``rows`` (periods or code rows) covering ``day``, or None."""
    return next((row for row in rows if covers(row, day)), None)


def period_on(local_government: LocalGovernment, day: date) -> LocalGovernmentPeriod | None:
    """The period of ``local_government`` covering ``day``, from its prefetched ``periods`` when present."""
    return _covering(local_government.periods.all(), day)


def code_on(local_government: LocalGovernment, day: date) -> str:
    """The code ``local_government`` carried on ``day`` (its current code when none is dated then)."""
    found = administrative_code_on(local_government, day)
    return found.code if found else local_government.code


def administrative_code_on(local_government: LocalGovernment, day: date) -> AdministrativeCode | None:
    """The code row in force on ``day``, from the prefetched ``codes`` when present."""
    return _covering(local_government.codes.all(), day)


def standing(local_government: LocalGovernment, day: date, periods: Iterable[LocalGovernmentPeriod],
             codes: Iterable[AdministrativeCode] | None) -> "StandingOn":
    """How ``local_government`` stood on ``day``, from its ``periods`` (with provinces) and code rows read
    already (``codes=None``: the current code, for labels that name no code). No query, except the unit's
    current province when no period covers ``day`` and it was read without it."""
    period = _covering(periods, day)
    code = _covering(codes, day) if codes is not None else None
    return StandingOn(day=day, code=code.code if code else local_government.code,
                      code_verified=code.verified if code else True,
                      name_ko=period.name_ko if period else local_government.name_ko,
                      name_en=period.name_en if period else local_government.name_en,
                      province=period.province if period else local_government.province)


def stand_on(local_governments, day: date, *, codes: bool = True) -> list[LocalGovernment]:
    """Give each local government ``as_of``: its code, names and province as they stood on ``day``
    (``periods`` and ``codes`` prefetched with ``with_history`` keep this free of queries per row). With
    ``codes=False`` the codes are not read (``as_of.code`` is the current code): for labels, which name the
    province and the unit only."""
    rows = list(local_governments)
    for lg in rows:
        lg.as_of = standing(lg, day, lg.periods.all(), lg.codes.all() if codes else None)
    return rows


def with_history(queryset: QuerySet[LocalGovernment]) -> QuerySet[LocalGovernment]:
    return queryset.prefetch_related(
        Prefetch("periods", queryset=LocalGovernmentPeriod.objects.select_related("province")), "codes")


@dataclass(frozen=True)
class StandingOn:
    """A local government as it stood on one day."""

    day: date
    code: str
    code_verified: bool
    name_ko: str
    name_en: str
    province: Province

    @property
    def name(self) -> str:
        return self.name_en if (get_language() or "ko").startswith("en") else self.name_ko


def local_governments_for_registry() -> QuerySet[LocalGovernment]:
    """The registry list: every row carries its province and designations in a fixed number of queries."""
    return (LocalGovernment.objects.select_related("province")
            .prefetch_related(Prefetch("designations", queryset=Designation.objects.order_by("kind", "valid_from")))
            .order_by("code"))


def local_government_detail(pk: int) -> LocalGovernment:
    return (LocalGovernment.objects.select_related("province")
            .prefetch_related("codes", Prefetch("designations",
                                                queryset=Designation.objects.select_related("imported_in")
                                                .order_by("kind", "valid_from")))
            .get(pk=pk))


def provinces_with_counts(*, on: date) -> list[Province]:
    """The provinces of ``on``'s layout, each with how many local governments it had that day and how many
    of them were designated, by kind (``<kind>_count``), in three queries."""
    provinces = list(provinces_existing_on(on))
    member_of = province_ids_on(on)
    holders: dict[str, set[int]] = {kind: set() for kind in DesignationKind.values}
    for lg_id, kind in designations_valid_on(on).filter(local_government_id__in=member_of)\
            .values_list("local_government_id", "kind"):
        holders[kind].add(lg_id)
    designated = set().union(*holders.values())
    for province in provinces:
        members = {lg_id for lg_id, province_id in member_of.items() if province_id == province.pk}
        province.local_government_count = len(members)
        province.designated_count = len(members & designated)
        for kind, ids in holders.items():
            setattr(province, f"{kind}_count", len(members & ids))
    return provinces


def count_designations(designations: Iterable[Designation], *, on: date) -> dict[str, int]:
    """``designation_counts`` over rows read already: distinct local governments per kind valid on ``on``."""
    holders: dict[str, set[int]] = {kind: set() for kind in DesignationKind.values}
    for designation in designations:
        if designation.is_valid_on(on):
            holders.setdefault(designation.kind, set()).add(designation.local_government_id)
    return {kind: len(ids) for kind, ids in holders.items()}


def designation_counts(*, on: date) -> dict[str, int]:
    """Distinct local governments per designation kind valid on ``on`` (one query)."""
    return count_designations(designations_valid_on(on).only("local_government_id", "kind", "valid_from",
                                                             "valid_to"), on=on)


def recent_designation_imports(limit: int = 10) -> QuerySet[DesignationImport]:
    return DesignationImport.objects.select_related("imported_by")[:limit]


def history_of(local_government: LocalGovernment) -> dict:
    """A unit's periods, dated changes, predecessors and successors, for its registry page (4 queries)."""
    return {
        "periods": list(local_government.periods.select_related("province")),
        "changes": list(local_government.reorganisations.all()),
        "predecessors": list(Succession.objects.filter(successor=local_government)
                             .select_related("predecessor__province")),
        "successors": list(Succession.objects.filter(predecessor=local_government)
                           .select_related("successor__province")),
    }
