"""Participating companies: the task's recruitment announcement and the companies that apply to it."""
from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from applications.models import GrowthStage
from applications.registration_number import formatted

from .tasks import SelectedTask


class Recruitment(models.Model):
    """A call for participating companies, published e.g. through the regional technopark."""

    task = models.ForeignKey(SelectedTask, verbose_name=_("task"), on_delete=models.CASCADE,
                             related_name="recruitments")
    title = models.CharField(_("title"), max_length=300)
    published_through = models.CharField(_("published through"), max_length=200,
                                         help_text=_("e.g. Gyeongnam Technopark"))
    body = models.TextField(_("announcement"))
    opens_on = models.DateField(_("applications open"))
    closes_on = models.DateField(_("applications close"))
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("created by"), on_delete=models.PROTECT,
                                   related_name="+")
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        ordering = ["task", "-opens_on", "-pk"]
        verbose_name = _("company recruitment")
        verbose_name_plural = _("company recruitments")
        constraints = [
            models.CheckConstraint(name="recruitment_period_ordered", condition=Q(closes_on__gte=F("opens_on")),
                                   violation_error_message=_("Applications must close on or after they open.")),
        ]

    def __str__(self) -> str:
        return self.title


class ApplicationStatus(models.TextChoices):
    APPLIED = "applied", _("Applied")
    SELECTED = "selected", _("Selected")
    NOT_SELECTED = "not_selected", _("Not selected")


class CompanyApplication(models.Model):
    """A company's application; once selected, its growth stage and the support it receives are tracked."""

    recruitment = models.ForeignKey(Recruitment, verbose_name=_("recruitment"), on_delete=models.CASCADE,
                                    related_name="applications")
    company_name = models.CharField(_("company name"), max_length=200)
    business_registration_number = models.CharField(_("business registration number"), max_length=10)
    representative = models.CharField(_("representative"), max_length=100)
    email = models.EmailField(_("e-mail"))
    growth_stage = models.CharField(_("growth stage"), max_length=16, choices=GrowthStage.choices)
    youth_led = models.BooleanField(_("youth-led"), default=False)
    plan = models.TextField(_("what the company plans with the support"))
    status = models.CharField(_("status"), max_length=16, choices=ApplicationStatus.choices,
                              default=ApplicationStatus.APPLIED)
    applied_at = models.DateTimeField(_("applied at"), auto_now_add=True)
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("decided by"), on_delete=models.PROTECT,
                                   null=True, blank=True, related_name="+")
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)
    support_received_krw = models.PositiveBigIntegerField(_("support received (KRW)"), default=0)

    class Meta:
        ordering = ["recruitment", "applied_at", "pk"]
        verbose_name = _("company application")
        verbose_name_plural = _("company applications")
        constraints = [
            models.UniqueConstraint(fields=["recruitment", "business_registration_number"],
                                    name="company_applies_once_per_recruitment"),
            models.CheckConstraint(name="application_brn_ten_digits",
                                   condition=Q(business_registration_number__regex=r"^[0-9]{10}$")),
            models.CheckConstraint(name="application_status_known",
                                   condition=Q(status__in=ApplicationStatus.values)),
            models.CheckConstraint(name="application_stage_known", condition=Q(growth_stage__in=GrowthStage.values)),
        ]

    def __str__(self) -> str:
        return self.company_name

    @property
    def formatted_registration_number(self) -> str:
        return formatted(self.business_registration_number)

    @property
    def is_selected(self) -> bool:
        """Chosen for the task's support: its growth stage and the support it receives are tracked."""
        return self.status == ApplicationStatus.SELECTED
