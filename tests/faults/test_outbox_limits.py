"""The limits the recovery relies on (issue 22): Celery acknowledges late and gives a lost worker's message
back, Redis redelivers only after any task's hard limit, the sweep hands over again only after that and stops
after ``OUTBOX_MAX_ATTEMPTS`` (an operator looks), and done work is forgotten after ``OUTBOX_KEEP_DONE_DAYS``."""
from datetime import timedelta
from io import StringIO

import pytest
from django.conf import settings
from django.core.management import call_command
from django.utils import timezone

from config.celery import app
from outbox.models import PendingWork
from outbox.services import defer, sweep

pytestmark = [pytest.mark.django_db(transaction=True)]


def test_a_task_is_never_handed_out_again_while_it_may_still_run():
    assert app.conf.task_acks_late and app.conf.task_reject_on_worker_lost
    assert app.conf.worker_prefetch_multiplier == 1  # a dead worker holds one message, not a batch
    hard_limit = app.conf.task_time_limit
    visibility = app.conf.broker_transport_options["visibility_timeout"]
    assert app.conf.task_soft_time_limit < hard_limit < visibility < 3600  # shorter than Redis's default hour
    assert hard_limit < settings.OUTBOX_REDISPATCH_AFTER_SECONDS  # the sweep leaves a running task be
    assert settings.CELERY_BEAT_SCHEDULE["sweep-pending-work"]["schedule"] <= 60


def test_the_sweep_gives_up_after_the_most_attempts_and_the_operator_sees_it(broker_down, settings):
    settings.OUTBOX_MAX_ATTEMPTS, settings.OUTBOX_REDISPATCH_AFTER_SECONDS = 3, 0
    work = defer("outbox.tasks.task_sweep_pending_work", key="stuck")  # outside a transaction: handed over now
    work.refresh_from_db()
    assert (work.attempts, work.done_at) == (1, None) and "Error" in work.last_error
    assert sweep() == {"handed_over": 0, "not_handed_over": 1, "forgotten": 0}
    assert sweep()["not_handed_over"] == 1
    assert sweep()["not_handed_over"] == 0  # three hand-overs tried: left for an operator
    listing = StringIO()
    call_command("pending_work", stdout=listing)
    assert "pending: 1;" in listing.getvalue() and "stuck\t" in listing.getvalue() and "attempts 3\t" in (
        listing.getvalue())


def test_done_work_is_forgotten_after_the_days_kept():
    now = timezone.now()
    old = PendingWork.objects.create(key="old", task="outbox.tasks.task_sweep_pending_work",
                                     done_at=now - timedelta(days=settings.OUTBOX_KEEP_DONE_DAYS, seconds=1))
    recent = PendingWork.objects.create(key="recent", task="outbox.tasks.task_sweep_pending_work",
                                        done_at=now - timedelta(days=1))
    assert sweep(now=now)["forgotten"] == 1
    assert not PendingWork.objects.filter(pk=old.pk).exists() and PendingWork.objects.filter(pk=recent.pk).exists()
