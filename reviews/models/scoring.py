"""Rubrics and score sheets. A submitted sheet is locked; only the council reopens it, and every
submission and reopening stays in the sheet's history."""
from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from audit.models import AppendOnlyModel
from regions.models import BilingualNameMixin

from .panels import Assignment, SheetStatus, stage_label


class Rubric(models.Model):
    """The criteria of one contest's stage, and how its results are computed."""

    contest = models.ForeignKey("applications.Contest", verbose_name=_("contest"), on_delete=models.PROTECT,
                                related_name="rubrics")
    stage = models.SlugField(_("stage"), max_length=16, help_text=_("The code of one of the contest's stages."))
    trim_min_sheets = models.PositiveSmallIntegerField(
        _("trim from this many sheets"), default=5,
        help_text=_("With at least this many sheets the highest and the lowest total are dropped."))
    pass_mark = models.DecimalField(_("pass mark"), max_digits=6, decimal_places=2, default=60)

    class Meta:
        ordering = ["contest", "stage"]
        verbose_name = _("rubric")
        verbose_name_plural = _("rubrics")
        constraints = [
            models.UniqueConstraint(fields=["contest", "stage"], name="rubric_one_per_stage"),
            models.CheckConstraint(name="rubric_trim_needs_three", condition=Q(trim_min_sheets__gte=3)),
        ]

    def __str__(self) -> str:
        return f"{self.contest} · {self.get_stage_display()}"

    def get_stage_display(self) -> str:
        return stage_label(self.contest_id, self.stage)


class Criterion(BilingualNameMixin):
    rubric = models.ForeignKey(Rubric, verbose_name=_("rubric"), on_delete=models.CASCADE, related_name="criteria")
    code = models.SlugField(_("code"), max_length=40)
    description = models.TextField(_("description"), blank=True)
    max_points = models.PositiveSmallIntegerField(_("maximum points"))
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    tie_break_order = models.PositiveSmallIntegerField(
        _("tie-break order"), null=True, blank=True,
        help_text=_("Equal results are ordered by this criterion's mean, 1 first; then by receipt number."))

    class Meta:
        ordering = ["rubric", "position", "pk"]
        verbose_name = _("criterion")
        verbose_name_plural = _("criteria")
        constraints = [
            models.UniqueConstraint(fields=["rubric", "code"], name="criterion_unique_code"),
            models.UniqueConstraint(fields=["rubric", "tie_break_order"], name="criterion_unique_tie_break"),
            models.CheckConstraint(name="criterion_max_positive", condition=Q(max_points__gt=0)),
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.max_points})"


class ScoreSheet(models.Model):
    assignment = models.OneToOneField(Assignment, verbose_name=_("assignment"), on_delete=models.PROTECT,
                                      related_name="sheet")
    status = models.CharField(_("status"), max_length=16, choices=SheetStatus.choices, default=SheetStatus.DRAFT)
    submitted_at = models.DateTimeField(_("submitted at"), null=True, blank=True)
    overall_comment = models.TextField(_("overall comment"), blank=True)

    class Meta:
        verbose_name = _("score sheet")
        verbose_name_plural = _("score sheets")
        constraints = [
            models.CheckConstraint(name="sheet_status_known", condition=Q(status__in=SheetStatus.values)),
            models.CheckConstraint(name="sheet_submitted_has_time",
                                   condition=Q(status=SheetStatus.DRAFT) | Q(submitted_at__isnull=False)),
        ]

    def __str__(self) -> str:
        return f"{self.assignment} ({self.get_status_display()})"

    @property
    def is_submitted(self) -> bool:
        """Submitted and so locked until the council reopens it."""
        return self.status == SheetStatus.SUBMITTED


class Score(models.Model):
    sheet = models.ForeignKey(ScoreSheet, verbose_name=_("score sheet"), on_delete=models.CASCADE,
                              related_name="scores")
    criterion = models.ForeignKey(Criterion, verbose_name=_("criterion"), on_delete=models.PROTECT,
                                  related_name="scores")
    points = models.DecimalField(_("points"), max_digits=5, decimal_places=1)
    comment = models.TextField(_("comment"), blank=True)

    class Meta:
        ordering = ["sheet", "criterion__position"]
        verbose_name = _("score")
        verbose_name_plural = _("scores")
        constraints = [
            models.UniqueConstraint(fields=["sheet", "criterion"], name="score_once_per_criterion"),
            models.CheckConstraint(name="score_not_negative", condition=Q(points__gte=0)),
        ]

    def __str__(self) -> str:
        return f"{self.criterion.code}: {self.points}"


class SheetEvent(AppendOnlyModel):
    """A sheet's history: each submission (with its total) and each reopening (with the council's reason)."""

    class Action(models.TextChoices):
        SUBMITTED = "submitted", _("Submitted")
        REOPENED = "reopened", _("Reopened")

    sheet = models.ForeignKey(ScoreSheet, verbose_name=_("score sheet"), on_delete=models.PROTECT,
                              related_name="events")
    action = models.CharField(_("action"), max_length=16, choices=Action.choices)
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("who"), on_delete=models.PROTECT,
                              related_name="+")
    at = models.DateTimeField(_("when"), auto_now_add=True)
    reason = models.TextField(_("why"), blank=True)
    scores = models.JSONField(_("scores"), default=dict)

    class Meta:
        ordering = ["sheet", "at", "pk"]
        verbose_name = _("score sheet event")
        verbose_name_plural = _("score sheet events")

    def __str__(self) -> str:
        return f"{self.sheet} {self.action} {self.at:%Y-%m-%d %H:%M}"
