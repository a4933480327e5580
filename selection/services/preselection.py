"""A pre-selection contest's confirmed result feeds the contest it pre-selects for (issue 19): its selected local
governments become that contest's preliminary selections, in the confirmation's transaction."""
from applications.models import SEOUL, PreliminarySelection
from applications.services import record_preselection_results
from selection.models import Outcome, SelectionRun


def feed_later_contest(*, actor, run: SelectionRun) -> list[PreliminarySelection]:
    """The confirmed ``run``'s selected lead local governments, with their tasks' titles, recorded as the
    later contest's preliminary selections dated the confirmation's day (KST). Nothing when the run's contest
    pre-selects for no contest; idempotent (see ``record_preselection_results``)."""
    contest = run.contest
    if contest.preselection_for_id is None:
        return []
    decisions = (run.decisions.filter(outcome=Outcome.SELECTED)
                 .select_related("proposal__lead_local_government").order_by("rank", "proposal__receipt_number"))
    return record_preselection_results(
        actor=actor, contest=contest, selected_on=run.confirmed_at.astimezone(SEOUL).date(),
        selected=[(decision.proposal.lead_local_government, decision.proposal.title) for decision in decisions])
