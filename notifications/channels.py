"""The channels a notification goes out through, as adapters. Each registered channel decides whether it
carries a notification (``wants``) and carries it (``send``); the notifications app records one delivery per
notification and channel and retries it on its own (``notifications.sending``).

Adding a channel (an SMS gateway, a messenger) is a subclass and a ``register_channel`` call in this app:
no other app, no migration (a delivery names its channel by code).
"""
from smtplib import SMTPException

from django.conf import settings
from django.core.mail import EmailMessage
from django.utils.translation import gettext_lazy as _

from .models import Notification


class DeliveryRefused(Exception):
    """Raised by a channel that will never carry this notification (an address the gateway rejects):
    the delivery fails at once, without retries."""


class Channel:
    """An adapter. ``inline`` channels deliver inside the transaction that writes the notification (their
    retry is the delivery task's own); the others are sent by one task per delivery, after it commits.
    ``transient_errors`` are worth retrying (with backoff), up to ``max_attempts`` tries."""

    code: str = ""
    label = ""
    inline: bool = False
    transient_errors: tuple[type[Exception], ...] = (ConnectionError, TimeoutError)
    max_attempts: int = 8

    def wants(self, notification: Notification) -> bool:
        """Whether this channel carries ``notification`` (its recipient has an address here)."""
        return True

    def send(self, notification: Notification) -> None:
        raise NotImplementedError


class InAppChannel(Channel):
    """The notification centre: the row written is the message, shown until read."""

    code = "in_app"
    label = _("In the portal")
    inline = True

    def send(self, notification: Notification) -> None:
        return None


def message_id(notification: Notification) -> str:
    """The e-mail's Message-ID, the same at every attempt: a message resent after a crash is the same
    message to the receiving mail system."""
    domain = settings.DEFAULT_FROM_EMAIL.rsplit("@", 1)[-1].strip(" >") or "localhost"
    return f"<notification-{notification.pk}.{notification.recipient_id}@{domain}>"


class EmailChannel(Channel):
    """In the recipient's preferred language as it is when the e-mail leaves (``Notification.text_in``)."""

    code = "email"
    label = _("E-mail")
    transient_errors = (SMTPException, ConnectionError, TimeoutError)

    def wants(self, notification: Notification) -> bool:
        return bool(notification.recipient.email)

    def send(self, notification: Notification) -> None:
        if not notification.recipient.email:  # removed since the delivery was recorded
            raise DeliveryRefused("The recipient has no e-mail address.")
        text = notification.text_in(notification.recipient.language or settings.LANGUAGE_CODE)
        body = text.body
        if notification.link:
            body = f"{body}\n\n{settings.PORTAL_BASE_URL}{notification.link}"
        EmailMessage(text.subject, body, None, [notification.recipient.email],
                     headers={"Message-ID": message_id(notification)}).send()


_CHANNELS: dict[str, Channel] = {}


def register_channel(channel: Channel) -> Channel:
    """Make ``channel`` carry every notification it wants from now on; a code is registered once."""
    if not channel.code or channel.code in _CHANNELS:
        raise ValueError(f"A channel needs a code of its own: {channel.code!r}.")
    _CHANNELS[channel.code] = channel
    return channel


def unregister_channel(code: str) -> None:
    """Stop recording new deliveries through ``code``; its pending ones fail when their task runs."""
    _CHANNELS.pop(code, None)


def registered_channels() -> list[Channel]:
    """Inline channels first (they write in the notification's transaction), then in registration order."""
    return sorted(_CHANNELS.values(), key=lambda channel: not channel.inline)


def channel_for(code: str) -> Channel | None:
    return _CHANNELS.get(code)


register_channel(InAppChannel())
register_channel(EmailChannel())
