"""Work a committed write promised: recorded in the write's own transaction, handed to Celery after it
commits, and kept until a worker has done it. A broker that is down or a worker that died leaves the row
pending; the periodic sweep hands it over again (every effect is idempotent by its own key)."""
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class PendingWork(models.Model):
    key = models.CharField(_("idempotency key"), max_length=255, unique=True,
                           help_text=_("What the work is about; recording the same key twice records it once."))
    task = models.CharField(_("task"), max_length=200, help_text=_("The Celery task's dotted path."))
    args = models.JSONField(_("arguments"), default=list, blank=True)
    created_at = models.DateTimeField(_("recorded at"), auto_now_add=True, db_index=True)
    enqueued_at = models.DateTimeField(_("last handed to the broker"), null=True, blank=True)
    attempts = models.PositiveIntegerField(_("hand-overs tried"), default=0)
    last_error = models.TextField(_("last error"), blank=True)
    done_at = models.DateTimeField(_("done at"), null=True, blank=True)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("pending work")
        verbose_name_plural = _("pending work")
        indexes = [models.Index(fields=["created_at"], condition=Q(done_at__isnull=True), name="outbox_pending")]

    def __str__(self) -> str:
        return self.key

    @property
    def is_done(self) -> bool:
        return self.done_at is not None
