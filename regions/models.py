"""The region registry: provinces, local governments, their codes over time, and
the designations that make a local government eligible.

History is data, not a flag: a code that changed stays findable, a unit that is
abolished keeps its rows with an end date, and a designation carries its own
validity period and source.
"""
from datetime import date

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _


def _in_active_language(row: models.Model, field: str) -> str:
    """``field`` of ``row`` in the active language (its ``_ko`` or ``_en`` rendering), else as written: a
    shipped note or citation has both renderings, a text someone typed only itself."""
    language = "en" if (get_language() or "ko").startswith("en") else "ko"
    return getattr(row, f"{field}_{language}") or getattr(row, field)


class BilingualNameMixin(models.Model):
    name_ko = models.CharField(_("name (Korean)"), max_length=100)
    name_en = models.CharField(_("name (English)"), max_length=150)

    class Meta:
        abstract = True

    @property
    def name(self) -> str:
        """The name in the active language (Korean unless English is active)."""
        return self.name_en if (get_language() or "ko").startswith("en") else self.name_ko


class Province(BilingualNameMixin):
    """A first-level division (시·도). A merged province ends (``valid_to``) and names its ``successor``."""

    code = models.CharField(_("code"), max_length=2, unique=True)
    legacy_code = models.CharField(_("earlier code"), max_length=2, blank=True)
    former_name_ko = models.CharField(_("earlier Korean name"), max_length=100, blank=True)
    code_changed_on = models.DateField(_("code changed on"), null=True, blank=True)
    short_name_ko = models.CharField(_("short name (Korean)"), max_length=50, blank=True)
    name_en_provisional = models.BooleanField(
        _("English name provisional"), default=False,
        help_text=_("The English name is our translation; no official one has been published."))
    valid_from = models.DateField(_("exists from"), null=True, blank=True)
    valid_to = models.DateField(_("exists until"), null=True, blank=True)
    successor = models.ForeignKey("self", verbose_name=_("merged into"), on_delete=models.PROTECT, null=True,
                                  blank=True, related_name="predecessors")

    class Meta:
        ordering = ["code"]
        verbose_name = _("province")
        verbose_name_plural = _("provinces")
        constraints = [
            models.CheckConstraint(name="province_code_two_digits", condition=Q(code__regex=r"^[0-9]{2}$")),
            models.CheckConstraint(name="province_valid_period",
                                   condition=Q(valid_to__isnull=True) | Q(valid_from__isnull=True)
                                   | Q(valid_to__gte=F("valid_from"))),
        ]

    def __str__(self) -> str:
        return self.name

    def exists_on(self, day: date) -> bool:
        return (self.valid_from is None or self.valid_from <= day) and (
            self.valid_to is None or self.valid_to >= day
        )


