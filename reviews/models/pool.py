"""The pool of reviewers and the conflicts they declare."""
from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class Reviewer(models.Model):
    """A reviewer of the pool: an external expert or a ministry official, with what decides conflicts."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, verbose_name=_("account"), on_delete=models.PROTECT,
                                related_name="reviewer_profile")
    affiliation = models.CharField(_("affiliation"), max_length=200)
    affiliation_registration_number = models.CharField(
        _("affiliation's business registration number"), max_length=10, blank=True,
        help_text=_("When the affiliation is a company: a proposal listing it is never assigned."))
    home_local_government = models.ForeignKey("regions.LocalGovernment", verbose_name=_("home local government"),
                                              on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    home_province = models.ForeignKey("regions.Province", verbose_name=_("home province"), on_delete=models.PROTECT,
                                      null=True, blank=True, related_name="+")
    fields = models.CharField(_("fields of expertise"), max_length=300, blank=True)
    is_external = models.BooleanField(_("external expert"), default=True)

    class Meta:
        ordering = ["user__last_name", "user__first_name", "pk"]
        verbose_name = _("reviewer")
        verbose_name_plural = _("reviewers")
        constraints = [
            models.CheckConstraint(name="reviewer_affiliation_brn_digits",
                                   condition=Q(affiliation_registration_number="")
                                   | Q(affiliation_registration_number__regex=r"^[0-9]{10}$")),
        ]

    def __str__(self) -> str:
        return f"{self.user.get_full_name() or self.user.username} ({self.affiliation})"


class DeclaredConflict(models.Model):
    """A conflict the reviewer declared (회피), about one proposal or a whole local government."""

    reviewer = models.ForeignKey(Reviewer, verbose_name=_("reviewer"), on_delete=models.PROTECT,
                                 related_name="declared_conflicts")
    proposal = models.ForeignKey("applications.Proposal", verbose_name=_("proposal"), on_delete=models.PROTECT,
                                 null=True, blank=True, related_name="+")
    local_government = models.ForeignKey("regions.LocalGovernment", verbose_name=_("local government"),
                                         on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    reason = models.TextField(_("reason"))
    declared_at = models.DateTimeField(_("declared at"), auto_now_add=True)

    class Meta:
        ordering = ["-declared_at", "-pk"]
        verbose_name = _("declared conflict")
        verbose_name_plural = _("declared conflicts")
        constraints = [
            models.CheckConstraint(name="declared_conflict_has_subject",
                                   condition=Q(proposal__isnull=False) | Q(local_government__isnull=False)),
        ]

    def __str__(self) -> str:
        return f"{self.reviewer} · {self.proposal or self.local_government}"
