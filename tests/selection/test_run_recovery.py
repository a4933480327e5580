"""A run whose worker died recovers: a re-sent task computes a run left running, a run no worker reaches is
shown stalled and the council marks it failed with a reason, and the contest is never blocked by it."""
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from audit.models import AuditEntry
from outbox.models import PendingWork
from outbox.services import sweep
from selection.models import RunStatus, SelectionRun
from selection.services import SelectionRefused, execute_run, fail_stalled_run, start_run

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]


def test_a_run_left_running_by_a_dead_worker_is_computed_by_the_next_task(scored, council,
                                                                             django_capture_on_commit_callbacks):
    contest, _proposals = scored
    with django_capture_on_commit_callbacks(execute=False):
        run = start_run(actor=council, contest=contest)
    SelectionRun.objects.filter(pk=run.pk).update(status=RunStatus.RUNNING)  # the worker died after marking it
    assert execute_run(run.pk).status == RunStatus.COMPLETED  # redelivered or swept
    assert run.decisions.count() == 4


def test_the_sweep_hands_a_run_over_again_when_its_message_was_lost(scored, council, celery_eager, settings,
                                                                    django_capture_on_commit_callbacks):
    contest, _proposals = scored
    with django_capture_on_commit_callbacks(execute=False):  # enqueued, then the worker died with it
        run = start_run(actor=council, contest=contest)
    handed_over = timezone.now() - timedelta(seconds=settings.OUTBOX_REDISPATCH_AFTER_SECONDS + 1)
    PendingWork.objects.filter(key=f"selection.run:{run.pk}").update(enqueued_at=handed_over, attempts=1)
    assert sweep(now=handed_over + timedelta(seconds=settings.OUTBOX_REDISPATCH_AFTER_SECONDS - 5)) == {
        "handed_over": 0, "not_handed_over": 0, "forgotten": 0}  # a worker may still be on it
    assert sweep()["handed_over"] == 1
    run.refresh_from_db()
    assert run.status == RunStatus.COMPLETED
    assert PendingWork.objects.get(key=f"selection.run:{run.pk}").done_at is not None


def test_the_council_sees_a_stalled_run_and_marks_it_failed_with_a_reason(client, scored, council,
                                                                           django_capture_on_commit_callbacks):
    contest, _proposals = scored
    with django_capture_on_commit_callbacks(execute=False):  # no worker ever takes it
        run = start_run(actor=council, contest=contest)
    client.force_login(council)
    page = client.get(reverse("selection:run", args=[run.pk])).content.decode()
    assert 'id="run-progress"' in page and 'id="run-stalled"' not in page  # a fresh run: just waiting
    with pytest.raises(SelectionRefused):
        fail_stalled_run(actor=council, run=run, reason="too early")
    SelectionRun.objects.filter(pk=run.pk).update(requested_at=timezone.now() - timedelta(minutes=16))
    page = client.get(reverse("selection:run", args=[run.pk])).content.decode()
    assert 'id="run-stalled"' in page and "manage.py pending_work" in page and 'http-equiv="refresh"' not in page
    refused = client.post(reverse("selection:run-fail", args=[run.pk]), {"reason": ""})
    assert refused.context["fail_form"].errors["reason"]
    client.post(reverse("selection:run-fail", args=[run.pk]), {"reason": "Redis was down all night"})
    run.refresh_from_db()
    assert run.status == RunStatus.FAILED and run.error == "Redis was down all night"
    assert AuditEntry.objects.filter(action="selection.run_failed", target_id=str(run.pk), actor=council,
                                     reason="Redis was down all night").exists()
    assert execute_run(run.pk).status == RunStatus.FAILED  # a worker reaching it later leaves it failed
    with django_capture_on_commit_callbacks(execute=False):
        second = start_run(actor=council, contest=contest)  # the contest is not blocked
    assert second.number == 2
