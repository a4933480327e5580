"""Conflicts of interest (제척·기피·회피): why a reviewer may not review a proposal.

One function decides, for manual and automatic assignment alike. The facts it needs are
loaded once per panel (``ConflictFacts``) so deciding for every pair runs no query per pair.

"Home province" is judged on the registry as it stood on the contest's dates (``contest_days``), never on
today's layout: Gokseong-gun was in Jeollanam-do for a 2025 contest and is in 전남광주통합특별시 for a 2027
one, so a reviewer from Gwangju may review its 2025 proposal but not its 2027 one.
"""
from dataclasses import dataclass, field
from datetime import date

from django.db.models import Q
from django.utils.translation import gettext as _

from applications.models import Contest, ParticipatingCompany, Proposal, ProposalPartner
from applications.selectors import stored_stages
from core.text import organisation_key as _normalized
from regions.selectors import province_ids_on, provinces_covering_on

from .models import DeclaredConflict, Reviewer


def contest_days(contest: Contest) -> list[date]:
    """The days whose registry layout decides a contest's home-province conflicts: the application deadline
    (the day eligibility is judged on) and the start of each evaluation stage set (its stage row; prefetch
    ``stages`` for several contests). A reorganisation between them makes a conflict of either layout count (a
    recusal too many rather than one missing)."""
    days = [contest.eligibility_date, *(stage.starts_on for stage in stored_stages(contest))]
    return sorted({day for day in days if day})


@dataclass
class Layouts:
    """The registry of some days: each local government's province (``province_ids_on``) and what covers
    each province (``provinces_covering_on``), loaded once per day. ``current`` is each local government's
    province of today, for a unit that did not exist on a day (its area: what covers that province)."""

    members: dict[date, dict[int, int]] = field(default_factory=dict)
    covering: dict[date, dict[int, set[int]]] = field(default_factory=dict)
    current: dict[int, int] = field(default_factory=dict)

    def load(self, day: date) -> None:
        if day not in self.members:
            self.members[day], self.covering[day] = province_ids_on(day), provinces_covering_on(day)

    def of_province(self, province_id: int, day: date) -> set[int]:
        return self.covering[day].get(province_id, set())

    def of_local_government(self, lg_id: int, day: date) -> set[int]:
        if lg_id in self.members[day]:
            return {self.members[day][lg_id]}
        return self.of_province(self.current[lg_id], day) if lg_id in self.current else set()


@dataclass
class ConflictFacts:
    """What conflicts depend on, for a set of proposals: their local governments, the provinces those were in
    on each of their contest's days, companies, declarations."""

    local_governments: dict[int, set[int]] = field(default_factory=dict)
    days: dict[int, list[date]] = field(default_factory=dict)
    provinces: dict[int, dict[date, set[int]]] = field(default_factory=dict)
    company_numbers: dict[int, set[str]] = field(default_factory=dict)
    company_names: dict[int, set[str]] = field(default_factory=dict)
    declared: set[tuple[int, str, int]] = field(default_factory=set)
    layouts: Layouts = field(default_factory=Layouts)

    @classmethod
    def load(cls, proposals: list[Proposal]) -> "ConflictFacts":
        facts = cls()
        ids = [proposal.pk for proposal in proposals]
        contests = {contest.pk: contest for contest in Contest.objects.filter(
            pk__in={proposal.contest_id for proposal in proposals}).prefetch_related("stages")}
        for proposal in proposals:
            facts.local_governments[proposal.pk] = {proposal.lead_local_government_id}
            facts.layouts.current[proposal.lead_local_government_id] = proposal.lead_local_government.province_id
            facts.days[proposal.pk] = contest_days(contests[proposal.contest_id])
            facts.company_numbers[proposal.pk] = set()
            facts.company_names[proposal.pk] = set()
        for proposal_id, lg_id, province_id in ProposalPartner.objects.filter(proposal_id__in=ids).values_list(
                "proposal_id", "local_government_id", "local_government__province_id"):
            facts.local_governments[proposal_id].add(lg_id)
            facts.layouts.current[lg_id] = province_id
        for proposal in proposals:
            for day in facts.days[proposal.pk]:
                facts.layouts.load(day)
            facts.provinces[proposal.pk] = {
                day: set().union(*(facts.layouts.of_local_government(lg_id, day)
                                   for lg_id in facts.local_governments[proposal.pk]))
                for day in facts.days[proposal.pk]}
        for proposal_id, number, name in ParticipatingCompany.objects.filter(proposal_id__in=ids).values_list(
                "proposal_id", "business_registration_number", "name"):
            facts.company_numbers[proposal_id].add(number)
            facts.company_names[proposal_id].add(_normalized(name))
        local_governments = set().union(*facts.local_governments.values()) if proposals else set()
        declarations = DeclaredConflict.objects.filter(Q(proposal_id__in=ids)
                                                       | Q(local_government_id__in=local_governments))
        for reviewer_id, proposal_id, lg_id in declarations.values_list(
                "reviewer_id", "proposal_id", "local_government_id"):
            if proposal_id:
                facts.declared.add((reviewer_id, "proposal", proposal_id))
            if lg_id:
                facts.declared.add((reviewer_id, "local_government", lg_id))
        return facts

    def home_provinces(self, reviewer: Reviewer, day: date) -> set[int]:
        """The provinces of ``day``'s layout the reviewer's home lies in: his home province's area, else his
        home local government's province."""
        if reviewer.home_province_id:
            return self.layouts.of_province(reviewer.home_province_id, day)
        if reviewer.home_local_government_id:
            self.layouts.current.setdefault(reviewer.home_local_government_id,
                                            reviewer.home_local_government.province_id)
            return self.layouts.of_local_government(reviewer.home_local_government_id, day)
        return set()


def conflict_reasons(reviewer: Reviewer, proposal: Proposal, facts: ConflictFacts) -> list[str]:
    """Every reason the reviewer may not review the proposal; empty when there is none."""
    reasons = []
    if reviewer.home_local_government_id in facts.local_governments[proposal.pk]:
        reasons.append(_("The proposal comes from the reviewer's home local government."))
    if any(facts.home_provinces(reviewer, day) & provinces for day, provinces in facts.provinces[proposal.pk].items()):
        reasons.append(_("The proposal comes from the reviewer's home province."))
    if (reviewer.affiliation_registration_number
            and reviewer.affiliation_registration_number in facts.company_numbers[proposal.pk]) \
            or _normalized(reviewer.affiliation) in facts.company_names[proposal.pk]:
        reasons.append(_("The reviewer's organisation is a participating company."))
    declared_lg = any((reviewer.pk, "local_government", lg) in facts.declared
                      for lg in facts.local_governments[proposal.pk])
    if (reviewer.pk, "proposal", proposal.pk) in facts.declared or declared_lg:
        reasons.append(_("The reviewer declared a conflict."))
    return reasons
