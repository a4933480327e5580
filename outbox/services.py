"""Recording and handing over pending work.

``defer`` records work inside the caller's transaction and hands it to Celery once that commits. The
hand-over never fails the write: with the broker down the row stays pending, the request is told (see
``outbox.middleware``) and ``sweep`` hands it over again. A task that finishes calls ``finish``; a task
handed over twice (a redelivery, a sweep after a slow worker) must find its effect done by its own key.
"""
import contextvars
import logging
from datetime import datetime, timedelta

from django.conf import settings
from django.db import transaction
from django.db.models import F, Q
from django.utils import timezone
from django.utils.module_loading import import_string

from .models import PendingWork

logger = logging.getLogger(__name__)

# How many hand-overs failed while serving the current request (read by the middleware).
undelivered: contextvars.ContextVar[int] = contextvars.ContextVar("outbox_undelivered", default=0)


def defer(task: str, *args, key: str) -> PendingWork:
    """Record that ``task`` (a Celery task's dotted path) must run with ``args`` (JSON values) once the
    current transaction commits. The same ``key`` recorded again is the same work: recorded once, and not
    handed over again while pending. Returns the row."""
    work, created = PendingWork.objects.get_or_create(key=key, defaults={"task": task, "args": list(args)})
    if created:
        transaction.on_commit(lambda: dispatch(work.pk))
    return work


def dispatch(work_id: int) -> bool:
    """Hand one pending work to the broker; True when handed over (or already done). A broker that cannot be
    reached is recorded on the row and reported to the request; nothing is raised. With Celery eager (no
    broker configured) the task runs here and its errors propagate, as a test expects."""
    from config.celery import app

    work = PendingWork.objects.filter(pk=work_id, done_at=None).first()
    if work is None:
        return True
    task = import_string(work.task)
    PendingWork.objects.filter(pk=work.pk).update(attempts=F("attempts") + 1)
    if app.conf.task_always_eager:
        task.apply_async(args=work.args, kwargs={"work_id": work.pk})
        return True
    try:
        task.apply_async(args=work.args, kwargs={"work_id": work.pk}, retry=False)
    except Exception as error:  # whatever the broker's client raises: the work stays pending
        logger.warning("Pending work %s not handed to the broker: %s", work.key, error)
        PendingWork.objects.filter(pk=work.pk).update(last_error=f"{type(error).__name__}: {error}"[:2000])
        undelivered.set(undelivered.get() + 1)
        return False
    PendingWork.objects.filter(pk=work.pk).update(enqueued_at=timezone.now(), last_error="")
    return True


def finish(work_id: int | None) -> None:
    """Mark the work done (called by the task when its effect is recorded); ``None`` when the task was
    called directly, outside the outbox."""
    if work_id is not None:
        PendingWork.objects.filter(pk=work_id, done_at=None).update(done_at=timezone.now())


def due_for_sweep(now: datetime):
    """Pending work to hand over again: never handed over, or handed over longer ago than
    ``OUTBOX_REDISPATCH_AFTER_SECONDS`` (its worker died, or its message was lost), and tried fewer than
    ``OUTBOX_MAX_ATTEMPTS`` times (past that an operator looks: ``manage.py pending_work``)."""
    stale = now - timedelta(seconds=settings.OUTBOX_REDISPATCH_AFTER_SECONDS)
    return (PendingWork.objects.filter(done_at=None, attempts__lt=settings.OUTBOX_MAX_ATTEMPTS)
            .filter(Q(enqueued_at=None) | Q(enqueued_at__lt=stale)).order_by("created_at", "pk"))


def sweep(now: datetime | None = None, limit: int = 500) -> dict:
    """Periodic (Celery beat, every minute): hand over again what is pending, and forget work done longer
    ago than ``OUTBOX_KEEP_DONE_DAYS``. Returns {"handed_over": n, "not_handed_over": n, "forgotten": n}."""
    now = now or timezone.now()
    handed, failed = 0, 0
    for work_id in list(due_for_sweep(now).values_list("pk", flat=True)[:limit]):
        if dispatch(work_id):
            handed += 1
        else:
            failed += 1
    forgotten, _kinds = PendingWork.objects.filter(
        done_at__lt=now - timedelta(days=settings.OUTBOX_KEEP_DONE_DAYS)).delete()
    return {"handed_over": handed, "not_handed_over": failed, "forgotten": forgotten}