class LocalGovernment(BilingualNameMixin):
    """A basic local government (시·군·구), or an administrative city that takes part
    in national programmes (Sejong, Jeju-si, Seogwipo-si)."""

    class Kind(models.TextChoices):
        SI = "si", _("si (city)")
        GUN = "gun", _("gun (county)")
        GU = "gu", _("gu (district)")

    province = models.ForeignKey(
        Province, verbose_name=_("province"), on_delete=models.PROTECT, related_name="local_governments"
    )
    code = models.CharField(_("administrative code"), max_length=5, unique=True,
                            help_text=_("The current 5-digit code; earlier codes are kept in the code history."))
    kind = models.CharField(_("kind"), max_length=3, choices=Kind.choices)
    is_autonomous = models.BooleanField(_("autonomous"), default=True,
                                        help_text=_("False for administrative cities without an elected council."))
    valid_from = models.DateField(_("exists from"), null=True, blank=True)
    valid_to = models.DateField(_("exists until"), null=True, blank=True)
    note = models.TextField(_("note"), blank=True, help_text=_("As in the shipped data file."))
    note_ko = models.TextField(_("note (Korean)"), blank=True)
    note_en = models.TextField(_("note (English)"), blank=True)

    class Meta:
        ordering = ["code"]
        verbose_name = _("local government")
        verbose_name_plural = _("local governments")
        constraints = [
            models.CheckConstraint(name="local_government_code_five_digits",
                                   condition=Q(code__regex=r"^[0-9]{5}$")),
            models.CheckConstraint(name="local_government_valid_period",
                                   condition=Q(valid_to__isnull=True) | Q(valid_from__isnull=True)
                                   | Q(valid_to__gte=F("valid_from"))),
            models.UniqueConstraint(fields=["province", "name_ko"], condition=Q(valid_to__isnull=True),
                                    name="local_government_unique_current_name_in_province"),
        ]

    def __str__(self) -> str:
        """The province and name; as they stood on a date when ``regions.as_of.stand_rows_on`` (or
        ``regions.selectors.stand_on``) gave the row ``as_of`` (a 2025 round's Haenam: 전라남도 해남군)."""
        as_of = getattr(self, "as_of", None)
        if as_of is not None:
            return f"{as_of.province.name} {as_of.name}"
        return f"{self.province.name} {self.name}" if self.province_id else self.name

    @property
    def name(self) -> str:
        """The name in the active language; as it stood on a date when the row was given ``as_of`` (a 2025
        round's Incheon Seohae-gu is 서구), so a page printing ``.name`` of a stood row prints the round's."""
        as_of = getattr(self, "as_of", None)
        if as_of is not None:
            return as_of.name
        return self.name_en if (get_language() or "ko").startswith("en") else self.name_ko

    @property
    def localized_note(self) -> str:
        """What the data file's note says beyond the unit's dated history (its non-autonomous districts, an
        administrative city's standing), in the active language; the history's own sentences are
        ``regions.notes.history_notes``. Empty when the note told only history."""
        language = "en" if (get_language() or "ko").startswith("en") else "ko"
        return getattr(self, f"note_{language}")

    @property
    def layout_province(self) -> "Province":
        """The province of the date the row was given ``as_of`` for (a 2025 round's Haenam: 전라남도), else
        today's: what a page prints beside ``.name``."""
        as_of = getattr(self, "as_of", None)
        return as_of.province if as_of is not None else self.province

    @property
    def layout_code(self) -> str:
        """The code the row carried on the date of its ``as_of`` (a 2025 round's Gokseong: 46720), else today's."""
        as_of = getattr(self, "as_of", None)
        return as_of.code if as_of is not None else self.code

    def exists_on(self, day: date) -> bool:
        return (self.valid_from is None or self.valid_from <= day) and (
            self.valid_to is None or self.valid_to >= day
        )


class AdministrativeCode(models.Model):
    """One code a local government has carried, and when. A lookup by any code,
    current or earlier, finds the local government."""

    local_government = models.ForeignKey(
        LocalGovernment, verbose_name=_("local government"), on_delete=models.CASCADE, related_name="codes"
    )
    code = models.CharField(_("code"), max_length=5, unique=True)
    valid_from = models.DateField(_("valid from"), null=True, blank=True)
    valid_to = models.DateField(_("valid until"), null=True, blank=True)
    verified = models.BooleanField(_("verified"), default=True,
                                   help_text=_("False while the code is known only from secondary sources."))
    source = models.CharField(_("source"), max_length=300, blank=True)

    class Meta:
        # Earlier codes (no known start) first on every database: PostgreSQL would put NULLs last.
        ordering = ["local_government", F("valid_from").asc(nulls_first=True)]
        verbose_name = _("administrative code")
        verbose_name_plural = _("administrative codes")
        constraints = [
            models.CheckConstraint(name="administrative_code_five_digits", condition=Q(code__regex=r"^[0-9]{5}$")),
            models.CheckConstraint(name="administrative_code_valid_period",
                                   condition=Q(valid_to__isnull=True) | Q(valid_from__isnull=True)
                                   | Q(valid_to__gte=F("valid_from"))),
        ]

    def __str__(self) -> str:
        return self.code


class DesignationKind(models.TextChoices):
    POPULATION_DECLINING = "population_declining", _("Population-declining area")
    INTEREST_AREA = "interest_area", _("Area of interest")
    RURAL_AGREEMENT = "rural_agreement", _("Rural Agreement")


class DesignationState(models.TextChoices):
    """What a designation is worth on a day. A designation of a unit that no longer exists is not valid, even
    when its dates are open-ended: it waits for the council's decision on the successor, or has ended."""

    VALID = "valid", _("valid")
    NOT_VALID = "not_valid", _("not valid")
    AWAITING_SUCCESSOR = "awaiting_successor", _("awaiting the successor decision")
    ENDED_WITH_UNIT = "ended_with_unit", _("ended with the unit")

    @property
    def is_valid(self) -> bool:
        return self is DesignationState.VALID

    @property
    def text_class(self) -> str:
        """The page's colour for the state: valid green, awaiting a decision amber, the rest muted."""
        return {DesignationState.VALID: "text-success",
                DesignationState.AWAITING_SUCCESSOR: "text-warning-emphasis"}.get(self, "text-muted")


