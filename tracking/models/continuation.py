"""Continuation evaluations (계속 지원 평가): the council's decision, per task and year, whether a task funded on
condition goes on into that year, goes on with less national money, or stops. The agreement's lines of the
year follow it (see ``tracking.services.continuation``)."""
from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from .tasks import SelectedTask


class ContinuationOutcome(models.TextChoices):
    CONTINUE = "continue", _("Continue")
    REDUCED = "reduced", _("Continue with reduced funding")
    STOP = "stop", _("Stop")


FUNDED_OUTCOMES = (ContinuationOutcome.CONTINUE, ContinuationOutcome.REDUCED)


class ContinuationEvaluation(models.Model):
    """One decision for one year of one task, kept as made: a year is decided once. ``national_krw`` is the
    year's national funding after the decision (whole KRW): the reduced amount, or the amount continued."""

    task = models.ForeignKey(SelectedTask, verbose_name=_("task"), on_delete=models.CASCADE,
                             related_name="continuation_evaluations")
    year = models.PositiveSmallIntegerField(_("year"))
    outcome = models.CharField(_("outcome"), max_length=16, choices=ContinuationOutcome.choices)
    national_krw = models.PositiveBigIntegerField(_("national funding for the year (KRW)"), default=0)
    reason = models.TextField(_("reasons"))
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("decided by"), on_delete=models.PROTECT,
                                   related_name="+")
    decided_at = models.DateTimeField(_("decided at"))

    class Meta:
        ordering = ["task", "year"]
        verbose_name = _("continuation evaluation")
        verbose_name_plural = _("continuation evaluations")
        constraints = [
            models.UniqueConstraint(fields=["task", "year"], name="continuation_once_per_task_year"),
            models.CheckConstraint(name="continuation_outcome_known",
                                   condition=Q(outcome__in=ContinuationOutcome.values)),
            models.CheckConstraint(name="continuation_has_reason", condition=~Q(reason="")),
            models.CheckConstraint(name="continuation_stop_pays_nothing",
                                   condition=~Q(outcome=ContinuationOutcome.STOP) | Q(national_krw=0)),
        ]

    def __str__(self) -> str:
        return f"{self.year} {self.get_outcome_display()}"

    @property
    def is_funded(self) -> bool:
        return self.outcome in FUNDED_OUTCOMES
