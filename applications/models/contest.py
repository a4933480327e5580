"""Contests (공모) and, later, the proposals submitted to them."""
from datetime import date, datetime
from zoneinfo import ZoneInfo

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from regions.models import BilingualNameMixin, DesignationKind

SEOUL = ZoneInfo("Asia/Seoul")
BASIS_POINTS = 10_000  # 100 %


class Contest(BilingualNameMixin):
    """One yearly round of the collaboration project: its schedule, who may apply and the money rules.

    Matching shares are minimum amounts relative to the national funding, in basis points
    (500 = 5 % of the national amount), so money stays integer arithmetic.
    """

    year = models.PositiveSmallIntegerField(_("year"))
    announced_on = models.DateField(_("announced on"), null=True, blank=True)
    briefing_on = models.DateField(_("briefing session"), null=True, blank=True)
    application_opens_at = models.DateTimeField(_("application window opens"))
    application_closes_at = models.DateTimeField(_("application deadline"))
    selection_on = models.DateField(_("final selection"), null=True, blank=True)
    results_published_on = models.DateField(_("results published"), null=True, blank=True)
    objection_period_days = models.PositiveSmallIntegerField(_("objection period (days)"), default=7)
    target_task_count = models.PositiveSmallIntegerField(_("target number of tasks"), default=30)
    funding_years = models.PositiveSmallIntegerField(_("funding period (years)"), default=2)
    national_cap_per_task_krw = models.PositiveBigIntegerField(
        _("national funding cap per task (KRW)"), help_text=_("Over the whole funding period."))
    provincial_match_min_bp = models.PositiveIntegerField(
        _("minimum provincial matching (basis points of national)"), default=0)
    local_match_min_bp = models.PositiveIntegerField(
        _("minimum local matching (basis points of national)"), default=0)
    total_national_budget_krw = models.PositiveBigIntegerField(_("total national budget (KRW)"), null=True,
                                                               blank=True)
    company_support_cap_krw = models.PositiveBigIntegerField(
        _("support cap per participating company a year (KRW)"), null=True, blank=True,
        help_text=_("The most one company may receive in a year across the contest's tasks; empty: no cap."))
    participating_ministries = models.ManyToManyField(
        "ministries.Ministry", verbose_name=_("participating ministries"), related_name="contests", blank=True
    )
    preselection_for = models.ForeignKey(
        "self", verbose_name=_("pre-selection for"), null=True, blank=True, on_delete=models.PROTECT,
        related_name="preselection_contests",
        help_text=_("A later contest this one pre-selects for: confirming this contest's selection records its "
                    "selected local governments as that contest's preliminary selections."))

    class Meta:
        ordering = ["-year", "-application_closes_at"]
        verbose_name = _("contest")
        verbose_name_plural = _("contests")
        constraints = [
            models.CheckConstraint(name="contest_window_ordered",
                                   condition=Q(application_closes_at__gt=F("application_opens_at"))),
            models.CheckConstraint(name="contest_national_cap_positive", condition=Q(national_cap_per_task_krw__gt=0)),
            models.CheckConstraint(name="contest_matching_shares_bounded",
                                   condition=Q(provincial_match_min_bp__lte=BASIS_POINTS * 10)
                                   & Q(local_match_min_bp__lte=BASIS_POINTS * 10)),
            models.CheckConstraint(name="contest_target_positive", condition=Q(target_task_count__gt=0)),
            models.UniqueConstraint(fields=["year", "name_ko"], name="contest_unique_name_per_year"),
        ]

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        """A pre-selection feeds a contest whose deadline is later, so no chain of them can loop back."""
        super().clean()
        later = self.preselection_for
        if later is None:
            return
        if self.pk is not None and later.pk == self.pk:
            raise ValidationError({"preselection_for": _("A contest cannot pre-select for itself.")})
        if self.application_closes_at and later.application_closes_at <= self.application_closes_at:
            raise ValidationError({"preselection_for": _(
                "A pre-selection feeds a later contest: its deadline must come after this one's.")})

    @property
    def round_year(self) -> int:
        """The year the round is named for: its tasks' first funded year (the 2026 round is held in 2025)."""
        return self.year + 1

    @property
    def eligibility_date(self) -> date:
        """The day eligibility is judged on: the application deadline, in Asia/Seoul."""
        return self.application_closes_at.astimezone(SEOUL).date()

    def schedule(self) -> list[tuple[str, object]]:
        """The milestones in date order, for display, each evaluation stage's start among them (the stage rows hold
        the review dates; ``stages`` is read through its prefetch when a list made one); unset ones are left
        out."""
        stages = self.stages.all() if self.pk else []  # ordered by position
        steps = [
            (_("Announcement"), self.announced_on), (_("Briefing session"), self.briefing_on),
            (_("Application window opens"), self.application_opens_at),
            (_("Application deadline"), self.application_closes_at),
            *[(stage.name, stage.starts_on) for stage in stages],
            (_("Final selection"), self.selection_on), (_("Results published"), self.results_published_on),
        ]
        steps = [(label, value) for label, value in steps if value]
        # A round may hold its briefing after the window opens, or a stage before the deadline: the list reads in
        # date order (a stable sort, so milestones of one day keep the order above).
        return sorted(steps, key=lambda step: _milestone_day(step[1]))


