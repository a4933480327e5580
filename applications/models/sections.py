"""The structured sections of a proposal: companies, budget, KPI targets and support requests.

Each row belongs to the draft being edited; a submission copies them into the frozen version's snapshot.
"""
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from applications.registration_number import formatted
from core.formats import number, won

from .proposal import Proposal


class GrowthStage(models.TextChoices):
    EARLY = "early", _("Early stage (under 3 years)")
    EXPANSION = "expansion", _("Expansion stage (3 to 7 years)")
    GROWTH = "growth", _("Growth stage (7 years or more)")


class ParticipatingCompany(models.Model):
    proposal = models.ForeignKey(Proposal, verbose_name=_("proposal"), on_delete=models.CASCADE,
                                 related_name="companies")
    name = models.CharField(_("company name"), max_length=200)
    business_registration_number = models.CharField(_("business registration number"), max_length=10,
                                                    help_text=_("10 digits; dashes are allowed."))
    growth_stage = models.CharField(_("growth stage"), max_length=16, choices=GrowthStage.choices)
    youth_led = models.BooleanField(_("youth-led"), default=False,
                                    help_text=_("Run by a representative aged 39 or under."))

    class Meta:
        ordering = ["proposal", "name"]
        verbose_name = _("participating company")
        verbose_name_plural = _("participating companies")
        constraints = [
            models.UniqueConstraint(fields=["proposal", "business_registration_number"],
                                    name="company_once_per_proposal"),
            models.CheckConstraint(name="company_brn_ten_digits",
                                   condition=Q(business_registration_number__regex=r"^[0-9]{10}$")),
            models.CheckConstraint(name="company_growth_stage_known", condition=Q(growth_stage__in=GrowthStage.values)),
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.formatted_registration_number})"

    @property
    def formatted_registration_number(self) -> str:
        return formatted(self.business_registration_number)


class BudgetSource(models.TextChoices):
    NATIONAL = "national", _("National")
    PROVINCIAL = "provincial", _("Provincial")
    LOCAL = "local", _("Local (si/gun/gu)")
    PRIVATE = "private", _("Private")


class BudgetLine(models.Model):
    """One cell of the budget table: a calendar year and a source of money, in whole won."""

    proposal = models.ForeignKey(Proposal, verbose_name=_("proposal"), on_delete=models.CASCADE,
                                 related_name="budget_lines")
    year = models.PositiveSmallIntegerField(_("year"))
    source = models.CharField(_("source"), max_length=16, choices=BudgetSource.choices)
    amount_krw = models.PositiveBigIntegerField(_("amount (KRW)"))

    class Meta:
        ordering = ["proposal", "year", "source"]
        verbose_name = _("budget line")
        verbose_name_plural = _("budget lines")
        constraints = [
            models.UniqueConstraint(fields=["proposal", "year", "source"], name="budget_line_once_per_cell"),
            models.CheckConstraint(name="budget_line_source_known", condition=Q(source__in=BudgetSource.values)),
        ]

    def __str__(self) -> str:
        return f"{self.year} {self.get_source_display()}: {won(self.amount_krw)}"


class KpiIndicator(models.TextChoices):
    JOBS = "jobs", _("Jobs created")
    YOUTH_JOBS = "youth_jobs", _("Youth jobs created")
    COMPANIES_SUPPORTED = "companies_supported", _("Companies supported")
    SALES_KRW = "sales_krw", _("Sales increase (KRW)")
    POPULATION_INFLUX = "population_influx", _("Population influx (persons)")


class KpiTarget(models.Model):
    proposal = models.ForeignKey(Proposal, verbose_name=_("proposal"), on_delete=models.CASCADE,
                                 related_name="kpi_targets")
    indicator = models.CharField(_("indicator"), max_length=32, choices=KpiIndicator.choices)
    target = models.PositiveBigIntegerField(_("target"))

    class Meta:
        ordering = ["proposal", "indicator"]
        verbose_name = _("KPI target")
        verbose_name_plural = _("KPI targets")
        constraints = [
            models.UniqueConstraint(fields=["proposal", "indicator"], name="kpi_target_once_per_indicator"),
            models.CheckConstraint(name="kpi_indicator_known", condition=Q(indicator__in=KpiIndicator.values)),
        ]

    def __str__(self) -> str:
        return f"{self.get_indicator_display()}: {number(self.target)}"


