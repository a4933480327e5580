"""Selection runs on scored data: computed from the stage results, idempotent, approved only on the inputs
they read, and adjusted only with a reason inside the contest's rules."""
from decimal import Decimal

import pytest
from django.core import mail

from audit.models import AuditEntry
from reviews.models import Panel, Score
from selection.models import DecisionAdjustment, Outcome, RunStatus, SelectionDecision
from selection.services import (
    SelectionRefused,
    adjust_decision,
    approve_run,
    execute_run,
    publish_run,
    save_policy,
    start_run,
)
from tests.selection.builders import scored_contest
from tests.selection.conftest import computed_run

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]


def outcomes(run):
    return {decision.proposal.lead_local_government.code: (decision.outcome, decision.rank, decision.national_krw)
            for decision in run.decisions.select_related("proposal__lead_local_government")}


def test_a_run_is_enqueued_on_commit_and_computes_the_decisions(scored, council, django_capture_on_commit_callbacks,
                                                                 celery_eager):
    contest, _proposals = scored
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        run = start_run(actor=council, contest=contest, reason="발표평가 완료")
    assert run.status == RunStatus.QUEUED and len(callbacks) == 1  # nothing runs inside the transaction
    callbacks[0]()
    run.refresh_from_db()
    assert run.status == RunStatus.COMPLETED
    # Hamyang 80×0.3 + 90×0.7 = 87.00; Gokseong 70×0.3 + 75×0.7 = 73.50; Danyang 65×0.3 + 70×0.7 = 68.50.
    assert outcomes(run) == {"48870": (Outcome.SELECTED, 1, 1_000_000_000),
                             "12720": (Outcome.SELECTED, 2, 1_000_000_000),
                             "43800": (Outcome.RESERVE, 3, 0),
                             "47730": (Outcome.BELOW_CUTOFF, None, 0)}
    hamyang = run.decisions.get(proposal__lead_local_government__code="48870")
    assert (hamyang.document_score, hamyang.presentation_score, hamyang.combined_score) == (
        Decimal("80.00"), Decimal("90.00"), Decimal("87.00"))
    assert run.inputs["policy"]["presentation_weight_pct"] == 70 and len(run.inputs_digest) == 64
    assert AuditEntry.objects.filter(action="selection.run_started", target_id=str(run.pk),
                                     actor=council).exists()


def test_running_the_task_again_changes_nothing_and_a_new_run_on_the_same_inputs_agrees(
        scored, council, django_capture_on_commit_callbacks):
    contest, _proposals = scored
    first = computed_run(contest, council, django_capture_on_commit_callbacks)
    before = outcomes(first)
    assert execute_run(first.pk).status == RunStatus.COMPLETED  # a redelivered task
    assert SelectionDecision.objects.filter(run=first).count() == 4
    second = computed_run(contest, council, django_capture_on_commit_callbacks)
    first.refresh_from_db()
    assert first.status == RunStatus.SUPERSEDED
    assert second.number == 2 and second.inputs_digest == first.inputs_digest and outcomes(second) == before
    assert mail.outbox == []  # a run tells nobody anything


def test_a_policy_change_changes_the_result(scored, council, django_capture_on_commit_callbacks):
    contest, _proposals = scored
    save_policy(actor=council, contest=contest, values={"document_weight_pct": 70, "presentation_weight_pct": 30,
                                                        "presentation_cutoff": Decimal(50)})
    run = computed_run(contest, council, django_capture_on_commit_callbacks)
    # Uiseong now passes the presentation cut-off: 85×0.7 + 55×0.3 = 76.00 beats Gokseong's 71.50.
    assert outcomes(run)["47730"] == (Outcome.SELECTED, 2, 1_000_000_000)
    assert outcomes(run)["12720"][0] == Outcome.RESERVE


def test_two_runs_cannot_be_queued_at_once(scored, council, django_capture_on_commit_callbacks):
    contest, _proposals = scored
    with django_capture_on_commit_callbacks(execute=False):
        start_run(actor=council, contest=contest)
        with pytest.raises(SelectionRefused, match="already queued"):
            start_run(actor=council, contest=contest)


def test_approval_needs_every_panel_signed_off(council, django_capture_on_commit_callbacks):
    contest, _proposals = scored_contest({"48870": ([80, 80, 80], [90, 90, 90])}, sign_off=False)
    run = computed_run(contest, council, django_capture_on_commit_callbacks)
    assert run.warnings  # the page says so before anyone tries
    with pytest.raises(SelectionRefused, match="have not signed off"):
        approve_run(actor=council, run=run)
    Panel.objects.filter(contest=contest).update(signed_off_at=run.finished_at)
    assert approve_run(actor=council, run=run).status == RunStatus.APPROVED


