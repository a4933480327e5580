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


class MeasureType(models.TextChoices):
    """What a measure holds: counts, KRW (whole won), text, one of its options, a year or a date."""

    COUNT = "count", _("count")
    KRW = "krw", _("amount (KRW)")
    TEXT = "text", _("text")
    CHOICE = "choice", _("choice")
    YEAR = "year", _("year")
    DATE = "date", _("date")


NUMERIC_TYPES = (MeasureType.COUNT, MeasureType.KRW)


class Measure(BilingualNameMixin):
    """One thing a support line counts or records for a task (MOJ: visa type, persons allocated, ...).

    ``choices`` holds a choice measure's options as ``[{"code", "name_ko", "name_en"}, ...]``. ``summed``
    measures (counts and KRW only) add up on the dashboard; ``requestable`` ones are what a proposal may ask
    for; ``key`` ones identify a row: a task has at most one row of a line per combination of key values
    (e.g. one per year and visa type), and a proposal one request per requestable key value.
    """

    line = models.ForeignKey(SupportLineKind, verbose_name=_("support line kind"), on_delete=models.CASCADE,
                             related_name="measures")
    code = models.CharField(_("code"), max_length=32, validators=[RegexValidator(
        r"^[a-z][a-z0-9_]{0,31}$", _("Lower-case letters, digits and underscores, starting with a letter."))])
    type = models.CharField(_("type"), max_length=8, choices=MeasureType.choices)
    choices = models.JSONField(_("options"), default=list, blank=True)
    required = models.BooleanField(_("required"), default=False)
    summed = models.BooleanField(_("summed on the dashboard"), default=False)
    requestable = models.BooleanField(_("a proposal may request it"), default=False)
    key = models.BooleanField(_("identifies a row"), default=False)
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        ordering = ["line", "position", "pk"]
        verbose_name = _("measure")
        verbose_name_plural = _("measures")
        constraints = [
            models.UniqueConstraint(fields=["line", "code"], name="measure_code_once_per_line"),
            models.CheckConstraint(name="measure_type_known", condition=Q(type__in=MeasureType.values)),
            models.CheckConstraint(name="measure_summed_only_numbers",
                                   condition=Q(summed=False) | Q(type__in=NUMERIC_TYPES)),
        ]

    def __str__(self) -> str:
        return f"{self.line.code}.{self.code}"


class MeasureRule(models.Model):
    """A rule between two measures of one row, checked whenever a row is saved: ``left op right``
    (``lte``: e.g. visas issued ≤ persons allocated). A missing number counts as zero."""

    class Op(models.TextChoices):
        LTE = "lte", "≤"

    line = models.ForeignKey(SupportLineKind, verbose_name=_("support line kind"), on_delete=models.CASCADE,
                             related_name="rules")
    left = models.ForeignKey(Measure, verbose_name=_("measure"), on_delete=models.CASCADE, related_name="+")
    op = models.CharField(_("rule"), max_length=4, choices=Op.choices, default=Op.LTE)
    right = models.ForeignKey(Measure, verbose_name=_("limit"), on_delete=models.CASCADE, related_name="+")

    class Meta:
        ordering = ["line", "pk"]
        verbose_name = _("measure rule")
        verbose_name_plural = _("measure rules")
        constraints = [
            models.UniqueConstraint(fields=["left", "op", "right"], name="measure_rule_once"),
            models.CheckConstraint(name="measure_rule_op_known", condition=Q(op__in=["lte"])),
            models.CheckConstraint(name="measure_rule_two_measures", condition=~Q(left=models.F("right"))),
        ]

    def __str__(self) -> str:
        return f"{self.left.code} {self.get_op_display()} {self.right.code}"

    @property
    def words(self) -> str:
        """The rule as a person reads it, by the measures' names: ``발급 인원 ≤ 배정 인원``."""
        return f"{self.left.name} {self.get_op_display()} {self.right.name}"
