"""How a contest's final selection weighs and cuts the stage results."""
from decimal import Decimal

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _


class SelectionPolicy(models.Model):
    """Stage weights in whole percent (they add up to 100), cut-offs on a 100-point scale, reserves.
    The target number of tasks, the cap per task and the total budget are the contest's own."""

    contest = models.OneToOneField("applications.Contest", verbose_name=_("contest"), on_delete=models.CASCADE,
                                   related_name="selection_policy")
    document_weight_pct = models.PositiveSmallIntegerField(_("document review weight (%)"), default=30)
    presentation_weight_pct = models.PositiveSmallIntegerField(_("presentation review weight (%)"), default=70)
    document_cutoff = models.DecimalField(
        _("document review cut-off"), max_digits=5, decimal_places=2, default=Decimal(60),
        help_text=_("Out of 100. A proposal below it in either stage is not selected."))
    presentation_cutoff = models.DecimalField(_("presentation review cut-off"), max_digits=5, decimal_places=2,
                                              default=Decimal(60), help_text=_("Out of 100."))
    reserve_count = models.PositiveSmallIntegerField(_("number of reserves"), default=3)
    updated_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("changed by"), on_delete=models.PROTECT,
                                   related_name="+")
    updated_at = models.DateTimeField(_("changed at"), auto_now=True)

    class Meta:
        verbose_name = _("selection policy")
        verbose_name_plural = _("selection policies")
        constraints = [
            models.CheckConstraint(name="selection_weights_add_up",
                                   condition=Q(presentation_weight_pct=100 - F("document_weight_pct"))),
            models.CheckConstraint(name="selection_cutoffs_bounded",
                                   condition=Q(document_cutoff__gte=0, document_cutoff__lte=100,
                                               presentation_cutoff__gte=0, presentation_cutoff__lte=100)),
        ]

    def __str__(self) -> str:
        return f"{self.contest}: {self.document_weight_pct}/{self.presentation_weight_pct}"
