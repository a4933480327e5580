"""The demo's notifications, dated when their events happened: the seed runs in one transaction, so the
outbox would deliver every notification after it commits, at the moment of seeding, all unread. Instead the
seed delivers each itself, on the demo clock at the moment its event was recorded (the outbox row's
``created_at``, written under that phase's clock), and marks read those older than ``READ_AFTER``, so a
login's unread notifications are about the last weeks' work. A notification dated before its recipient's
account existed (the merged province's officer, told of 2024 events) is not kept: no one was there to tell.

The deliveries go through the notifications' own task; the outbox finds the work done when it dispatches.
"""
from datetime import timedelta

from django.db.models import F

from notifications.models import Delivery, Notification
from notifications.tasks import task_deliver, task_send
from outbox.models import PendingWork

from .demo_clock import demo_clock, real_now

READ_AFTER = timedelta(days=21)  # older than three weeks on the seeding day: read
READ_WITHIN = timedelta(hours=2)  # how long after its arrival an old notification was read


def deliver_on_the_demo_clock() -> int:
    """Deliver the seed's pending notifications, each at its event's moment; returns how many were delivered.
    Running again finds nothing pending and changes nothing."""
    pending = list(PendingWork.objects.filter(task=f"{task_deliver.__module__}.task_deliver", done_at=None)
                   .order_by("created_at", "pk"))
    for work in pending:
        with demo_clock(work.created_at):
            task_deliver(*work.args, work_id=work.pk)
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
    sends = PendingWork.objects.filter(task=f"{task_send.__module__}.task_send", done_at=None)
    PendingWork.objects.filter(pk__in=[work.pk for work in sends.only("pk", "args")
                                       if work.args and work.args[0] in deliveries]).delete()
    early.delete()
