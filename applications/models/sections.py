"""The structured sections of a proposal: companies, budget, KPI targets and support requests.

Each row belongs to the draft being edited; a submission copies them into the frozen version's snapshot.
"""
from django.db import models
from django.db.models import Case, IntegerField, Q, Value, When
from django.utils.translation import gettext_lazy as _

from applications.registration_number import formatted
from core.formats import number, won

from .proposal import Proposal


class GrowthStage(models.TextChoices):
    EARLY = "early", _("Early stage (under 3 years)")
    EXPANSION = "expansion", _("Expansion stage (3 to 7 years)")
    GROWTH = "growth", _("Growth stage (7 years or more)")


class ParticipatingCompany(models.Model):
    """A company taking part. A draft keeps a row as far as it is typed (the name before the registration number
    is at hand): a value that is there is well-formed, which the constraints hold for every row; a value still
    blank is what the checklist names, and submission refuses until it is filled (``checklist.company_gaps``),
    so a frozen version holds complete rows only."""

    proposal = models.ForeignKey(Proposal, verbose_name=_("proposal"), on_delete=models.CASCADE,
                                 related_name="companies")
    name = models.CharField(_("company name"), max_length=200, blank=True)
    business_registration_number = models.CharField(_("business registration number"), max_length=10, blank=True,
                                                    help_text=_("10 digits; dashes are allowed."))
    growth_stage = models.CharField(_("growth stage"), max_length=16, choices=GrowthStage.choices, blank=True)
    youth_led = models.BooleanField(_("youth-led"), default=False,
                                    help_text=_("Run by a representative aged 39 or under."))

    class Meta:
        ordering = ["proposal", "pk"]  # as typed: a half-typed row keeps its place among the others
        verbose_name = _("participating company")
        verbose_name_plural = _("participating companies")
        constraints = [
            models.UniqueConstraint(fields=["proposal", "business_registration_number"],
                                    condition=~Q(business_registration_number=""),
                                    name="company_once_per_proposal"),
            models.CheckConstraint(name="company_brn_ten_digits",
                                   condition=Q(business_registration_number__regex=r"^[0-9]{10}$")
                                   | Q(business_registration_number="")),
            models.CheckConstraint(name="company_growth_stage_known",
                                   condition=Q(growth_stage__in=[*GrowthStage.values, ""])),
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.formatted_registration_number})" if self.business_registration_number \
            else self.name

    @property
    def formatted_registration_number(self) -> str:
        return formatted(self.business_registration_number)


class BudgetSource(models.TextChoices):
    NATIONAL = "national", _("National")
    PROVINCIAL = "provincial", _("Provincial")
    LOCAL = "local", _("Local (si/gun/gu)")
    PRIVATE = "private", _("Private")

    @classmethod
    def rank(cls, source: str) -> int:
        """The official order of the sources, as declared: 국비, 도비, 시·군·구비, 민간 (never their codes' order)."""
        return cls.values.index(source) if source in cls.values else len(cls.values)

    @classmethod
    def ordering(cls, field: str = "source") -> Case:
        """The same order for a query: ``.order_by("year", BudgetSource.ordering())``."""
        return Case(*(When(**{field: source}, then=Value(rank)) for rank, source in enumerate(cls.values)),
                    default=Value(len(cls.values)), output_field=IntegerField())


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


class SupportRequest(models.Model):
    """What the proposal asks of one ministry's support line: values for the line's requestable measures
    (``{measure code: value}``, as ``ministries.values.clean_values`` stores them: integers for counts and KRW,
    option codes, text). What a line lets a proposal ask is data in ``ministries``; the service checks every
    request against it (``applications.support_requests``). ``key`` holds the line's requestable key values:
    one request per key (one per visa type, one per MSS item), checked when the section is saved."""

    proposal = models.ForeignKey(Proposal, verbose_name=_("proposal"), on_delete=models.CASCADE,
                                 related_name="support_requests")
    line = models.ForeignKey("ministries.SupportLineKind", verbose_name=_("support line"),
                             on_delete=models.PROTECT, related_name="proposal_requests")
    values = models.JSONField(_("values"), default=dict, blank=True)
    key = models.CharField(_("identifying values"), max_length=400, blank=True)
    description = models.TextField(_("details"), blank=True)

    class Meta:
        ordering = ["proposal", "pk"]
        verbose_name = _("support request")
        verbose_name_plural = _("support requests")

    def __str__(self) -> str:
        return f"{self.line_id}: {self.key}"
