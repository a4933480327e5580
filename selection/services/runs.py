"""A contest's selection run, from the council's request to the confirmed result.

queued → running → completed (or failed) → approved → published (objection period) → confirmed.
Starting a new run supersedes an unapproved one. Starting records the computing as pending work (the outbox)
in the same transaction; a Celery task computes it once the request commits. The task computes and flips
the run to completed in ONE transaction holding the run's lock: a worker that dies mid-way leaves the run
queued (nothing half-done), and the redelivered or swept task computes it. A run queued for longer than
``SELECTION_RUN_STALLED_AFTER_MINUTES`` is stalled: the council may mark it failed, with a reason, and start
another.
"""
import logging
from datetime import datetime, time, timedelta

from django.conf import settings
from django.db import transaction
from django.db.models import Count, Max, Sum
from django.utils import timezone
from django.utils.translation import gettext as _

from applications.models import SEOUL, Contest, ContestStage
from applications.selectors import contest_stages
from applications.services import ensure_stages
from audit.services import record
from core.faults import fault_point
from core.permissions import refuse_unless
from notifications.services import announce
from outbox.services import defer
from reviews.models import Panel
from selection.computation import decide, digest, gather_inputs, policy_values, upgraded
from selection.models import (
    ACTIVE_STATUSES,
    APPROVED_STATUSES,
    OPEN_OBJECTION_STATUSES,
    Outcome,
    RunStatus,
    SelectionDecision,
    SelectionPolicy,
    SelectionRun,
)
from selection.permissions import can_be_approved, can_be_published, can_confirm_now
from selection.signals import run_confirmed

from .decisions import SelectionRefused, check_commitment
from .preselection import feed_later_contest

logger = logging.getLogger(__name__)


def policy_for(contest: Contest) -> SelectionPolicy:
    """The contest's policy, or the defaults (unsaved) when the council has not set one."""
    return SelectionPolicy.objects.filter(contest=contest).first() or SelectionPolicy(contest=contest)


@transaction.atomic
def save_policy(*, actor, contest: Contest, values: dict) -> SelectionPolicy:
    """Set the reserves, the tie-break order and, per stage, ``<code>_weight_pct`` and ``<code>_cutoff`` (the
    stage rows; the page's and the API's form checks that the weights add up to 100). Refused once a run is
    approved; audited with each changed value."""
    contest = Contest.objects.select_for_update().get(pk=contest.pk)
    if contest.selection_runs.filter(status__in=APPROVED_STATUSES).exists():
        raise SelectionRefused(_("The selection is approved; its policy no longer changes."))
    policy, stages = policy_for(contest), ensure_stages(contest)
    before = policy_values(policy, stages) if policy.pk else {}
    for name in ("reserve_count", "tie_break"):
        if name in values:
            setattr(policy, name, values[name])
    policy.updated_by = actor
    policy.save()
    for stage in stages:
        changed = {name: values[f"{stage.code}_{name}"] for name in ("weight_pct", "cutoff")
                   if f"{stage.code}_{name}" in values}
        for name, value in changed.items():
            setattr(stage, name, value)
        if changed:
            stage.save(update_fields=list(changed))
    after = policy_values(policy, stages)
    record(actor=actor, action="selection.policy_saved", target=contest,
           changes={name: [before.get(name), value] for name, value in after.items() if before.get(name) != value})
    return policy


def check_weights(stages: list[ContestStage]) -> None:
    """Refuse a run over stages whose weights do not add up to 100."""
    total = sum(stage.weight_pct for stage in stages)
    if total != 100:
        raise SelectionRefused(_("The stages' weights add up to %(total)s%%; they must add up to 100%%.")
                               % {"total": total})


