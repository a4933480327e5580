"""Reads about contests: above all, who may apply and why.

A local government is eligible for a contest when, on the contest's eligibility date,
it holds a designation of an accepted kind, or when the contest records a preliminary
selection for it (the Regional Innovation Contest's tasks).
"""
from collections import defaultdict
from copy import copy
from dataclasses import dataclass, field

from django.db.models import Exists, OuterRef, Prefetch, QuerySet
from django.utils.translation import gettext as _

from applications.models import Contest, PreliminarySelection
from ministries.registry import LineSpec, support_lines
from regions.models import Designation, LocalGovernment, Province
from regions.selectors import (
    designations_valid_on,
    local_governments_existing_on,
    provinces_existing_on,
    stand_on,
    with_history,
)

from .layout import in_round_layout


def accepted_kinds(contest: Contest) -> list[str]:
    return [row.kind for row in contest.accepted_designation_kinds.all()]


def _qualifying_designations(contest: Contest) -> QuerySet[Designation]:
    return designations_valid_on(contest.eligibility_date).filter(kind__in=accepted_kinds(contest))


def eligible_local_governments_for_contest(contest: Contest) -> QuerySet[LocalGovernment]:
    designated = _qualifying_designations(contest).filter(local_government=OuterRef("pk"))
    preselected = PreliminarySelection.objects.filter(contest=contest, local_government=OuterRef("pk"))
    return local_governments_existing_on(contest.eligibility_date).filter(Exists(designated) | Exists(preselected))


@dataclass
class Eligibility:
    """Whether a local government may apply, with the rows that say so or the reason it may not."""

    local_government: LocalGovernment
    designations: list[Designation] = field(default_factory=list)
    preliminary_selection: PreliminarySelection | None = None
    refusal: str = ""

    @property
    def eligible(self) -> bool:
        return not self.refusal


def _refusal(contest: Contest, local_government: LocalGovernment, designations, preliminary) -> str:
    day = contest.eligibility_date
    if not local_government.exists_on(day):
        return _("%(name)s does not exist on %(date)s.") % {"name": local_government.name, "date": day.isoformat()}
    if designations or preliminary:
        return ""
    return _("On %(date)s, %(name)s holds no designation this contest accepts and has no preliminary "
             "selection.") % {"date": day.isoformat(), "name": local_government.name}


def eligibility_for_contest(*, contest: Contest, local_government: LocalGovernment) -> Eligibility:
    return eligibility_for_contests([contest], local_government)[0]


def designations_held_by(local_government: LocalGovernment) -> list[Designation]:
    """Every designation the local government ever held, by kind then start (one query), for
    ``eligibility_for_contests`` and for the ones valid on a day (``Designation.is_valid_on``)."""
    return list(Designation.objects.filter(local_government=local_government).order_by("kind", "valid_from"))


def eligibility_for_contests(contests: list[Contest], local_government: LocalGovernment,
                             designations: list[Designation] | None = None) -> list[Eligibility]:
    """One local government's eligibility for each contest, in two queries however many contests, or one when
    ``designations`` (``designations_held_by``) were read already. The accepted kinds come from
    ``contests_for_overview``'s prefetch, or one query per contest without it."""
    if designations is None:
        designations = designations_held_by(local_government)
    preliminary = {selection.contest_id: selection for selection in
                   PreliminarySelection.objects.filter(contest__in=contests, local_government=local_government)}
    rows = []
    for contest in contests:
        day, kinds = contest.eligibility_date, set(accepted_kinds(contest))
        qualifying = [item for item in designations if item.kind in kinds and item.is_valid_on(day)]
        selection = preliminary.get(contest.pk)
        unit = _named_on(local_government, day)
        rows.append(Eligibility(local_government=unit, designations=qualifying, preliminary_selection=selection,
                                refusal=_refusal(contest, unit, qualifying, selection)))
    return rows


def _named_on(local_government: LocalGovernment, day) -> LocalGovernment:
    """A copy of ``local_government`` named as on ``day`` when its ``periods`` were prefetched (no query: the
    official's landing names a 2025 round's Seohae-gu 서구, issue 20), else the unit itself."""
    if "periods" not in getattr(local_government, "_prefetched_objects_cache", {}):
        return local_government
    return stand_on([copy(local_government)], day, codes=False)[0]


def all_designations() -> list[Designation]:
    """Every designation's holder (with the holder's own validity), kind and validity (one query; a few hundred
    rows), for ``eligible_counts`` and ``regions.selectors.count_designations`` to share."""
    return list(Designation.objects.select_related("local_government")
                .only("local_government_id", "kind", "valid_from", "valid_to",
                      "local_government__valid_from", "local_government__valid_to"))


