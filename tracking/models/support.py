"""The four ministries' support lines for a selected task. Each ministry's staff keep only their own rows;
every change is written to the audit trail against the task, with who, when and why."""
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from applications.models import VisaType
from ministries.models import SupportItem

from .tasks import SelectedTask


class VisaAllocation(models.Model):
    """MOJ, region-specific visa: foreign talent requested, allocated and issued, by visa type and year."""

    task = models.ForeignKey(SelectedTask, verbose_name=_("task"), on_delete=models.CASCADE,
                             related_name="visa_allocations")
    year = models.PositiveSmallIntegerField(_("year"))
    visa_type = models.CharField(_("visa type"), max_length=8, choices=VisaType.choices)
    requested = models.PositiveIntegerField(_("persons requested"))
    allocated = models.PositiveIntegerField(_("persons allocated"), default=0)
    issued = models.PositiveIntegerField(_("visas issued"), default=0)

    class Meta:
        ordering = ["task", "year", "visa_type"]
        verbose_name = _("visa allocation")
        verbose_name_plural = _("visa allocations")
        constraints = [
            models.UniqueConstraint(fields=["task", "year", "visa_type"], name="visa_allocation_once_per_type_year"),
            models.CheckConstraint(name="visa_type_known", condition=Q(visa_type__in=VisaType.values)),
            models.CheckConstraint(name="visa_issued_within_allocation", condition=Q(issued__lte=F("allocated")),
                                   violation_error_message=_("More visas issued than persons allocated.")),
        ]

    def __str__(self) -> str:
        return f"{self.year} {self.visa_type}: {self.allocated}/{self.requested}"


class FundProject(models.Model):
    """MOIS, Local Extinction Response Fund: an infrastructure project linked to the task."""

    task = models.ForeignKey(SelectedTask, verbose_name=_("task"), on_delete=models.CASCADE,
                             related_name="fund_projects")
    name = models.CharField(_("infrastructure project"), max_length=200)
    year = models.PositiveSmallIntegerField(_("year"))
    approved_krw = models.PositiveBigIntegerField(_("approved (KRW)"))
    disbursed_krw = models.PositiveBigIntegerField(_("disbursed (KRW)"), default=0)

    class Meta:
        ordering = ["task", "year", "name"]
        verbose_name = _("fund-linked project")
        verbose_name_plural = _("fund-linked projects")
        constraints = [
            models.UniqueConstraint(fields=["task", "name"], name="fund_project_name_once_per_task"),
            models.CheckConstraint(name="fund_disbursed_within_approved",
                                   condition=Q(disbursed_krw__lte=F("approved_krw")),
                                   violation_error_message=_("More disbursed than approved.")),
        ]

    def __str__(self) -> str:
        return self.name


class FacilityPlacement(models.TextChoices):
    FRONT = "front", _("Front-end (production, processing)")
    BACK = "back", _("Back-end (distribution, sales)")


class FacilityStatus(models.TextChoices):
    PLANNED = "planned", _("Planned")
    UNDER_CONSTRUCTION = "under_construction", _("Under construction")
    OPERATING = "operating", _("Operating")


class RuralFacility(models.Model):
    """MAFRA, Rural Agreement: a front- or back-end facility for rural enterprises."""

    task = models.ForeignKey(SelectedTask, verbose_name=_("task"), on_delete=models.CASCADE,
                             related_name="rural_facilities")
    name = models.CharField(_("facility"), max_length=200)
    placement = models.CharField(_("placement"), max_length=8, choices=FacilityPlacement.choices)
    amount_krw = models.PositiveBigIntegerField(_("amount (KRW)"))
    status = models.CharField(_("status"), max_length=24, choices=FacilityStatus.choices,
                              default=FacilityStatus.PLANNED)

    class Meta:
        ordering = ["task", "name"]
        verbose_name = _("rural facility")
        verbose_name_plural = _("rural facilities")
        constraints = [
            models.UniqueConstraint(fields=["task", "name"], name="rural_facility_name_once_per_task"),
            models.CheckConstraint(name="rural_facility_placement_known",
                                   condition=Q(placement__in=FacilityPlacement.values)),
            models.CheckConstraint(name="rural_facility_status_known", condition=Q(status__in=FacilityStatus.values)),
        ]

    def __str__(self) -> str:
        return self.name


class CommercializationSupport(models.Model):
    """MSS, commercialization: per item and year, the companies supported and the KRW."""

    task = models.ForeignKey(SelectedTask, verbose_name=_("task"), on_delete=models.CASCADE,
                             related_name="commercialization")
    year = models.PositiveSmallIntegerField(_("year"))
    item = models.ForeignKey(SupportItem, verbose_name=_("support item"), on_delete=models.PROTECT,
                             related_name="+")
    companies = models.PositiveIntegerField(_("companies supported"))
    amount_krw = models.PositiveBigIntegerField(_("amount (KRW)"))

    class Meta:
        ordering = ["task", "year", "item__position"]
        verbose_name = _("commercialization support")
        verbose_name_plural = _("commercialization support")
        constraints = [
            models.UniqueConstraint(fields=["task", "year", "item"], name="commercialization_once_per_item_year"),
        ]

    def __str__(self) -> str:
        return f"{self.year} {self.item}: {self.companies}"
