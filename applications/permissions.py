"""Who may see and change contests. Proposals' predicates join these as they are built."""
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts.permissions import is_council, is_local_official, is_provincial_officer, is_signed_in
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


def can_edit_proposal(user, proposal) -> Decision:
    """Lead and partner officials contribute while the proposal is a draft or under correction."""
    if not (_is_lead_official(user, proposal) or _is_partner_official(user, proposal)):
        return deny(_("Only officials of the proposing local governments edit a proposal."))
    if not proposal.is_editable:
        return deny(_("A submitted proposal cannot be changed; ask the council for a correction."))
    return ALLOWED


def can_submit_proposal(user, proposal) -> Decision:
    if not _is_lead_official(user, proposal):
        return deny(_("Only the lead local government submits or withdraws the proposal."))
    return ALLOWED


def can_submit_now(user, proposal) -> Decision:
    """The lead's submit button: allowed for the lead while the proposal waits to be (re)submitted."""
    decision = can_submit_proposal(user, proposal)
    if decision and not proposal.is_editable:
        return deny(_("This proposal is not waiting to be submitted."))
    return decision


def can_withdraw_proposal(user, proposal, now=None) -> Decision:
    """The lead withdraws until the application deadline; after it the proposal is under review (or decided)
    and stays in the contest, as ``services.withdraw_proposal`` also refuses."""
    decision = can_submit_proposal(user, proposal)
    if decision and proposal.status == "withdrawn":
        return deny(_("This proposal is already withdrawn."))
    if decision and (now or timezone.now()) > proposal.contest.application_closes_at:
        return deny(_("A proposal can only be withdrawn before the application deadline."))
    return decision


def can_request_correction(user, proposal=None) -> Decision:
    """Council staff, on a proposal that has been submitted (or resubmitted)."""
    if not is_council(user):
        return deny(_("Only council staff request corrections."))
    if proposal is not None and proposal.status not in ("submitted", "resubmitted"):
        return deny(_("Only a submitted proposal can be sent back for correction."))
    return ALLOWED


def can_confirm_provincial_match(user, proposal) -> Decision:
    """The provincial officer of the lead local government's province, once the proposal is submitted."""
    if not (is_provincial_officer(user) and user.province_id == proposal.lead_local_government.province_id):
        return deny(_("Only the provincial officer of the lead local government's province confirms matching."))
    if proposal.status not in ("submitted", "resubmitted", "correction_requested"):
        return deny(_("Provincial matching is confirmed for submitted proposals only."))
    return ALLOWED


def can_list_all_proposals(user) -> Decision:
    """The council's overview of every proposal of a contest, with filters and export."""
    if is_council(user):
        return ALLOWED
    return deny(_("Only council staff see every proposal of a contest."))
