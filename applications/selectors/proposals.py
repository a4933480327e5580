"""Reads of proposals. Visibility is decided once, in ``proposals_visible_to``, and every list asks it."""
from dataclasses import dataclass

from django.db.models import Q, QuerySet
from django.utils.translation import gettext_lazy as _

from accounts.permissions import is_council, is_local_official, is_provincial_officer
from applications.checklist import REQUIRED_SECTIONS
from applications.models import Proposal, ProposalVersion


def proposals_visible_to(user) -> QuerySet[Proposal]:
    """Council: all. Officials: their local government's, as lead or partner. Provincial officers: their
    province's. Everyone else: none (reviewers will see their assignments' once review is built)."""
    proposals = Proposal.objects.select_related("contest", "lead_local_government__province")
    if is_council(user):
        return proposals
    if is_local_official(user):
        return proposals.filter(Q(lead_local_government=user.local_government_id)
                                | Q(partners=user.local_government_id)).distinct()
    if is_provincial_officer(user):
        return proposals.filter(lead_local_government__province=user.province_id)
    return proposals.none()


def proposal_for_user(*, user, pk: int) -> Proposal:
    """The proposal if the user may see it; ``Proposal.DoesNotExist`` otherwise (a 404, not a 403: no leak)."""
    return proposals_visible_to(user).prefetch_related("partners__province").get(pk=pk)


def versions_of(proposal: Proposal) -> QuerySet[ProposalVersion]:
    return proposal.versions.select_related("submitted_by").order_by("number")


@dataclass(frozen=True)
class VersionDifference:
    label: str
    older: object
    newer: object

    @property
    def changed(self) -> bool:
        return self.older != self.newer


def compare_versions(older: ProposalVersion, newer: ProposalVersion) -> list[VersionDifference]:
    labels = [("partners", _("Partner local governments")), *REQUIRED_SECTIONS]
    return [VersionDifference(str(label), older.content.get(field), newer.content.get(field))
            for field, label in labels]