def start_run(*, actor, contest: Contest, reason: str = "") -> SelectionRun:
    """Ask for a run. The contest row is locked so two clerks cannot start two at once; the task is
    enqueued only once this commits."""
    with transaction.atomic():
        contest = Contest.objects.select_for_update().get(pk=contest.pk)
        runs = contest.selection_runs
        if runs.filter(status__in=APPROVED_STATUSES).exists():
            raise SelectionRefused(_("A run of this contest is already approved."))
        if runs.filter(status__in=ACTIVE_STATUSES).exists():
            raise SelectionRefused(_("A run of this contest is already queued or running."))
        check_weights(contest_stages(contest))
        runs.filter(status__in=[RunStatus.COMPLETED, RunStatus.FAILED]).update(status=RunStatus.SUPERSEDED)
        number = (runs.aggregate(last=Max("number"))["last"] or 0) + 1
        run = SelectionRun.objects.create(contest=contest, number=number, requested_by=actor, reason=reason)
        record(actor=actor, action="selection.run_started", target=run, reason=reason, changes={"number": number})
        defer("selection.tasks.task_execute_run", run.pk, key=f"selection.run:{run.pk}")
    return run


def execute_run(run_id: int) -> SelectionRun:
    """Compute a queued run and flip it to completed in one transaction (the run's row locked throughout), so
    two workers given it compute it once and a worker that dies leaves it queued for the next. A run already
    computed (or failed, or superseded) is left as it is. An error fails the run with the error recorded."""
    try:
        with transaction.atomic():
            run = SelectionRun.objects.select_for_update().select_related("contest").get(pk=run_id)
            # RUNNING only in runs started before the computation became one transaction
            if run.status not in ACTIVE_STATUSES or run.decisions.exists():
                return run
            inputs, warnings = gather_inputs(run.contest, policy_for(run.contest))
            SelectionDecision.objects.bulk_create([
                SelectionDecision(run=run, proposal_id=draft.proposal_id, rank=draft.rank,
                                  stage_scores=draft.stored_scores(),
                                  combined_score=draft.combined_score,
                                  requested_national_krw=draft.requested_national_krw,
                                  computed_outcome=draft.outcome, computed_national_krw=draft.national_krw,
                                  outcome=draft.outcome, national_krw=draft.national_krw,
                                  funding_reduced=draft.funding_reduced, tie_at_boundary=draft.tie_at_boundary)
                for draft in decide(inputs)])
            fault_point("selection.execute_run.decisions_written")
            run.inputs, run.inputs_digest, run.warnings = inputs, digest(inputs), warnings
            run.status, run.finished_at = RunStatus.COMPLETED, timezone.now()
            run.save(update_fields=["inputs", "inputs_digest", "warnings", "status", "finished_at"])
            return run
    except Exception as error:
        logger.exception("Selection run %s failed", run_id)
        SelectionRun.objects.filter(pk=run_id, status__in=ACTIVE_STATUSES).update(
            status=RunStatus.FAILED, error=f"{type(error).__name__}: {error}", finished_at=timezone.now())
        return SelectionRun.objects.get(pk=run_id)


def is_stalled(run: SelectionRun, now: datetime | None = None) -> bool:
    """Queued (or running) for longer than ``SELECTION_RUN_STALLED_AFTER_MINUTES``: no worker has computed
    it, which takes seconds; the broker or every worker is down."""
    limit = timedelta(minutes=settings.SELECTION_RUN_STALLED_AFTER_MINUTES)
    return run.status in ACTIVE_STATUSES and (now or timezone.now()) - run.requested_at > limit


@transaction.atomic
def fail_stalled_run(*, actor, run: SelectionRun, reason: str, now: datetime | None = None) -> SelectionRun:
    """The council gives up on a stalled run (its reason recorded), so a new run can be started; a worker
    that reaches it later leaves it failed. Raises ``SelectionRefused`` when the run is not stalled."""
    run = _locked(run)
    if not is_stalled(run, now):
        raise SelectionRefused(_("Only a run that has waited too long for the background worker can be "
                                 "marked failed."))
    run.status, run.error, run.finished_at = RunStatus.FAILED, reason, now or timezone.now()
    run.save(update_fields=["status", "error", "finished_at"])
    record(actor=actor, action="selection.run_failed", target=run, reason=reason)
    return run


def _locked(run: SelectionRun) -> SelectionRun:
    return SelectionRun.objects.select_for_update().select_related("contest").get(pk=run.pk)


