"""The provincial officer's confirmation of the provincial matching fund (도비 매칭 확인)."""
from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from audit.models import AppendOnlyModel
from core.formats import won

from .proposal import Proposal


class ProvincialMatchConfirmation(AppendOnlyModel):
    """What the province commits to a proposal. Never changed: a new confirmation supersedes the last."""

    proposal = models.ForeignKey(Proposal, verbose_name=_("proposal"), on_delete=models.PROTECT,
                                 related_name="provincial_confirmations")
    amount_krw = models.PositiveBigIntegerField(_("provincial amount confirmed (KRW)"))
    requested_krw = models.PositiveBigIntegerField(_("provincial amount in the budget (KRW)"))
    note = models.TextField(_("note"), blank=True)
    confirmed_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("confirmed by"),
                                     on_delete=models.PROTECT, related_name="+")
    confirmed_at = models.DateTimeField(_("confirmed at"), auto_now_add=True)

    class Meta:
        ordering = ["proposal", "-confirmed_at", "-pk"]
        get_latest_by = ["confirmed_at", "pk"]
        verbose_name = _("provincial matching confirmation")
        verbose_name_plural = _("provincial matching confirmations")
        constraints = [
            models.CheckConstraint(name="provincial_confirmation_note_when_short",
                                   condition=Q(amount_krw__gte=models.F("requested_krw")) | ~Q(note="")),
        ]

    def __str__(self) -> str:
        return f"{self.proposal} · {won(self.amount_krw)}"

    @property
    def covers_budget(self) -> bool:
        return self.amount_krw >= self.requested_krw
