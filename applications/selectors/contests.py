"""Reads about contests: above all, who may apply and why.

A local government is eligible for a contest when, on the contest's eligibility date,
it holds a designation of an accepted kind, or when the contest records a preliminary
selection for it (the Regional Innovation Contest's tasks).
"""
from dataclasses import dataclass, field

from django.db.models import Exists, OuterRef, Prefetch, QuerySet
from django.utils.translation import gettext as _

from applications.models import Contest, PreliminarySelection
from ministries.models import SupportLineKind
from regions.models import Designation, LocalGovernment
from regions.selectors import designations_valid_on, local_governments_existing_on


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
    designations = list(_qualifying_designations(contest).filter(local_government=local_government)
                        .order_by("kind", "valid_from"))
    preliminary = PreliminarySelection.objects.filter(contest=contest, local_government=local_government).first()
    return Eligibility(local_government=local_government, designations=designations,
                       preliminary_selection=preliminary,
                       refusal=_refusal(contest, local_government, designations, preliminary))


def eligible_rows_for_contest(contest: Contest) -> list[Eligibility]:
    """Every eligible local government with its reasons, in a fixed number of queries."""
    local_governments = (eligible_local_governments_for_contest(contest).select_related("province")
                         .prefetch_related(
                             Prefetch("designations", queryset=_qualifying_designations(contest)
                                      .order_by("kind", "valid_from"), to_attr="qualifying"),
                             Prefetch("preliminary_selections",
                                      queryset=PreliminarySelection.objects.filter(contest=contest),
                                      to_attr="preselected"))
                         .order_by("code"))
    return [Eligibility(local_government=lg, designations=lg.qualifying,
                        preliminary_selection=lg.preselected[0] if lg.preselected else None)
            for lg in local_governments]


def contests_for_overview() -> QuerySet[Contest]:
    return Contest.objects.prefetch_related("accepted_designation_kinds", "participating_ministries")


def contest_detail(pk: int) -> Contest:
    return contests_for_overview().get(pk=pk)


def preliminary_selections_of(contest: Contest) -> QuerySet[PreliminarySelection]:
    return contest.preliminary_selections.select_related("local_government__province")


def support_lines_for_contest(contest: Contest) -> list[tuple[str, str]]:
    """The support lines of the contest's participating ministries (all four when none are set)."""
    kinds = SupportLineKind.objects.select_related("ministry")
    ministries = list(contest.participating_ministries.all())
    if ministries:
        kinds = kinds.filter(ministry__in=ministries)
    return [(kind.code, f"{kind.ministry.code} · {SupportLineKind.Code(kind.code).label}") for kind in kinds]