@transaction.atomic
def approve_run(*, actor, run: SelectionRun, note: str = "", now: datetime | None = None) -> SelectionRun:
    """Approve a computed run: every panel signed off, the scores and settings still those the run read,
    and the decisions (with the council's adjustments) within the target and the budget."""
    run = _locked(run)
    refuse_unless(can_be_approved(run), SelectionRefused)
    pending = list(Panel.objects.filter(contest=run.contest, signed_off_at=None).order_by("stage", "name"))
    if pending:
        raise SelectionRefused(_("These panels have not signed off their results: %(panels)s.")
                               % {"panels": ", ".join(str(panel) for panel in pending)})
    inputs, _warnings = gather_inputs(run.contest, policy_for(run.contest))
    if digest(inputs) != digest(upgraded(run.inputs)):  # a run stored before stages were data: read as today
        raise SelectionRefused(_("Scores or settings changed after this run was computed; start a new run."))
    totals = run.decisions.filter(outcome=Outcome.SELECTED).aggregate(count=Count("pk"), money=Sum("national_krw"))
    selected, committed = totals["count"], totals["money"] or 0
    check_commitment(run.contest, selected=selected, committed_krw=committed)
    run.status, run.approved_by, run.approved_at, run.approval_note = (RunStatus.APPROVED, actor, now or timezone.now(),
                                                                       note)
    run.save(update_fields=["status", "approved_by", "approved_at", "approval_note"])
    record(actor=actor, action="selection.run_approved", target=run, reason=note,
           changes={"selected": selected, "national_krw": committed})
    return run


def objection_deadline(contest: Contest, published_at: datetime) -> datetime:
    """Objections run for the contest's number of whole days after the day of publication (Asia/Seoul):
    published on 10 November with 7 days, the last day is 17 November and the window closes at midnight."""
    published_day = published_at.astimezone(SEOUL).date()
    last_day = published_day + timedelta(days=contest.objection_period_days)
    return datetime.combine(last_day + timedelta(days=1), time.min, tzinfo=SEOUL)


@transaction.atomic
def publish_run(*, actor, run: SelectionRun, now: datetime | None = None) -> SelectionRun:
    """Publish the approved result: applicants see their decision and may object until the deadline.
    Every applicant is notified once (the run's id is the occasion)."""
    run = _locked(run)
    refuse_unless(can_be_published(run), SelectionRefused)
    now = now or timezone.now()
    run.status, run.published_by, run.published_at = RunStatus.PUBLISHED, actor, now
    run.objection_closes_at = objection_deadline(run.contest, now)
    run.save(update_fields=["status", "published_by", "published_at", "objection_closes_at"])
    record(actor=actor, action="selection.run_published", target=run,
           changes={"objection_closes_at": run.objection_closes_at.isoformat()})
    for decision_id in run.decisions.values_list("pk", flat=True):
        announce("selection.result_published", decision_id, occasion=f"run-{run.pk}")
    return run


@transaction.atomic
def confirm_run(*, actor, run: SelectionRun, now: datetime | None = None) -> SelectionRun:
    """After the objection period, with every objection decided, the result is final."""
    run = _locked(run)
    now = now or timezone.now()
    refuse_unless(can_confirm_now(run, now), SelectionRefused)
    run.status, run.confirmed_at = RunStatus.CONFIRMED, now
    run.save(update_fields=["status", "confirmed_at"])
    record(actor=actor, action="selection.run_confirmed", target=run,
           changes={"selected": run.decisions.filter(outcome=Outcome.SELECTED).count()})
    feed_later_contest(actor=actor, run=run)
    run_confirmed.send(sender=SelectionRun, run=run)
    return run


def confirm_due_runs(now: datetime | None = None) -> list[int]:
    """Daily (Celery beat): confirm every published run whose objection period is over and whose objections
    are all decided. Returns the runs confirmed."""
    now = now or timezone.now()
    confirmed = []
    due = (SelectionRun.objects.filter(status=RunStatus.PUBLISHED, objection_closes_at__lte=now)
           .exclude(decisions__objection__status__in=OPEN_OBJECTION_STATUSES))
    for run in due.order_by("pk"):
        try:
            confirm_run(actor=None, run=run, now=now)
        except SelectionRefused:
            continue
        confirmed.append(run.pk)
    return confirmed

