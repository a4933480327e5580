"""The provincial officer's confirmation of the provincial matching fund."""
from django.db import transaction
from django.utils.translation import gettext as _

from applications.budget import check_saved_budget
from applications.models import BudgetSource, Proposal, ProvincialMatchConfirmation
from applications.permissions import is_open_to_matching
from audit.services import record
from core.formats import number
from core.permissions import refuse_unless

from .proposals import SubmissionRefused


@transaction.atomic
def confirm_provincial_match(*, actor, proposal: Proposal, amount_krw: int, note: str = "") \
        -> ProvincialMatchConfirmation:
    """Record what the province commits. Less than the budget's provincial share needs a note saying why."""
    proposal = Proposal.objects.select_for_update().select_related("contest").get(pk=proposal.pk)
    refuse_unless(is_open_to_matching(proposal), SubmissionRefused)
    requested = check_saved_budget(proposal).totals[BudgetSource.PROVINCIAL]
    if amount_krw < requested and not note.strip():
        raise SubmissionRefused(_("The amount is below the %(requested)s KRW in the budget: say why in the note.")
                                % {"requested": number(requested)})
    confirmation = ProvincialMatchConfirmation.objects.create(
        proposal=proposal, amount_krw=amount_krw, requested_krw=requested, note=note.strip(), confirmed_by=actor)
    record(actor=actor, action="proposal.provincial_match_confirmed", target=proposal, reason=note.strip(),
           changes={"amount_krw": amount_krw, "requested_krw": requested})
    return confirmation
