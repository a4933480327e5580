"""A contest's evaluation stages (평가 단계) as rows: which kinds of review it holds, in what order, with what
weight in the final score and what cut-off. Kinds are data too: a fourth kind is a row, not a code path."""
from decimal import Decimal

from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from regions.models import BilingualNameMixin


class SlotLocation(models.TextChoices):
    ROOM = "room", _("A room (or an online link)")
    PLACE = "place", _("A place to visit")


class StageKind(BilingualNameMixin):
    """What a stage is: document review (서면평가), presentation review (발표평가), site visit (현장평가) or a
    kind the council names. ``scheduled_slots`` and ``slot_location`` are the defaults of a new stage of it."""

    code = models.SlugField(_("code"), max_length=40, unique=True)
    scheduled_slots = models.BooleanField(_("scheduled slots"), default=False,
                                          help_text=_("Whether proposals are given a time (and a room or place)."))
    slot_location = models.CharField(_("slots happen in"), max_length=8, choices=SlotLocation.choices,
                                     default=SlotLocation.ROOM)

    class Meta:
        ordering = ["pk"]
        verbose_name = _("evaluation stage kind")
        verbose_name_plural = _("evaluation stage kinds")
        constraints = [models.CheckConstraint(name="stage_kind_slot_location_known",
                                              condition=Q(slot_location__in=SlotLocation.values))]

    def __str__(self) -> str:
        return self.name


# Names a stage code may not take: they are keys of a selection run's snapshot rows.
RESERVED_STAGE_CODES = frozenset({"id", "receipt_number", "local_government", "requested_national_krw", "scores",
                                  "national_request"})


class ContestStage(BilingualNameMixin):
    """One evaluation stage of a contest, in ``position`` order. Its ``code`` names it in panels, rubrics and a
    run's snapshot. ``weight_pct`` is its whole-percent share of the combined score (the contest's stages add
    up to 100); ``cutoff`` the stage score, out of 100, a proposal must reach to be selected."""

    contest = models.ForeignKey("applications.Contest", verbose_name=_("contest"), on_delete=models.CASCADE,
                                related_name="stages")
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    code = models.SlugField(_("code"), max_length=16)
    kind = models.ForeignKey(StageKind, verbose_name=_("kind"), on_delete=models.PROTECT, related_name="stages")
    starts_on = models.DateField(_("starts on"), null=True, blank=True)
    ends_on = models.DateField(_("ends on"), null=True, blank=True)
    has_slots = models.BooleanField(_("scheduled slots"), default=False)
    weight_pct = models.PositiveSmallIntegerField(_("weight (%)"), default=0)
    cutoff = models.DecimalField(_("cut-off"), max_digits=5, decimal_places=2, default=Decimal(60),
                                 help_text=_("Out of 100. A proposal below it in this stage is not selected."))

    class Meta:
        ordering = ["contest", "position", "pk"]
        verbose_name = _("evaluation stage")
        verbose_name_plural = _("evaluation stages")
        constraints = [
            models.UniqueConstraint(fields=["contest", "code"], name="contest_stage_code_unique"),
            models.CheckConstraint(name="contest_stage_weight_bounded", condition=Q(weight_pct__lte=100)),
            models.CheckConstraint(name="contest_stage_cutoff_bounded", condition=Q(cutoff__gte=0, cutoff__lte=100)),
            models.CheckConstraint(name="contest_stage_dates_ordered",
                                   condition=Q(starts_on__isnull=True) | Q(ends_on__isnull=True)
                                   | Q(ends_on__gte=F("starts_on"))),
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def slot_location(self) -> str:
        return self.kind.slot_location
