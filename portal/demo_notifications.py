"""The demo's notifications, dated when their events happened: the seed runs in one transaction, so the
outbox would deliver every notification after it commits, at the moment of seeding, all unread. Instead the
seed delivers each itself, on the demo clock at the moment its event was recorded (the outbox row's
``created_at``, written under that phase's clock), and marks read those older than ``READ_AFTER``, so a
login's unread notifications are about the last weeks' work. A notification dated before its recipient's
account existed (the merged province's officer, told of 2024 events) is not kept: no one was there to tell.

The deliveries go through what the notifications' own task runs (``notifications.services.deliver``, then
``outbox.services.finish``); the outbox finds the work done when it dispatches. The tasks are named by their
dotted names, as the outbox names them: no module imports a task module (tests/test_import_cycles.py).
"""
from datetime import timedelta

from django.db.models import F

from notifications.models import Delivery, Notification
from notifications.services import deliver
from outbox.models import PendingWork
from outbox.services import finish

from .demo_clock import demo_clock, real_now

READ_AFTER = timedelta(days=21)  # older than three weeks on the seeding day: read
READ_WITHIN = timedelta(hours=2)  # how long after its arrival an old notification was read
DELIVER_TASK = "notifications.tasks.task_deliver"
SEND_TASK = "notifications.tasks.task_send"


def deliver_on_the_demo_clock() -> int:
    """Deliver the seed's pending notifications, each at its event's moment; returns how many were delivered.
    Running again finds nothing pending and changes nothing."""
    pending = list(PendingWork.objects.filter(task=DELIVER_TASK, done_at=None)
                   .order_by("created_at", "pk"))
    for work in pending:
        with demo_clock(work.created_at):
            deliver(*work.args)
            finish(work.pk)
    keys = [work.key.removeprefix("notify:") for work in pending]
    delivered = Notification.objects.filter(key__in=keys)
    _forget_before_joining(delivered)
    delivered.filter(read_at=None, created_at__lt=real_now() - READ_AFTER).update(
        read_at=F("created_at") + READ_WITHIN)
    return len(pending)


def _forget_before_joining(delivered) -> None:
    """Remove the notifications dated before their recipient joined, with their deliveries and the sends
    waiting for those deliveries."""
    early = delivered.filter(created_at__lt=F("recipient__date_joined"))
    deliveries = set(Delivery.objects.filter(notification__in=early).values_list("pk", flat=True))
    sends = PendingWork.objects.filter(task=SEND_TASK, done_at=None)
    PendingWork.objects.filter(pk__in=[work.pk for work in sends.only("pk", "args")
                                       if work.args and work.args[0] in deliveries]).delete()
    early.delete()
