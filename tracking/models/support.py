"""The ministries' support lines for a selected task, as rows of one shape: a row belongs to a task and a line
and holds one value per measure of that line (``values``: ``{measure code: value}``; integers for counts, KRW
and years, option codes, ISO dates, text). What a line counts is data in ``ministries``; the service checks
every value against it (``ministries.values.clean_values``) before a row is written, and every change is
written to the audit trail against the task, with who, when and why."""
from django.db import models
from django.utils.translation import gettext_lazy as _

from .tasks import SelectedTask


class SupportLineRow(models.Model):
    task = models.ForeignKey(SelectedTask, verbose_name=_("task"), on_delete=models.CASCADE,
                             related_name="support_rows")
    line = models.ForeignKey("ministries.SupportLineKind", verbose_name=_("support line"), on_delete=models.PROTECT,
                             related_name="task_rows")
    values = models.JSONField(_("values"), default=dict)
    key = models.CharField(_("identifying values"), max_length=400,
                           help_text=_("The line's key measures' values: one row per task and key."))
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        ordering = ["task", "line", "pk"]
        verbose_name = _("support line row")
        verbose_name_plural = _("support line rows")
        constraints = [
            models.UniqueConstraint(fields=["task", "line", "key"], name="support_row_once_per_key"),
        ]

    def __str__(self) -> str:
        return f"{self.line_id}: {self.key}"
