"""Selection runs and the decisions they propose. A run keeps the inputs it used (its snapshot) and a
digest of them; a decision keeps what the run computed beside what the council made of it."""
from decimal import Decimal

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from audit.models import AppendOnlyModel


class RunStatus(models.TextChoices):
    QUEUED = "queued", _("Queued")
    RUNNING = "running", pgettext_lazy("selection run status", "Running")
    COMPLETED = "completed", _("Computed, awaiting approval")
    FAILED = "failed", _("Failed")
    SUPERSEDED = "superseded", _("Superseded by a later run")
    APPROVED = "approved", _("Approved")
    PUBLISHED = "published", _("Published, objection period")
    CONFIRMED = "confirmed", _("Confirmed")


ACTIVE_STATUSES = (RunStatus.QUEUED, RunStatus.RUNNING)
APPROVED_STATUSES = (RunStatus.APPROVED, RunStatus.PUBLISHED, RunStatus.CONFIRMED)
PUBLIC_STATUSES = (RunStatus.PUBLISHED, RunStatus.CONFIRMED)


class SelectionRun(models.Model):
    contest = models.ForeignKey("applications.Contest", verbose_name=_("contest"), on_delete=models.PROTECT,
                                related_name="selection_runs")
    number = models.PositiveSmallIntegerField(_("run number"))
    status = models.CharField(_("status"), max_length=16, choices=RunStatus.choices, default=RunStatus.QUEUED)
    requested_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("started by"),
                                     on_delete=models.PROTECT, related_name="+")
    requested_at = models.DateTimeField(_("started at"), auto_now_add=True)
    reason = models.TextField(_("why"), blank=True)
    finished_at = models.DateTimeField(_("computed at"), null=True, blank=True)
    inputs = models.JSONField(_("inputs"), default=dict, blank=True,
                              help_text=_("The scores and settings the run used, as it read them."))
    inputs_digest = models.CharField(_("inputs digest (SHA-256)"), max_length=64, blank=True)
    warnings = models.JSONField(_("warnings"), default=list, blank=True)
    error = models.TextField(_("error"), blank=True)
    approved_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("approved by"), null=True, blank=True,
                                    on_delete=models.PROTECT, related_name="+")
    approved_at = models.DateTimeField(_("approved at"), null=True, blank=True)
    approval_note = models.TextField(_("approval note"), blank=True)
    published_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("published by"), null=True,
                                     blank=True, on_delete=models.PROTECT, related_name="+")
    published_at = models.DateTimeField(_("published at"), null=True, blank=True)
    objection_closes_at = models.DateTimeField(_("objections accepted until"), null=True, blank=True)
    confirmed_at = models.DateTimeField(_("confirmed at"), null=True, blank=True)

    class Meta:
        ordering = ["contest", "-number"]
        verbose_name = _("selection run")
        verbose_name_plural = _("selection runs")
        constraints = [
            models.UniqueConstraint(fields=["contest", "number"], name="selection_run_number_unique"),
            models.UniqueConstraint(fields=["contest"], condition=Q(status__in=ACTIVE_STATUSES),
                                    name="selection_run_one_active_per_contest"),
            models.UniqueConstraint(fields=["contest"], condition=Q(status__in=APPROVED_STATUSES),
                                    name="selection_run_one_approved_per_contest"),
            models.CheckConstraint(name="selection_run_status_known", condition=Q(status__in=RunStatus.values)),
            models.CheckConstraint(name="selection_run_approved_has_approver",
                                   condition=~Q(status__in=APPROVED_STATUSES)
                                   | Q(approved_at__isnull=False, approved_by__isnull=False)),
            models.CheckConstraint(name="selection_run_published_has_period",
                                   condition=~Q(status__in=PUBLIC_STATUSES)
                                   | Q(published_at__isnull=False, objection_closes_at__isnull=False)),
        ]

    def __str__(self) -> str:
        return f"{self.contest} · #{self.number}"

    @property
    def frozen_key(self) -> str | None:
        """Names the decisions once confirmed (nothing changes them after): rendered tables are cached
        under it."""
        if not self.is_confirmed or not self.confirmed_at:
            return None
        return f"{self.pk}-{self.confirmed_at.timestamp()}"

    @property
    def is_public(self) -> bool:
        return self.status in PUBLIC_STATUSES

    @property
    def is_active(self) -> bool:
        return self.status in ACTIVE_STATUSES

    @property
    def has_failed(self) -> bool:
        return self.status == RunStatus.FAILED

    @property
    def is_in_objection_period(self) -> bool:
        """Published, not confirmed yet: objections may be filed until ``objection_closes_at``."""
        return self.status == RunStatus.PUBLISHED

    @property
    def is_confirmed(self) -> bool:
        """Final: the selected proposals became selected tasks."""
        return self.status == RunStatus.CONFIRMED