class VisaType(models.TextChoices):
    F2R = "F-2-R", _("F-2-R region-specific talent residence")
    F4R = "F-4-R", _("F-4-R region-specific overseas Korean")


class RequestLine(models.TextChoices):
    """The support lines a request can name until requests are described by the ministries' registry."""

    REGIONAL_VISA = "regional_visa", _("Region-specific visa")
    EXTINCTION_FUND = "extinction_fund", _("Local Extinction Response Fund")
    RURAL_AGREEMENT_FACILITY = "rural_agreement_facility", _("Rural Agreement facilities")
    SME_COMMERCIALIZATION = "sme_commercialization", _("SME commercialization")


LINE = RequestLine


class SupportRequest(models.Model):
    """What the proposal asks of one ministry's support line; the fields used depend on the line.

    MOJ visa: visa type and persons. MOIS fund: infrastructure project and amount. MAFRA: rural facility
    and amount. MSS: commercialization item, companies and amount. The database refuses other shapes.
    """

    proposal = models.ForeignKey(Proposal, verbose_name=_("proposal"), on_delete=models.CASCADE,
                                 related_name="support_requests")
    line = models.CharField(_("support line"), max_length=32, choices=LINE.choices)
    visa_type = models.CharField(_("visa type"), max_length=8, choices=VisaType.choices, blank=True)
    persons = models.PositiveIntegerField(_("persons"), null=True, blank=True)
    project_name = models.CharField(_("project or facility"), max_length=300, blank=True)
    support_item = models.ForeignKey("ministries.SupportItem", verbose_name=_("support item"),
                                     on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    companies = models.PositiveIntegerField(_("companies"), null=True, blank=True)
    amount_krw = models.PositiveBigIntegerField(_("amount (KRW)"), null=True, blank=True)
    description = models.TextField(_("details"), blank=True)

    class Meta:
        ordering = ["proposal", "line", "pk"]
        verbose_name = _("support request")
        verbose_name_plural = _("support requests")
        constraints = [
            models.CheckConstraint(name="support_request_shaped_by_line", condition=(
                (Q(line=LINE.REGIONAL_VISA) & ~Q(visa_type="") & Q(persons__gt=0))
                | (Q(line=LINE.EXTINCTION_FUND) & ~Q(project_name="") & Q(amount_krw__gt=0))
                | (Q(line=LINE.RURAL_AGREEMENT_FACILITY) & ~Q(project_name="") & Q(amount_krw__gt=0))
                | (Q(line=LINE.SME_COMMERCIALIZATION) & Q(support_item__isnull=False) & Q(companies__gt=0)))),
            models.UniqueConstraint(fields=["proposal", "visa_type"], condition=Q(line=LINE.REGIONAL_VISA),
                                    name="support_request_one_per_visa_type"),
            models.UniqueConstraint(fields=["proposal", "support_item"],
                                    condition=Q(line=LINE.SME_COMMERCIALIZATION),
                                    name="support_request_one_per_mss_item"),
        ]

    def __str__(self) -> str:
        return f"{self.get_line_display()}: {self.summary}"

    @property
    def summary(self) -> str:
        return describe_support_request(line=self.line, visa_type=self.visa_type, persons=self.persons,
                                        project_name=self.project_name, item=self.support_item,
                                        companies=self.companies, amount_krw=self.amount_krw)


def describe_support_request(*, line: str, visa_type: str, persons, project_name: str, item, companies,
                             amount_krw) -> str:
    """One line a reader understands, whatever the support line: for the page and for a frozen version."""
    if line == LINE.REGIONAL_VISA:
        return str(_("%(visa)s, %(persons)s persons") % {"visa": visa_type, "persons": persons})
    if line == LINE.SME_COMMERCIALIZATION:
        text = _("%(item)s, %(companies)s companies") % {"item": item, "companies": companies}
    else:
        text = project_name
    if amount_krw:
        text = _("%(text)s, %(amount)s KRW") % {"text": text, "amount": number(amount_krw)}
    return str(text)
