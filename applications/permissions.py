"""Who may see and change contests and proposals, and which state a proposal's transitions start from.

The ``is_*``/``can_be_*`` predicates judge the proposal alone: the services ask them under their row lock,
the ``can_*`` predicates add who is asking for the pages and the API. Each refusal is written here once.
"""
from datetime import datetime

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts.permissions import is_council, is_local_official, is_provincial_officer, is_signed_in
from applications.extensions import decided_contest_ids
from applications.models import (
    CORRECTABLE_STATUSES,
    EDITABLE_STATUSES,
    MATCHABLE_STATUSES,
    Contest,
    ProposalStatus,
)
from core.formats import moment
from core.permissions import ALLOWED, NOT_SIGNED_IN, Decision, deny


def can_view_contests(user) -> Decision:
    """A contest's announcement, schedule and eligibility are public to every signed-in user."""
    return is_signed_in(user)


def can_manage_contests(user) -> Decision:
    if not (user and user.is_authenticated):
        return NOT_SIGNED_IN
    if is_council(user):
        return ALLOWED
    return deny(_("Only council staff create and change contests."))


def _is_lead_official(user, proposal) -> bool:
    return is_local_official(user) and user.local_government_id == proposal.lead_local_government_id


def _is_partner_official(user, proposal) -> bool:
    return is_local_official(user) and proposal.partners.filter(pk=user.local_government_id).exists()


def can_start_proposal(user) -> Decision:
    if not (user and user.is_authenticated):
        return NOT_SIGNED_IN
    if is_local_official(user):
        return ALLOWED
    return deny(_("Only local government officials write proposals."))


def editing_closes_at(proposal) -> datetime | None:
    """When a proposal's content stops changing: a draft at the contest's application deadline, a proposal
    under correction at its own correction deadline (none set: no limit). ``proposal.contest`` is read."""
    if proposal.status == ProposalStatus.CORRECTION_REQUESTED:
        return proposal.correction_due_at
    return proposal.contest.application_closes_at


def is_open_for_editing(proposal, now: datetime | None = None) -> Decision:
    """A proposal's content changes only while it is a draft or under correction, and, judged at ``now``, only
    until :func:`editing_closes_at`. Every door asks this: the pages and the API through
    :func:`can_edit_proposal` (the request's time), the services under their row lock with the time the door
    passes (building a past round's history passes none and skips the deadline)."""
    if proposal.status not in EDITABLE_STATUSES:
        return deny(_("A submitted proposal cannot be changed; ask the council for a correction."))
    closes_at = editing_closes_at(proposal)
    if now is not None and closes_at is not None and now > closes_at:
        if proposal.status == ProposalStatus.CORRECTION_REQUESTED:
            return deny(_("The correction was due by %(due)s: the proposal can no longer be changed.")
                        % {"due": moment(closes_at)})
        return deny(_("Applications closed on %(deadline)s: the draft can no longer be changed.")
                    % {"deadline": moment(closes_at)})
    return ALLOWED


def can_edit_proposal(user, proposal, now: datetime | None = None) -> Decision:
    """Lead and partner officials contribute while the proposal :func:`is_open_for_editing` now."""
    if not is_proposal_official(user, proposal):
        return deny(_("Only officials of the proposing local governments edit a proposal."))
    return is_open_for_editing(proposal, now or timezone.now())


def is_proposal_official(user, proposal) -> bool:
    """An official of the lead or a partner local government: who writes the proposal while it is open."""
    return _is_lead_official(user, proposal) or _is_partner_official(user, proposal)


def can_submit_proposal(user, proposal) -> Decision:
    if not _is_lead_official(user, proposal):
        return deny(_("Only the lead local government submits or withdraws the proposal."))
    return ALLOWED


def is_awaiting_submission(proposal) -> Decision:
    """A draft is submitted, a proposal under correction resubmitted; nothing else is waiting to be."""
    if proposal.status not in EDITABLE_STATUSES:
        return deny(_("This proposal is not waiting to be submitted."))
    return ALLOWED


def can_submit_now(user, proposal, now: datetime | None = None) -> Decision:
    """The lead's submit button: allowed for the lead while the proposal waits to be (re)submitted and may still
    be changed (before the application deadline, or the correction's)."""
    return (can_submit_proposal(user, proposal) and is_awaiting_submission(proposal)
            and is_open_for_editing(proposal, now or timezone.now()))


def can_be_withdrawn(proposal, now=None) -> Decision:
    """Until the application deadline; after it the proposal is under review (or decided) and stays in the
    contest. ``proposal.contest`` is read."""
    if proposal.status == ProposalStatus.WITHDRAWN:
        return deny(_("This proposal is already withdrawn."))
    if (now or timezone.now()) > proposal.contest.application_closes_at:
        return deny(_("A proposal can only be withdrawn before the application deadline."))
    return ALLOWED


def can_withdraw_proposal(user, proposal, now=None) -> Decision:
    """The lead withdraws a proposal that :func:`can_be_withdrawn`."""
    return can_submit_proposal(user, proposal) and can_be_withdrawn(proposal, now)


def can_be_sent_back(proposal) -> Decision:
    """A correction (보완 요청) is asked of a proposal that has been submitted (or resubmitted)."""
    if proposal.status not in CORRECTABLE_STATUSES:
        return deny(_("Only a submitted proposal can be sent back for correction."))
    return ALLOWED


def can_request_correction(user, proposal=None) -> Decision:
    """Council staff, on a proposal that :func:`can_be_sent_back` (any, where no proposal is given)."""
    if not is_council(user):
        return deny(_("Only council staff request corrections."))
    return ALLOWED if proposal is None else can_be_sent_back(proposal)


def is_open_to_matching(proposal) -> Decision:
    """The province confirms its matching fund once the proposal is submitted, also while under correction, until
    the contest's selection is decided (approved): after that the confirmation decides nothing. The same rule as
    :func:`applications.selectors.awaiting_matching` (one query for the contest)."""
    if proposal.status not in MATCHABLE_STATUSES:
        return deny(_("Provincial matching is confirmed for submitted proposals only."))
    if Contest.objects.filter(pk=proposal.contest_id, pk__in=decided_contest_ids()).exists():
        return deny(_("The selection of this contest is decided: its provincial matching is no longer confirmed."))
    return ALLOWED


def can_confirm_provincial_match(user, proposal) -> Decision:
    """The provincial officer of the lead local government's province, once the proposal is submitted."""
    if not (is_provincial_officer(user) and user.province_id == proposal.lead_local_government.province_id):
        return deny(_("Only the provincial officer of the lead local government's province confirms matching."))
    return is_open_to_matching(proposal)


def can_list_all_proposals(user) -> Decision:
    """The council's overview of every proposal of a contest, with filters and export."""
    if is_council(user):
        return ALLOWED
    return deny(_("Only council staff see every proposal of a contest."))
