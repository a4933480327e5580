"""The ministries of the collaboration project and the support lines each runs.

Ministries and lines are rows, not code: the 2026 six are reference data created by a migration, and the
council adds any next one on a page or through the API. Code that must name one uses the stable ``code``
(``MOJ``, ``MOIS``, ...), never a primary key.
"""
from django.core.validators import RegexValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from regions.models import BilingualNameMixin


class Ministry(BilingualNameMixin):
    """A ministry taking part in the project; ``code`` is its stable short name in capitals (``MOF``)."""

    code = models.CharField(_("code"), max_length=8, unique=True, validators=[RegexValidator(
        r"^[A-Z][A-Z0-9]{1,7}$", _("Two to eight capital letters or digits, starting with a letter."))])
    is_lead = models.BooleanField(_("lead ministry"), default=False)

    class Meta:
        ordering = ["-is_lead", "code"]
        verbose_name = _("ministry")
        verbose_name_plural = _("ministries")
        constraints = [
            models.UniqueConstraint(fields=["is_lead"], condition=Q(is_lead=True), name="ministry_single_lead"),
            models.CheckConstraint(name="ministry_names_given", condition=~Q(name_ko="") & ~Q(name_en="")),
        ]

    def __str__(self) -> str:
        return self.name


class SupportLineKind(BilingualNameMixin):
    """A kind of support one ministry gives selected tasks (e.g. MOJ's region-specific visa)."""

    ministry = models.ForeignKey(Ministry, verbose_name=_("ministry"), on_delete=models.PROTECT,
                                 related_name="support_line_kinds")
    code = models.SlugField(_("code"), max_length=32, unique=True, validators=[RegexValidator(
        r"^[a-z][a-z0-9_]{1,31}$", _("Lower-case letters, digits and underscores, starting with a letter."))])
    description_ko = models.TextField(_("description (Korean)"), blank=True)
    description_en = models.TextField(_("description (English)"), blank=True)

    class Meta:
        ordering = ["ministry__code", "code"]
        verbose_name = _("support line kind")
        verbose_name_plural = _("support line kinds")

    def __str__(self) -> str:
        return self.name

    @property
    def description(self) -> str:
        """The description in the active language (Korean unless English is active)."""
        return self.description_en if (get_language() or "ko").startswith("en") else self.description_ko


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
