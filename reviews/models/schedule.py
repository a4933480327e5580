"""Scheduled stages (presentation review, site visit, …): when and where each proposal meets its panel."""
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _


class PresentationSlot(models.Model):
    """One proposal's slot in a stage with scheduled slots: a time on the panel's day, in a room or on an online
    link (or both) or, for a site visit, at a place (the address the panel visits). Moving a slot changes this
    row; the audit log keeps where it was."""

    panel = models.ForeignKey("reviews.Panel", verbose_name=_("panel"), on_delete=models.CASCADE,
                              related_name="slots")
    proposal = models.ForeignKey("applications.Proposal", verbose_name=_("proposal"), on_delete=models.PROTECT,
                                 related_name="presentation_slots")
    starts_at = models.DateTimeField(_("starts at"))
    ends_at = models.DateTimeField(_("ends at"))
    room = models.CharField(_("room"), max_length=200, blank=True)
    online_link = models.URLField(_("online link"), blank=True)
    place = models.CharField(_("place"), max_length=300, blank=True,
                             help_text=_("Where the panel visits (a site visit's address)."))

    class Meta:
        ordering = ["starts_at", "pk"]
        verbose_name = _("presentation slot")
        verbose_name_plural = _("presentation slots")
        constraints = [
            models.UniqueConstraint(fields=["panel", "proposal"], name="slot_one_per_proposal"),
            models.UniqueConstraint(fields=["panel", "starts_at"], name="slot_unique_start"),
            models.CheckConstraint(name="slot_ends_after_start", condition=Q(ends_at__gt=F("starts_at"))),
            models.CheckConstraint(name="slot_has_place", condition=~Q(room="") | ~Q(online_link="") | ~Q(place="")),
        ]

    def __str__(self) -> str:
        return f"{self.panel} · {self.proposal} · {self.starts_at:%Y-%m-%d %H:%M}"