def eligible_counts(contests: list[Contest], designations: list[Designation] | None = None) -> dict[int, int]:
    """How many local governments may apply to each contest, in two queries however many contests (one when
    ``designations``, ``all_designations()``, were read already): the rule of
    ``eligible_local_governments_for_contest``, applied to the registry's rows in memory (a few hundred
    designations). A unit counts when it exists on the contest's eligibility date and is pre-selected for the
    contest or holds an accepted designation then; so only the holders and the pre-selected are read, each
    with its own validity."""
    held: dict[int, list[Designation]] = defaultdict(list)
    existence: dict[int, LocalGovernment] = {}
    for designation in all_designations() if designations is None else designations:
        held[designation.local_government_id].append(designation)
        existence[designation.local_government_id] = designation.local_government
    preselected: dict[int, set[int]] = defaultdict(set)
    for row in PreliminarySelection.objects.filter(contest__in=contests).select_related("local_government").only(
            "contest_id", "local_government__valid_from", "local_government__valid_to"):
        preselected[row.contest_id].add(row.local_government_id)
        existence[row.local_government_id] = row.local_government
    counts = {}
    for contest in contests:
        day, kinds = contest.eligibility_date, set(accepted_kinds(contest))
        counts[contest.pk] = sum(
            1 for pk, lg in existence.items() if lg.exists_on(day) and (
                pk in preselected[contest.pk]
                or any(item.kind in kinds and item.is_valid_on(day) for item in held[pk])))
    return counts


def eligible_rows_for_contest(contest: Contest) -> list[Eligibility]:
    """Every eligible local government with its reasons and, as ``local_government.as_of``, its code, names
    and province on the contest's eligibility date (a 2025 contest shows Jeollanam-do), in a fixed number
    of queries."""
    local_governments = (eligible_local_governments_for_contest(contest).select_related("province")
                         .prefetch_related(
                             Prefetch("designations", queryset=_qualifying_designations(contest)
                                      .order_by("kind", "valid_from"), to_attr="qualifying"),
                             Prefetch("preliminary_selections",
                                      queryset=PreliminarySelection.objects.filter(contest=contest),
                                      to_attr="preselected"))
                         .order_by("code"))
    local_governments = stand_on(with_history(local_governments), contest.eligibility_date)
    return [Eligibility(local_government=lg, designations=lg.qualifying,
                        preliminary_selection=lg.preselected[0] if lg.preselected else None)
            for lg in local_governments]


def provinces_of_contest(contest: Contest) -> QuerySet[Province]:
    """The provinces as the layout stood on the contest's eligibility date: a 2025 round's include
    Jeollanam-do and Gwangju, a 2027 round's 전남광주통합특별시 instead. Pair with
    ``regions.selectors.province_ids_on(contest.eligibility_date)`` to place each local government."""
    return provinces_existing_on(contest.eligibility_date)


def contests_for_overview() -> QuerySet[Contest]:
    """Contests with their accepted kinds (eligibility); the participating ministries only on the contest's own
    page (``contest_detail``), which alone shows them, so the dashboards and lists do not read them."""
    return Contest.objects.prefetch_related("accepted_designation_kinds")


def contest_detail(pk: int) -> Contest:
    return contests_for_overview().prefetch_related("participating_ministries").get(pk=pk)


def preliminary_selections_of(contest: Contest) -> list[PreliminarySelection]:
    """The contest's preliminary selections, each local government named as on the contest's eligibility date
    (issue 20: a 2026 round's pre-selected Gokseong-gun is in 전라남도). A fixed number of queries."""
    return in_round_layout(contest.preliminary_selections.select_related("local_government__province",
                                                                         "source_contest", "contest"))


def request_lines(contest: Contest, named: set[int] = frozenset()) -> dict[str, LineSpec]:
    """The lines a proposal of ``contest`` may ask, by code: those of its participating ministries (all when it
    names none) with at least one requestable measure, read from the ministries' registry, so a line the
    council adds as data is offered with no code change. ``named``: primary keys of lines the proposal's
    requests name already, kept even if their ministry has left the contest since (nothing is dropped)."""
    lines = {code: line for code, line in support_lines(contest=contest).items() if line.requestable}
    if set(named) - {line.pk for line in lines.values()}:
        lines |= {code: line for code, line in support_lines().items() if line.pk in named and code not in lines}
    return lines
