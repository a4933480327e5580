"""What the portal told whom, and through which channels. A notification is written once per event and
recipient (its key says which), its text rendered at that moment in every language of the portal; each
channel that carries it (in the portal, e-mail, any channel registered later) has its own delivery: sent at
most once, retried on its own."""
from typing import NamedTuple

from django.conf import settings
from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _


class NotificationText(NamedTuple):
    subject: str
    body: str


class Notification(models.Model):
    """``subject`` and ``body`` are the text in the recipient's language when it was written (what the admin
    searches); ``texts`` holds it in every language of the portal, rendered in the same transaction, so the
    notification centre and the API show it in the reader's current language and the e-mail in the
    recipient's preferred one. A row written before ``texts`` (or in a language added since) reads its
    recipient's-language text in every language: the words are never re-rendered from today's data."""

    recipient = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("recipient"), on_delete=models.CASCADE,
                                  related_name="notifications")
    event = models.CharField(_("event"), max_length=64)
    key = models.CharField(_("idempotency key"), max_length=200,
                           help_text=_("The event and the occasion; one notification per key and recipient."))
    subject = models.CharField(_("subject"), max_length=300)
    body = models.TextField(_("message"))
    texts = models.JSONField(_("text by language"), default=dict, blank=True,
                             help_text=_("The subject and message in each language, as rendered when written."))
    link = models.CharField(_("link"), max_length=300, blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    read_at = models.DateTimeField(_("read at"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("notification")
        verbose_name_plural = _("notifications")
        constraints = [
            models.UniqueConstraint(fields=["recipient", "key"], name="notification_once_per_recipient"),
        ]
        indexes = [models.Index(fields=["recipient", "read_at"])]

    def __str__(self) -> str:
        return f"{self.recipient} · {self.subject}"

    @property
    def is_read(self) -> bool:
        return self.read_at is not None

    def text_in(self, language: str | None = None) -> NotificationText:
        """The subject and message in ``language`` (the active one when not given), else as written for the
        recipient."""
        code = (language or get_language() or settings.LANGUAGE_CODE).split("-")[0]
        text = self.texts.get(code) if isinstance(self.texts, dict) else None
        if text:
            return NotificationText(text.get("subject", self.subject), text.get("body", self.body))
        return NotificationText(self.subject, self.body)

    @property
    def localized_subject(self) -> str:
        """The subject in the reader's language (the active one): what a page or the API shows."""
        return self.text_in().subject

    @property
    def localized_body(self) -> str:
        return self.text_in().body


class DeliveryStatus(models.TextChoices):
    PENDING = "pending", _("pending")
    DELIVERED = "delivered", _("delivered")
    FAILED = "failed", _("failed")


class Delivery(models.Model):
    """One notification through one channel (``notifications.channels``): recorded with the notification,
    then sent by its own task. ``attempts`` is counted before each try, so more than one with a delivery
    date means the channel may have carried it twice (README, "When the broker or a worker is down")."""

    notification = models.ForeignKey(Notification, verbose_name=_("notification"), on_delete=models.CASCADE,
                                     related_name="deliveries")
    channel = models.CharField(_("channel"), max_length=32,
                               help_text=_("The code of a channel registered in notifications.channels."))
    status = models.CharField(_("status"), max_length=16, choices=DeliveryStatus.choices,
                              default=DeliveryStatus.PENDING)
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    last_error = models.TextField(_("last error"), blank=True)
    created_at = models.DateTimeField(_("recorded at"), auto_now_add=True)
    delivered_at = models.DateTimeField(_("delivered at"), null=True, blank=True)

    class Meta:
        ordering = ["notification", "channel"]
        verbose_name = _("delivery")
        verbose_name_plural = _("deliveries")
        constraints = [
            models.UniqueConstraint(fields=["notification", "channel"], name="delivery_once_per_channel"),
        ]
        indexes = [models.Index(fields=["channel", "status"])]

    def __str__(self) -> str:
        return f"{self.notification_id} · {self.channel} · {self.status}"
