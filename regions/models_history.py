"""Reorganisations as dated history: how each local government stood over time, what changed on which
day, which units came out of which, and the council's decisions on designations of reorganised units.

A unit that only changed its code, name or province keeps its identity (one ``LocalGovernment`` with
several ``LocalGovernmentPeriod`` rows); an abolished unit keeps its row with an end date and points to its
successors through ``Succession``. Designations never move by themselves: ``DesignationSuccession`` is the
council's explicit decision, with its source.
"""
from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _


class LocalGovernmentPeriod(models.Model):
    """How a local government stood over a period: its province and its names (open ends are empty)."""

    local_government = models.ForeignKey("regions.LocalGovernment", verbose_name=_("local government"),
                                         on_delete=models.CASCADE, related_name="periods")
    province = models.ForeignKey("regions.Province", verbose_name=_("province"), on_delete=models.PROTECT,
                                 related_name="member_periods")
    name_ko = models.CharField(_("name (Korean)"), max_length=100)
    name_en = models.CharField(_("name (English)"), max_length=150)
    valid_from = models.DateField(_("valid from"), null=True, blank=True)
    valid_to = models.DateField(_("valid until"), null=True, blank=True)

    class Meta:
        ordering = ["local_government", F("valid_from").asc(nulls_first=True)]
        verbose_name = _("local government period")
        verbose_name_plural = _("local government periods")
        constraints = [
            models.CheckConstraint(name="local_government_period_valid",
                                   condition=Q(valid_to__isnull=True) | Q(valid_from__isnull=True)
                                   | Q(valid_to__gte=F("valid_from"))),
        ]
        indexes = [models.Index(fields=["province", "valid_from", "valid_to"])]

    def __str__(self) -> str:
        return f"{self.name_ko} ({self.valid_from or '…'}–{self.valid_to or ''})"

    @property
    def name(self) -> str:
        return self.name_en if (get_language() or "ko").startswith("en") else self.name_ko


class Reorganisation(models.Model):
    """One change to one local government on one day, with where the fact comes from."""

    class Change(models.TextChoices):
        ABOLISHED = "abolished", _("abolished")
        CREATED = "created", _("created")
        RENAMED = "renamed", _("renamed")
        RECODED = "recoded", _("code changed")
        MOVED_PROVINCE = "moved_province", _("moved to another province")

    local_government = models.ForeignKey("regions.LocalGovernment", verbose_name=_("local government"),
                                         on_delete=models.CASCADE, related_name="reorganisations")
    change = models.CharField(_("change"), max_length=20, choices=Change.choices)
    effective_on = models.DateField(_("effective on"))
    old_value = models.CharField(_("before"), max_length=200, blank=True)
    new_value = models.CharField(_("after"), max_length=200, blank=True)
    source = models.CharField(_("source"), max_length=300)
    verified = models.BooleanField(_("verified"), default=True)
    note = models.TextField(_("note"), blank=True)

    class Meta:
        ordering = ["effective_on", "local_government__code", "change"]
        verbose_name = _("reorganisation")
        verbose_name_plural = _("reorganisations")
        constraints = [
            models.UniqueConstraint(fields=["local_government", "change", "effective_on"],
                                    name="reorganisation_one_change_per_day"),
            models.CheckConstraint(name="reorganisation_change_known", condition=Q(change__in=[
                "abolished", "created", "renamed", "recoded", "moved_province"])),
        ]

    def __str__(self) -> str:
        return f"{self.effective_on} {self.local_government.name_ko}: {self.get_change_display()}"


class Succession(models.Model):
    """Territory of ``predecessor`` passed to ``successor`` on ``effective_on`` (``whole``: all of it)."""

    predecessor = models.ForeignKey("regions.LocalGovernment", verbose_name=_("predecessor"), on_delete=models.CASCADE,
                                    related_name="successions")
    successor = models.ForeignKey("regions.LocalGovernment", verbose_name=_("successor"), on_delete=models.CASCADE,
                                  related_name="predecessions")
    effective_on = models.DateField(_("effective on"))
    whole = models.BooleanField(_("all of its territory"), default=False)
    source = models.CharField(_("source"), max_length=300)
    verified = models.BooleanField(_("verified"), default=True)

    class Meta:
        ordering = ["effective_on", "predecessor__code", "successor__code"]
        verbose_name = _("succession")
        verbose_name_plural = _("successions")
        constraints = [
            models.UniqueConstraint(fields=["predecessor", "successor"], name="succession_unique_pair"),
            models.CheckConstraint(name="succession_not_itself", condition=~Q(predecessor=F("successor"))),
        ]

    def __str__(self) -> str:
        return f"{self.predecessor.name_ko} → {self.successor.name_ko} ({self.effective_on})"


class SuccessionOutcome(models.TextChoices):
    CARRY = "carry", _("carried to a successor")
    END = "end", _("ended")


class DesignationSuccession(models.Model):
    """The council's decision on a designation whose holder was abolished or split: carried to a successor
    from a date (a new designation is created with this decision as its source), or ended."""

    Outcome = SuccessionOutcome

    designation = models.ForeignKey("regions.Designation", verbose_name=_("designation"), on_delete=models.PROTECT,
                                    related_name="succession_decisions")
    outcome = models.CharField(_("decision"), max_length=10, choices=Outcome.choices)
    successor = models.ForeignKey("regions.LocalGovernment", verbose_name=_("successor"), on_delete=models.PROTECT,
                                  null=True, blank=True, related_name="+")
    effective_on = models.DateField(_("effective on"))
    source = models.CharField(_("source"), max_length=300,
                              help_text=_("The notice, minutes or letter that records the decision."))
    reason = models.TextField(_("reason"), blank=True)
    carried_designation = models.OneToOneField("regions.Designation", verbose_name=_("designation carried"),
                                               on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("decided by"),
                                   on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    decided_at = models.DateTimeField(_("recorded at"), auto_now_add=True)

    class Meta:
        ordering = ["designation", "decided_at"]
        verbose_name = _("designation succession decision")
        verbose_name_plural = _("designation succession decisions")
        constraints = [
            models.CheckConstraint(name="designation_succession_outcome_shape", condition=(
                Q(outcome=SuccessionOutcome.CARRY, successor__isnull=False)
                | Q(outcome=SuccessionOutcome.END, successor__isnull=True))),
            models.UniqueConstraint(fields=["designation", "successor"], name="designation_succession_once",
                                    condition=Q(successor__isnull=False)),
            models.UniqueConstraint(fields=["designation"], name="designation_succession_one_end",
                                    condition=Q(outcome=SuccessionOutcome.END)),
        ]

    def __str__(self) -> str:
        return f"{self.designation} · {self.get_outcome_display()}"
