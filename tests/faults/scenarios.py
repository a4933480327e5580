"""What the fault tests run through a real worker, and the outcome the same work has without a fault."""
from django.db import transaction

from accounts.roles import Role
from applications.models import Proposal
from notifications.events import EVENTS
from notifications.services import announce
from selection.computation import decide, gather_inputs
from selection.services import policy_for
from tests.factories import make_user

# Sheet totals (document, presentation) by local government code: Hamyang, Gokseong, Danyang.
SCORES = {"48870": ([80] * 3, [90] * 3), "12720": ([70] * 3, [75] * 3), "43800": ([65] * 3, [70] * 3)}


def no_fault_outcome(contest) -> list[tuple]:
    """(proposal, rank, outcome, national KRW) of every decision, computed here without a worker."""
    inputs, _warnings = gather_inputs(contest, policy_for(contest))
    return sorted((draft.proposal_id, draft.rank, draft.outcome, draft.national_krw) for draft in decide(inputs))


def officials_of(proposal: Proposal) -> set[str]:
    """Three more officials of the proposal's local government; the e-mails of everyone a correction request
    tells."""
    for _ in range(3):
        make_user(Role.LOCAL_OFFICIAL, local_government=proposal.lead_local_government)
    return {user.email for user in EVENTS["proposal.correction_requested"].recipients(proposal)}


def announce_correction(proposal: Proposal, occasion: str) -> None:
    """A correction request's notification, announced in a committed transaction (the outbox hands it over)."""
    with transaction.atomic():
        announce("proposal.correction_requested", proposal.pk, occasion=occasion)