def _milestone_day(value: date | datetime) -> date:
    """The day a milestone falls on in Asia/Seoul (a window's moments are datetimes, the other milestones days)."""
    return value.astimezone(SEOUL).date() if isinstance(value, datetime) else value


class ContestDesignationKind(models.Model):
    """A designation kind that makes a local government eligible for a contest."""

    contest = models.ForeignKey(Contest, verbose_name=_("contest"), on_delete=models.CASCADE,
                                related_name="accepted_designation_kinds")
    kind = models.CharField(_("designation kind"), max_length=32, choices=DesignationKind.choices)

    class Meta:
        verbose_name = _("accepted designation kind")
        verbose_name_plural = _("accepted designation kinds")
        constraints = [
            models.UniqueConstraint(fields=["contest", "kind"], name="contest_designation_kind_unique"),
        ]

    def __str__(self) -> str:
        return self.get_kind_display()


class PreliminarySelection(models.Model):
    """A task selected earlier (by the Regional Innovation Contest, 지역혁신 공모, typed in by the council, or by
    a pre-selection contest's confirmed selection, ``source_contest``): its local government is eligible for
    the contest even without a designation."""

    contest = models.ForeignKey(Contest, verbose_name=_("contest"), on_delete=models.CASCADE,
                                related_name="preliminary_selections")
    local_government = models.ForeignKey("regions.LocalGovernment", verbose_name=_("local government"),
                                         on_delete=models.PROTECT, related_name="preliminary_selections")
    programme = models.CharField(_("programme"), max_length=200)
    task_title = models.CharField(_("task title"), max_length=300, blank=True)
    selected_on = models.DateField(_("selected on"))
    source = models.CharField(_("source"), max_length=300, blank=True)
    source_contest = models.ForeignKey(
        Contest, verbose_name=_("recorded from the pre-selection contest"), null=True, blank=True,
        on_delete=models.PROTECT, related_name="fed_preliminary_selections",
        help_text=_("Set when the confirmed selection of a pre-selection contest recorded this row."))

    class Meta:
        ordering = ["contest", "local_government__code"]
        verbose_name = _("preliminary selection")
        verbose_name_plural = _("preliminary selections")
        constraints = [
            models.UniqueConstraint(fields=["contest", "local_government"],
                                    name="preliminary_selection_once_per_contest"),
        ]

    def __str__(self) -> str:
        return f"{self.local_government} · {self.programme} ({self.selected_on})"
