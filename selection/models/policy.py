"""How a contest's final selection orders tied results and how many reserves it keeps. Each stage's weight and
cut-off are the stage's own (``applications.ContestStage``)."""
from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class SelectionPolicy(models.Model):
    """The tie-break order (stage codes and ``national_request``; the receipt number always last; empty: the
    stages from the last to the first) and the number of reserves. The target number of tasks, the cap per task
    and the total budget are the contest's own."""

    contest = models.OneToOneField("applications.Contest", verbose_name=_("contest"), on_delete=models.CASCADE,
                                   related_name="selection_policy")
    tie_break = models.JSONField(_("tie-break order"), default=list, blank=True,
                                 help_text=_("Stage codes, or national_request; the receipt number decides last."))
    reserve_count = models.PositiveSmallIntegerField(_("number of reserves"), default=3)
    updated_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("changed by"), on_delete=models.PROTECT,
                                   related_name="+")
    updated_at = models.DateTimeField(_("changed at"), auto_now=True)

    class Meta:
        verbose_name = _("selection policy")
        verbose_name_plural = _("selection policies")

    def __str__(self) -> str:
        return f"{self.contest}: {self.reserve_count}"
