"""Carrying notifications through their channels: one delivery per notification and channel, recorded in
the transaction that writes the notification, and sent by its own task (``task_send``) after it commits:
record the attempt, send, mark. A worker that dies anywhere loses nothing (the outbox hands the task over
again) and repeats nothing it marked; only a death between the channel's acceptance and the mark sends again
(README, "When the broker or a worker is down")."""
import logging

from django.db import transaction
from django.utils import timezone

from core.faults import fault_point
from outbox.services import defer

from .channels import DeliveryRefused, channel_for, registered_channels
from .models import Delivery, DeliveryStatus, Notification

logger = logging.getLogger(__name__)

SEND_TASK = "notifications.tasks.task_send"


class DeliveryDeferred(Exception):
    """A channel's transient error (a mail server saying "try again later"): the task retries with backoff,
    and the outbox's sweep after that."""


def open_deliveries(notification: Notification) -> int:
    """Record a delivery of ``notification`` through each channel that wants it and has none yet: inline
    channels deliver here, the others are deferred to ``task_send`` (one outbox row each). Call inside the
    notification's transaction. Returns the deliveries deferred now."""
    existing = set(notification.deliveries.values_list("channel", flat=True))
    deferred = 0
    for channel in registered_channels():
        if channel.code in existing or not channel.wants(notification):
            continue
        if channel.inline:
            channel.send(notification)
            Delivery.objects.create(notification=notification, channel=channel.code, attempts=1,
                                    status=DeliveryStatus.DELIVERED, delivered_at=timezone.now())
            continue
        delivery = Delivery.objects.create(notification=notification, channel=channel.code)
        defer(SEND_TASK, delivery.pk, key=f"send:{delivery.pk}")
        deferred += 1
    return deferred


def _settle(delivery_id: int, status: str, error: BaseException | str = "") -> None:
    changes = {"status": status}
    if error:
        changes["last_error"] = (f"{type(error).__name__}: {error}" if isinstance(error, BaseException)
                                 else error)[:2000]
    if status == DeliveryStatus.DELIVERED:
        changes["delivered_at"] = timezone.now()
    Delivery.objects.filter(pk=delivery_id, status=DeliveryStatus.PENDING).update(**changes)


def send(delivery_id: int) -> bool:
    """Send one delivery unless it was settled already; True when sent now. The attempt is committed before
    the channel is asked, the delivery marked after it accepted. A transient error is noted and raised as
    ``DeliveryDeferred`` (retried); a refusal, an unregistered channel or ``max_attempts`` tries fail it."""
    with transaction.atomic():
        delivery = (Delivery.objects.select_for_update()
                    .select_related("notification__recipient").get(pk=delivery_id))
        if delivery.status != DeliveryStatus.PENDING:
            return False
        channel = channel_for(delivery.channel)
        if channel is None:
            _settle(delivery.pk, DeliveryStatus.FAILED, f"The channel {delivery.channel!r} is not registered.")
            return False
        if delivery.attempts >= channel.max_attempts:
            _settle(delivery.pk, DeliveryStatus.FAILED)
            return False
        delivery.attempts += 1
        delivery.save(update_fields=["attempts"])
    fault_point(f"notifications.{channel.code}.before_send")
    try:
        channel.send(delivery.notification)
    except DeliveryRefused as error:
        _settle(delivery.pk, DeliveryStatus.FAILED, error)
        return False
    except Exception as error:
        Delivery.objects.filter(pk=delivery.pk).update(last_error=f"{type(error).__name__}: {error}"[:2000])
        if not isinstance(error, channel.transient_errors):
            raise  # a fault of ours: the task fails, the outbox's sweep hands it over again later
        if delivery.attempts >= channel.max_attempts:
            _settle(delivery.pk, DeliveryStatus.FAILED)
            return False
        logger.info("Delivery %s through %s deferred: %s", delivery.pk, channel.code, error)
        raise DeliveryDeferred(f"{channel.code}: {error}") from error
    fault_point(f"notifications.{channel.code}.after_send")
    _settle(delivery.pk, DeliveryStatus.DELIVERED)
    return True