def test_approval_is_refused_when_a_score_changed_after_the_run(scored, council, django_capture_on_commit_callbacks):
    contest, _proposals = scored
    run = computed_run(contest, council, django_capture_on_commit_callbacks)
    score = Score.objects.filter(sheet__assignment__proposal__lead_local_government__code="43800").first()
    score.points += 5
    score.save()
    with pytest.raises(SelectionRefused, match="changed after this run"):
        approve_run(actor=council, run=run)


def test_once_approved_no_new_run_and_no_policy_change(scored, council, django_capture_on_commit_callbacks):
    contest, _proposals = scored
    approve_run(actor=council, run=computed_run(contest, council, django_capture_on_commit_callbacks))
    with pytest.raises(SelectionRefused, match="already approved"):
        start_run(actor=council, contest=contest)
    with pytest.raises(SelectionRefused, match="no longer changes"):
        save_policy(actor=council, contest=contest, values={"reserve_count": 5})


def test_an_adjustment_needs_a_reason_and_keeps_the_computed_values(scored, council,
                                                                      django_capture_on_commit_callbacks):
    contest, _proposals = scored
    run = computed_run(contest, council, django_capture_on_commit_callbacks)
    gokseong = run.decisions.get(proposal__lead_local_government__code="12720")
    with pytest.raises(SelectionRefused, match="Say why"):
        adjust_decision(actor=council, decision=gokseong, outcome=Outcome.SELECTED, national_krw=800_000_000,
                        reason=" ")
    adjust_decision(actor=council, decision=gokseong, outcome=Outcome.SELECTED, national_krw=800_000_000,
                    reason="사업비 중복 항목 감액")
    gokseong.refresh_from_db()
    assert (gokseong.outcome, gokseong.national_krw) == (Outcome.SELECTED, 800_000_000)
    assert (gokseong.computed_outcome, gokseong.computed_national_krw) == (Outcome.SELECTED, 1_000_000_000)
    adjustment = DecisionAdjustment.objects.get(decision=gokseong)
    assert (adjustment.actor, adjustment.national_before, adjustment.national_after) == (
        council, 1_000_000_000, 800_000_000)
    with pytest.raises(ValueError):
        adjustment.save()  # the record of the change is never edited


def test_an_adjustment_stays_within_the_cap_the_target_and_the_budget(council, django_capture_on_commit_callbacks):
    contest, _proposals = scored_contest({"48870": ([80] * 3, [90] * 3), "12720": ([70] * 3, [75] * 3),
                                          "43800": ([65] * 3, [70] * 3)}, target=2, budget=1_800_000_000)
    run = computed_run(contest, council, django_capture_on_commit_callbacks)
    gokseong = run.decisions.get(proposal__lead_local_government__code="12720")
    danyang = run.decisions.get(proposal__lead_local_government__code="43800")
    assert gokseong.national_krw == 800_000_000 and gokseong.funding_reduced  # what the budget had left
    with pytest.raises(SelectionRefused, match="cap per task"):
        adjust_decision(actor=council, decision=gokseong, outcome=Outcome.SELECTED,
                        national_krw=1_100_000_000, reason="증액")
    with pytest.raises(SelectionRefused, match="total budget"):
        adjust_decision(actor=council, decision=gokseong, outcome=Outcome.SELECTED, national_krw=900_000_000,
                        reason="증액")
    with pytest.raises(SelectionRefused, match="at most 2 tasks"):
        adjust_decision(actor=council, decision=danyang, outcome=Outcome.SELECTED, national_krw=0,
                        reason="추가 선정")
    with pytest.raises(SelectionRefused, match="Only a selected task"):
        adjust_decision(actor=council, decision=danyang, outcome=Outcome.RESERVE, national_krw=10,
                        reason="예비")


def test_publishing_needs_approval_and_tells_each_applicant_once(scored, council, django_capture_on_commit_callbacks,
                                                                  celery_eager):
    contest, _proposals = scored
    run = computed_run(contest, council, django_capture_on_commit_callbacks)
    with pytest.raises(SelectionRefused, match="Only an approved run"):
        publish_run(actor=council, run=run)
    approve_run(actor=council, run=run)
    assert mail.outbox == []  # approval tells nobody
    with django_capture_on_commit_callbacks(execute=True):
        publish_run(actor=council, run=run)
    # The builder's only official works for Hamyang-gun, so one message goes out: Hamyang's result, to him.
    assert [message.to for message in mail.outbox] == [[run.decisions.get(
        proposal__lead_local_government__code="48870").proposal.created_by.email]]
    with pytest.raises(SelectionRefused):
        publish_run(actor=council, run=run)