class Outcome(models.TextChoices):
    SELECTED = "selected", _("Selected")
    RESERVE = "reserve", _("Reserve")
    NOT_SELECTED = "not_selected", _("Not selected")
    BELOW_CUTOFF = "below_cutoff", _("Below a cut-off")
    NOT_SCORED = "not_scored", _("Not scored in every stage")


class SelectionDecision(models.Model):
    run = models.ForeignKey(SelectionRun, verbose_name=_("selection run"), on_delete=models.CASCADE,
                            related_name="decisions")
    proposal = models.ForeignKey("applications.Proposal", verbose_name=_("proposal"), on_delete=models.PROTECT,
                                 related_name="selection_decisions")
    rank = models.PositiveSmallIntegerField(_("rank"), null=True, blank=True)
    stage_scores = models.JSONField(_("stage scores"), default=dict, blank=True,
                                    help_text=_("Per stage code: the score out of 100 (two decimals), or null."))
    combined_score = models.DecimalField(_("combined score"), max_digits=5, decimal_places=2, null=True,
                                         blank=True)
    requested_national_krw = models.PositiveBigIntegerField(_("national funding requested (KRW)"))
    computed_outcome = models.CharField(_("computed outcome"), max_length=16, choices=Outcome.choices)
    computed_national_krw = models.PositiveBigIntegerField(_("computed national funding (KRW)"))
    outcome = models.CharField(_("outcome"), max_length=16, choices=Outcome.choices)
    national_krw = models.PositiveBigIntegerField(_("national funding (KRW)"))
    funding_reduced = models.BooleanField(_("funding reduced to fit the budget"), default=False)
    tie_at_boundary = models.BooleanField(_("tied across the selection line"), default=False)

    class Meta:
        # Rank order, the unranked (cut off or not scored) after the ranked, by receipt number.
        ordering = ["run", F("rank").asc(nulls_last=True), "proposal__receipt_number"]
        verbose_name = _("selection decision")
        verbose_name_plural = _("selection decisions")
        constraints = [
            models.UniqueConstraint(fields=["run", "proposal"], name="selection_decision_once_per_run"),
            models.CheckConstraint(name="selection_decision_outcome_known",
                                   condition=Q(outcome__in=Outcome.values, computed_outcome__in=Outcome.values)),
            models.CheckConstraint(name="selection_decision_funded_only_if_selected",
                                   condition=(Q(outcome=Outcome.SELECTED) | Q(national_krw=0))
                                   & (Q(computed_outcome=Outcome.SELECTED) | Q(computed_national_krw=0))),
        ]

    def __str__(self) -> str:
        return f"{self.run} · {self.proposal}: {self.get_outcome_display()}"

    def stage_score(self, code: str) -> Decimal | None:
        value = (self.stage_scores or {}).get(code)
        return None if value is None else Decimal(value)

    @property
    def document_score(self) -> Decimal | None:
        return self.stage_score("document")

    @property
    def presentation_score(self) -> Decimal | None:
        return self.stage_score("presentation")

    @property
    def is_selected(self) -> bool:
        """Selected for national funding (``national_krw``)."""
        return self.outcome == Outcome.SELECTED

    @property
    def adjusted(self) -> bool:
        return self.outcome != self.computed_outcome or self.national_krw != self.computed_national_krw


class DecisionAdjustment(AppendOnlyModel):
    """A change the council made to a computed decision, before approval or on an objection."""

    decision = models.ForeignKey(SelectionDecision, verbose_name=_("decision"), on_delete=models.CASCADE,
                                 related_name="adjustments")
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("who"), on_delete=models.PROTECT,
                              related_name="+")
    at = models.DateTimeField(_("when"), auto_now_add=True)
    reason = models.TextField(_("why"))
    outcome_before = models.CharField(_("outcome before"), max_length=16, choices=Outcome.choices)
    outcome_after = models.CharField(_("outcome after"), max_length=16, choices=Outcome.choices)
    national_before = models.PositiveBigIntegerField(_("funding before (KRW)"))
    national_after = models.PositiveBigIntegerField(_("funding after (KRW)"))

    class Meta:
        ordering = ["decision", "at", "pk"]
        verbose_name = _("decision adjustment")
        verbose_name_plural = _("decision adjustments")
        constraints = [models.CheckConstraint(name="adjustment_has_reason", condition=~Q(reason=""))]

    def __str__(self) -> str:
        return f"{self.decision}: {self.outcome_before} → {self.outcome_after}"