class DesignationImport(models.Model):
    """Who imported which designation file, when and why: the audit record of an import."""

    kind = models.CharField(_("designation kind"), max_length=32, choices=DesignationKind.choices)
    file_name = models.CharField(_("file name"), max_length=255)
    sha256 = models.CharField(_("SHA-256"), max_length=64)
    reason = models.CharField(_("reason"), max_length=500)
    imported_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("imported by"),
                                    on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    imported_at = models.DateTimeField(_("imported at"), auto_now_add=True)
    rows_in_file = models.PositiveIntegerField(_("rows in file"))
    rows_created = models.PositiveIntegerField(_("designations created"))

    class Meta:
        ordering = ["-imported_at", "-pk"]
        verbose_name = _("designation import")
        verbose_name_plural = _("designation imports")

    def __str__(self) -> str:
        return f"{self.file_name} ({self.imported_at:%Y-%m-%d %H:%M})"


class Designation(models.Model):
    """A local government designated as one kind of area, from a date, until a date
    (open-ended when empty), on the authority of a source."""

    local_government = models.ForeignKey(
        LocalGovernment, verbose_name=_("local government"), on_delete=models.PROTECT, related_name="designations"
    )
    kind = models.CharField(_("kind"), max_length=32, choices=DesignationKind.choices)
    valid_from = models.DateField(_("valid from"))
    valid_to = models.DateField(_("valid until"), null=True, blank=True)
    source = models.CharField(_("source"), max_length=300, help_text=_("As cited in the file or typed."))
    source_ko = models.CharField(_("source (Korean)"), max_length=300, blank=True)
    source_en = models.CharField(_("source (English)"), max_length=300, blank=True)
    note = models.TextField(_("note"), blank=True)
    note_ko = models.TextField(_("note (Korean)"), blank=True)
    note_en = models.TextField(_("note (English)"), blank=True)
    imported_in = models.ForeignKey(DesignationImport, verbose_name=_("imported in"), on_delete=models.PROTECT,
                                    null=True, blank=True, related_name="designations")

    class Meta:
        ordering = ["local_government__code", "kind", "valid_from"]
        verbose_name = _("designation")
        verbose_name_plural = _("designations")
        constraints = [
            models.UniqueConstraint(fields=["local_government", "kind", "valid_from"],
                                    name="designation_unique_start_per_kind"),
            models.CheckConstraint(name="designation_valid_period",
                                   condition=Q(valid_to__isnull=True) | Q(valid_to__gte=F("valid_from"))),
            models.CheckConstraint(name="designation_kind_known",
                                   condition=Q(kind__in=DesignationKind.values)),
        ]
        indexes = [models.Index(fields=["kind", "valid_from", "valid_to"])]

    def __str__(self) -> str:
        return f"{self.local_government} · {self.get_kind_display()} ({self.valid_from}–{self.valid_to or ''})"

    def is_valid_on(self, day: date) -> bool:
        """Whether ``day`` falls within the designation's dates (its unit's existence is ``state_on``'s)."""
        return self.valid_from <= day and (self.valid_to is None or self.valid_to >= day)

    def state_on(self, day: date, *, successor_undecided: bool = False) -> str:
        """The designation's ``DesignationState`` on ``day``: valid only within its dates and while its unit
        exists; past the unit's end, awaiting the council's successor decision (``successor_undecided``, from
        ``regions.succession``) or ended."""
        if not self.is_valid_on(day):
            return DesignationState.NOT_VALID
        if not self.local_government.exists_on(day):
            return DesignationState.AWAITING_SUCCESSOR if successor_undecided else DesignationState.ENDED_WITH_UNIT
        return DesignationState.VALID

    @property
    def localized_source(self) -> str:
        """The source in the active language: a shipped notice's citation has a Korean and an English
        rendering (``regions.notes``), the portal's own texts were written in both, a source someone typed
        reads as typed."""
        return _in_active_language(self, "source")

    @property
    def localized_note(self) -> str:
        return _in_active_language(self, "note")


from .models_history import (  # noqa: E402,F401  (registered with the app through this module)
    DesignationSuccession,
    LocalGovernmentPeriod,
    Reorganisation,
    Succession,
)
