"""Telling people: events are announced inside the transaction that caused them (recorded as pending work in
the outbox) and delivered by Celery after it commits. Delivery writes one notification per recipient and key
and, in the same transaction, one delivery per notification and channel (``notifications.sending``); each
delivery that leaves the portal is its own task, so a worker that dies in a fan-out loses nothing and repeats
nothing it recorded."""
import functools
import logging

from django.conf import settings
from django.db import IntegrityError, transaction
from django.template import Context, Engine, engines
from django.utils import timezone, translation

from core.faults import fault_point
from outbox.services import defer

from .events import EVENTS, Event
from .models import Notification
from .sending import open_deliveries

logger = logging.getLogger(__name__)


def event_key(event: str, target_id: int, occasion: str | int) -> str:
    return f"{event}:{target_id}:{occasion}"


def announce(event: str, target_id: int, occasion: str | int, context: dict | None = None) -> None:
    """Deliver ``event`` about ``target_id`` once the current transaction commits. ``occasion`` tells
    this happening apart from earlier ones of the same event on the same object (an audit entry's id,
    a date), so a retried delivery finds what it already did."""
    if event not in EVENTS:
        raise KeyError(event)
    defer("notifications.tasks.task_deliver", event, target_id, str(occasion), context or {},
          key=f"notify:{event_key(event, target_id, occasion)}")


@functools.cache
def _text_engine() -> Engine:
    """The project's template engine without HTML escaping: subjects and bodies are plain text (an e-mail
    and a notification row), escaped once where a page shows them, never when written."""
    html = engines["django"].engine
    builtins = [name for name in html.builtins if name not in Engine.default_builtins]  # |moment, |won …
    return Engine(dirs=html.dirs, app_dirs=html.app_dirs, libraries=html.libraries, builtins=builtins,
                  autoescape=False)


def render_text(template_name: str, context: dict) -> str:
    return _text_engine().get_template(template_name).render(Context(context, autoescape=False))


def _render(event: Event, recipient, target, link: str, extra: dict) -> dict[str, dict[str, str]]:
    """The subject and body in every language of the portal, keyed by language code."""
    context = {"target": target, "recipient": recipient, "link": settings.PORTAL_BASE_URL + link, **extra}
    texts = {}
    for language, _name in settings.LANGUAGES:
        with translation.override(language):
            subject = render_text(f"{event.template_stem}_subject.txt", context).strip()
            body = render_text(f"{event.template_stem}_body.txt", context).strip()
        texts[language] = {"subject": " ".join(subject.split())[:300], "body": body}
    return texts


def _record(event: Event, key: str, recipient, target, extra: dict) -> Notification:
    existing = Notification.objects.filter(recipient=recipient, key=key).first()
    if existing is not None:
        return existing
    link = event.link(target)
    texts = _render(event, recipient, target, link, extra)
    own = texts.get(recipient.language) or texts[settings.LANGUAGE_CODE]
    try:
        with transaction.atomic():
            return Notification.objects.create(recipient=recipient, event=event.code, key=key,
                                               subject=own["subject"], body=own["body"], texts=texts, link=link)
    except IntegrityError:  # delivered at the same moment by a duplicate task
        return Notification.objects.get(recipient=recipient, key=key)


def deliver(event_code: str, target_id: int, occasion: str, extra: dict | None = None) -> int:
    """Write ``event_code`` to everyone it concerns and record its delivery through each channel, in one
    transaction; returns the deliveries deferred to their own tasks (``task_send``, one per recipient and
    channel, sent once this commits). Safe to run again: what was done is found by its key and not repeated."""
    event = EVENTS[event_code]
    key = event_key(event_code, target_id, occasion)
    with transaction.atomic():
        target = event.load(target_id)
        recipients = {user.pk: user for user in event.recipients(target)}
        deferred = 0
        for number, recipient in enumerate(sorted(recipients.values(), key=lambda user: user.pk)):
            if number == 1:
                fault_point("notifications.deliver.midway")
            deferred += open_deliveries(_record(event, key, recipient, target, extra or {}))
    return deferred


def mark_read(*, user, notification: Notification) -> Notification:
    if notification.recipient_id != user.pk:
        raise PermissionError("Not the recipient.")
    if notification.read_at is None:
        notification.read_at = timezone.now()
        notification.save(update_fields=["read_at"])
    return notification


def mark_all_read(*, user) -> int:
    return Notification.objects.filter(recipient=user, read_at=None).update(read_at=timezone.now())

