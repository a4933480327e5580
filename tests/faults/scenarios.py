"""What the fault tests run through a real worker, and the outcome the same work has without a fault."""
from django.db import transaction

from accounts.roles import Role
from applications.models import Proposal
from audit.models import AuditEntry
from notifications.events import EVENTS
from notifications.services import announce
from selection.computation import decide, gather_inputs
from selection.models import Outcome, SelectionRun
from selection.services import approve_run, policy_for, publish_run, start_run
from tests.factories import make_user
from tests.selection.builders import scored_contest
from tracking.models import AgreementLine, ProgressReport, SelectedTask
from tracking.services.opening import drafted_agreement

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


def assert_each_selected_task_opened_once(run: SelectionRun) -> None:
    """Every selected decision of ``run`` has one task, with its agreement lines and reports, audited once."""
    selected = list(run.decisions.filter(outcome=Outcome.SELECTED).select_related("proposal"))
    tasks = SelectedTask.objects.filter(decision__run=run)
    assert sorted(tasks.values_list("decision_id", flat=True)) == sorted(decision.pk for decision in selected)
    for decision in selected:
        cells = drafted_agreement(decision, list(decision.proposal.budget_lines.all()))
        assert AgreementLine.objects.filter(task__decision=decision).count() == sum(1 for v in cells.values() if v)
        years = {year for year, _source in cells}
        assert ProgressReport.objects.filter(task__decision=decision).count() == 2 * len(years)
    assert AuditEntry.objects.filter(action="tracking.task_opened", target_id__in=[
        str(pk) for pk in tasks.values_list("pk", flat=True)]).count() == len(selected)


def published_run(worker):
    """A contest's run computed by ``worker`` (a ``tests.faults.worker.Worker``), approved and published, its
    notifications delivered; returns the run and the council member who ran it."""
    contest, _proposals = scored_contest(SCORES, target=2)
    council = make_user(Role.COUNCIL_STAFF)
    run = start_run(actor=council, contest=contest)
    worker.settle()
    run.refresh_from_db()
    approve_run(actor=council, run=run)
    run = publish_run(actor=council, run=run)
    worker.settle()
    return run, council
