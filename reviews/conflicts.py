"""Conflicts of interest (제척·기피·회피): why a reviewer may not review a proposal.

One function decides, for manual and automatic assignment alike. The facts it needs are
loaded once per panel (``ConflictFacts``) so deciding for every pair runs no query per pair.
"""
from dataclasses import dataclass, field

from django.db.models import Q
from django.utils.translation import gettext as _

from applications.models import ParticipatingCompany, Proposal, ProposalPartner
from core.text import organisation_key as _normalized

from .models import DeclaredConflict, Reviewer


@dataclass
class ConflictFacts:
    """What conflicts depend on, for a set of proposals: their local governments, companies, declarations."""

    local_governments: dict[int, set[int]] = field(default_factory=dict)
    provinces: dict[int, set[int]] = field(default_factory=dict)
    company_numbers: dict[int, set[str]] = field(default_factory=dict)
    company_names: dict[int, set[str]] = field(default_factory=dict)
    declared: set[tuple[int, str, int]] = field(default_factory=set)

    @classmethod
    def load(cls, proposals: list[Proposal]) -> "ConflictFacts":
        facts = cls()
        ids = [proposal.pk for proposal in proposals]
        for proposal in proposals:
            facts.local_governments[proposal.pk] = {proposal.lead_local_government_id}
            facts.provinces[proposal.pk] = {proposal.lead_local_government.province_id}
            facts.company_numbers[proposal.pk] = set()
            facts.company_names[proposal.pk] = set()
        for proposal_id, lg_id, province_id in ProposalPartner.objects.filter(proposal_id__in=ids).values_list(
                "proposal_id", "local_government_id", "local_government__province_id"):
            facts.local_governments[proposal_id].add(lg_id)
            facts.provinces[proposal_id].add(province_id)
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


def conflict_reasons(reviewer: Reviewer, proposal: Proposal, facts: ConflictFacts) -> list[str]:
    """Every reason the reviewer may not review the proposal; empty when there is none."""
    reasons = []
    if reviewer.home_local_government_id in facts.local_governments[proposal.pk]:
        reasons.append(_("The proposal comes from the reviewer's home local government."))
    home_province = reviewer.home_province_id or (
        reviewer.home_local_government.province_id if reviewer.home_local_government_id else None)
    if home_province and home_province in facts.provinces[proposal.pk]:
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
