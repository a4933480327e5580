"""Who reviews what: by hand, or automatically with balanced loads and no conflict.

Automatic assignment is deterministic: proposals are served most-constrained first (fewest
reviewers free of conflict, then receipt number) and each takes the least-loaded free reviewers
(ties by reviewer id). The same panel, members, proposals and conflicts give the same result.
"""
from collections import Counter
from dataclasses import dataclass, field

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from applications.models import Proposal
from audit.services import record
from core.permissions import refuse_unless
from notifications.services import announce
from reviews.conflicts import ConflictFacts, conflict_reasons
from reviews.models import (
    Assignment,
    AssignmentStatus,
    DeclaredConflict,
    Panel,
    PanelProposal,
    Reviewer,
    SheetStatus,
)
from reviews.permissions import can_sign_pledge, is_conflict_stated


class AssignmentRefused(Exception):
    """The assignment breaks a rule; the message says which."""


@dataclass
class AssignmentReport:
    created: list[Assignment] = field(default_factory=list)
    shortfalls: dict[int, int] = field(default_factory=dict)  # proposal id → reviewers missing

    @property
    def complete(self) -> bool:
        return not self.shortfalls


def _panel_proposals(panel: Panel) -> list[Proposal]:
    return list(Proposal.objects.filter(panelproposal__panel=panel)
                .select_related("lead_local_government__province").order_by("receipt_number", "pk"))


def check_on_panel(panel: Panel, proposal: Proposal) -> None:
    """Assignments and presentation slots are made for the proposals the panel reviews, no other."""
    if not PanelProposal.objects.filter(panel=panel, proposal=proposal).exists():
        raise AssignmentRefused(_("This proposal is not reviewed by this panel."))


@transaction.atomic
def assign_reviewer(*, actor, panel: Panel, proposal: Proposal, reviewer: Reviewer) -> Assignment:
    """Assign by hand; refused when the reviewer is not on the panel or has a conflict."""
    panel = Panel.objects.select_for_update().get(pk=panel.pk)
    if not panel.members.filter(pk=reviewer.pk).exists():
        raise AssignmentRefused(_("%(reviewer)s is not a member of this panel.") % {"reviewer": reviewer})
    check_on_panel(panel, proposal)
    proposal = Proposal.objects.select_related("lead_local_government__province").get(pk=proposal.pk)
    reasons = conflict_reasons(reviewer, proposal, ConflictFacts.load([proposal]))
    if reasons:
        raise AssignmentRefused(" ".join(reasons))
    assignment, created = Assignment.objects.get_or_create(panel=panel, proposal=proposal, reviewer=reviewer,
                                                           defaults={"assigned_by": actor})
    if created:
        record(actor=actor, action="review.assigned", target=assignment,
               changes={"panel": panel.pk, "proposal": proposal.pk, "reviewer": reviewer.pk})
        announce("review.assigned", assignment.pk, occasion="assigned")
    return assignment


@transaction.atomic
def assign_automatically(*, actor, panel: Panel) -> AssignmentReport:
    """Give every proposal of the panel its reviewers, keeping what is already assigned."""
    panel = Panel.objects.select_for_update().get(pk=panel.pk)
    proposals = _panel_proposals(panel)
    members = list(panel.members.select_related("home_local_government").order_by("pk"))
    facts = ConflictFacts.load(proposals)
    existing = list(Assignment.objects.filter(panel=panel).values_list("proposal_id", "reviewer_id", "status"))
    taken: dict[int, set[int]] = {proposal.pk: set() for proposal in proposals}
    for proposal_id, reviewer_id, _status in existing:
        taken.setdefault(proposal_id, set()).add(reviewer_id)  # a recusal is never assigned again
    active = [(proposal_id, reviewer_id) for proposal_id, reviewer_id, status in existing
              if status != AssignmentStatus.RECUSED]
    load = Counter(reviewer_id for _proposal_id, reviewer_id in active)
    assigned = Counter(proposal_id for proposal_id, _reviewer_id in active)
    needed = {proposal.pk: panel.reviewers_per_proposal - assigned[proposal.pk] for proposal in proposals}
    free = {proposal.pk: [member for member in members if member.pk not in taken[proposal.pk]
                          and not conflict_reasons(member, proposal, facts)] for proposal in proposals}
    report = AssignmentReport()
    order = sorted(proposals, key=lambda proposal: (len(free[proposal.pk]), proposal.receipt_number, proposal.pk))
    new_rows = []
    for proposal in order:
        by_load = sorted(free[proposal.pk], key=lambda member: (load[member.pk], member.pk))
        chosen = by_load[:max(needed[proposal.pk], 0)]
        for member in chosen:
            load[member.pk] += 1
            new_rows.append(Assignment(panel=panel, proposal=proposal, reviewer=member, automatic=True,
                                       assigned_by=actor))
        missing = needed[proposal.pk] - len(chosen)
        if missing > 0:
            report.shortfalls[proposal.pk] = missing
    report.created = Assignment.objects.bulk_create(new_rows)
    for assignment in report.created:
        announce("review.assigned", assignment.pk, occasion="assigned")
    record(actor=actor, action="review.assigned_automatically", target=panel,
           changes={"created": len(new_rows), "shortfalls": report.shortfalls})
    return report


@transaction.atomic
def sign_pledge(*, actor, assignment: Assignment) -> Assignment:
    """The reviewer signs the confidentiality pledge and confirms he has no conflict: the proposal opens."""
    assignment = Assignment.objects.select_for_update().get(pk=assignment.pk)
    refuse_unless(can_sign_pledge(assignment), AssignmentRefused)
    if assignment.status == AssignmentStatus.ASSIGNED:
        assignment.status = AssignmentStatus.CONFIRMED
        assignment.pledge_signed_at = timezone.now()
        assignment.save(update_fields=["status", "pledge_signed_at"])
        record(actor=actor, action="review.pledge_signed", target=assignment)
    return assignment


@transaction.atomic
def declare_conflict(*, actor, assignment: Assignment, reason: str) -> Assignment:
    """The reviewer declares a conflict (회피): the assignment is withdrawn and the council is told."""
    assignment = Assignment.objects.select_for_update().select_related("reviewer").get(pk=assignment.pk)
    refuse_unless(is_conflict_stated(reason), AssignmentRefused)
    if hasattr(assignment, "sheet") and assignment.sheet.status == SheetStatus.SUBMITTED:
        raise AssignmentRefused(_("The score sheet is already submitted; ask the council."))
    DeclaredConflict.objects.create(reviewer=assignment.reviewer, proposal_id=assignment.proposal_id, reason=reason)
    assignment.status = AssignmentStatus.RECUSED
    assignment.save(update_fields=["status"])
    entry = record(actor=actor, action="review.conflict_declared", target=assignment, reason=reason)
    announce("review.conflict_declared", assignment.pk, occasion=entry.pk)
    return assignment
