"""The four ministries of the collaboration project and the support lines each runs.

The rows are reference data created by a migration: code that branches on a
ministry uses the stable ``code`` (``MOJ``, ``MOIS``, ...), never a primary key.
"""
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from regions.models import BilingualNameMixin


class Ministry(BilingualNameMixin):
    class Code(models.TextChoices):
        MSS = "MSS", _("Ministry of SMEs and Startups")
        MOIS = "MOIS", _("Ministry of the Interior and Safety")
        MOJ = "MOJ", _("Ministry of Justice")
        MAFRA = "MAFRA", _("Ministry of Agriculture, Food and Rural Affairs")

    code = models.CharField(_("code"), max_length=8, unique=True, choices=Code.choices)
    is_lead = models.BooleanField(_("lead ministry"), default=False)

    class Meta:
        ordering = ["-is_lead", "code"]
        verbose_name = _("ministry")
        verbose_name_plural = _("ministries")
        constraints = [
            models.UniqueConstraint(fields=["is_lead"], condition=Q(is_lead=True), name="ministry_single_lead"),
        ]

    def __str__(self) -> str:
        return self.name


class SupportLineKind(BilingualNameMixin):
    """A kind of support one ministry gives selected tasks (e.g. MOJ's region-specific visa)."""

    class Code(models.TextChoices):
        REGIONAL_VISA = "regional_visa", _("Region-specific visa")
        EXTINCTION_FUND = "extinction_fund", _("Local Extinction Response Fund")
        RURAL_AGREEMENT_FACILITY = "rural_agreement_facility", _("Rural Agreement facilities")
        SME_COMMERCIALIZATION = "sme_commercialization", _("SME commercialization")

    ministry = models.ForeignKey(Ministry, verbose_name=_("ministry"), on_delete=models.PROTECT,
                                 related_name="support_line_kinds")
    code = models.CharField(_("code"), max_length=32, unique=True, choices=Code.choices)
    description_ko = models.TextField(_("description (Korean)"), blank=True)
    description_en = models.TextField(_("description (English)"), blank=True)

    class Meta:
        ordering = ["ministry__code", "code"]
        verbose_name = _("support line kind")
        verbose_name_plural = _("support line kinds")

    def __str__(self) -> str:
        return self.name


class SupportItem(BilingualNameMixin):
    """An item within a support line, e.g. MSS's certification or marketing support."""

    line_kind = models.ForeignKey(SupportLineKind, verbose_name=_("support line kind"), on_delete=models.PROTECT,
                                  related_name="items")
    code = models.CharField(_("code"), max_length=40)
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        ordering = ["line_kind", "position"]
        verbose_name = _("support item")
        verbose_name_plural = _("support items")
        constraints = [
            models.UniqueConstraint(fields=["line_kind", "code"], name="support_item_unique_code_per_line"),
        ]

    def __str__(self) -> str:
        return self.name
