"""Telling people: events are announced inside the transaction that caused them and delivered by Celery
after it commits. Delivery writes one notification per recipient and key, then e-mails it once."""
import logging

from django.conf import settings
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation

from .events import EVENTS, Event
from .models import Notification

logger = logging.getLogger(__name__)


def event_key(event: str, target_id: int, occasion: str | int) -> str:
    return f"{event}:{target_id}:{occasion}"


def announce(event: str, target_id: int, occasion: str | int, context: dict | None = None) -> None:
    """Deliver ``event`` about ``target_id`` once the current transaction commits. ``occasion`` tells
    this happening apart from earlier ones of the same event on the same object (an audit entry's id,
    a date), so a retried delivery finds what it already did."""
    if event not in EVENTS:
        raise KeyError(event)
    from .tasks import task_deliver

    transaction.on_commit(lambda: task_deliver.delay(event, target_id, str(occasion), context or {}))


def _render(event: Event, recipient, target, link: str, extra: dict) -> tuple[str, str]:
    with translation.override(recipient.language or settings.LANGUAGE_CODE):
        context = {"target": target, "recipient": recipient, "link": settings.PORTAL_BASE_URL + link, **extra}
        subject = render_to_string(f"{event.template_stem}_subject.txt", context).strip()
        body = render_to_string(f"{event.template_stem}_body.txt", context).strip()
    return " ".join(subject.split())[:300], body


def _record(event: Event, key: str, recipient, target, extra: dict) -> Notification:
    existing = Notification.objects.filter(recipient=recipient, key=key).first()
    if existing is not None:
        return existing
    link = event.link(target)
    subject, body = _render(event, recipient, target, link, extra)
    try:
        with transaction.atomic():
            return Notification.objects.create(recipient=recipient, event=event.code, key=key, subject=subject,
                                               body=body, link=link)
    except IntegrityError:  # delivered at the same moment by a duplicate task
        return Notification.objects.get(recipient=recipient, key=key)


def _email(notification_id: int) -> bool:
    """Send the e-mail of one notification unless it went already; the row lock keeps two workers from
    both sending it."""
    with transaction.atomic():
        notification = (Notification.objects.select_for_update().select_related("recipient")
                        .get(pk=notification_id))
        if notification.emailed_at is not None or not notification.recipient.email:
            return False
        body = notification.body
        if notification.link:
            body = f"{body}\n\n{settings.PORTAL_BASE_URL}{notification.link}"
        send_mail(notification.subject, body, None, [notification.recipient.email])
        notification.emailed_at = timezone.now()
        notification.save(update_fields=["emailed_at"])
    return True


def deliver(event_code: str, target_id: int, occasion: str, extra: dict | None = None) -> int:
    """Write and e-mail ``event_code`` to everyone it concerns; returns the e-mails sent now. Safe to run
    again: what was done is found by its key and not repeated."""
    event = EVENTS[event_code]
    target = event.load(target_id)
    key = event_key(event_code, target_id, occasion)
    recipients = {user.pk: user for user in event.recipients(target)}
    sent = 0
    for recipient in sorted(recipients.values(), key=lambda user: user.pk):
        notification = _record(event, key, recipient, target, extra or {})
        sent += _email(notification.pk)
    return sent


def mark_read(*, user, notification: Notification) -> Notification:
    if notification.recipient_id != user.pk:
        raise PermissionError("Not the recipient.")
    if notification.read_at is None:
        notification.read_at = timezone.now()
        notification.save(update_fields=["read_at"])
    return notification


def mark_all_read(*, user) -> int:
    return Notification.objects.filter(recipient=user, read_at=None).update(read_at=timezone.now())

