"""Panels per contest and stage, the proposals they review and who reviews what."""
from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from applications.models import ContestStage

from .pool import Reviewer


class ReviewStage(models.TextChoices):
    """The codes of the stages every contest had before stages were data (``applications.ContestStage``); a
    panel's or rubric's ``stage`` is any stage code of its contest."""

    DOCUMENT = "document", _("Document review")
    PRESENTATION = "presentation", _("Presentation review")
    SITE_VISIT = "site_visit", _("Site visit")


def stage_label(contest_id: int, code: str) -> str:
    """A stage's name: the well-known codes' labels, else the contest's stage row's name (one query)."""
    if code in ReviewStage.values:
        return str(ReviewStage(code).label)
    row = ContestStage.objects.filter(contest_id=contest_id, code=code).first()
    return row.name if row else code


class Panel(models.Model):
    contest = models.ForeignKey("applications.Contest", verbose_name=_("contest"), on_delete=models.PROTECT,
                                related_name="panels")
    stage = models.SlugField(_("stage"), max_length=16, help_text=_("The code of one of the contest's stages."))
    name = models.CharField(_("name"), max_length=100)
    reviewers_per_proposal = models.PositiveSmallIntegerField(_("reviewers per proposal"), default=5)
    members = models.ManyToManyField(Reviewer, verbose_name=_("members"), related_name="panels", blank=True)
    proposals = models.ManyToManyField("applications.Proposal", verbose_name=_("proposals"), through="PanelProposal",
                                       related_name="panels", blank=True)
    chair = models.ForeignKey(Reviewer, verbose_name=_("chair"), on_delete=models.PROTECT, null=True, blank=True,
                              related_name="chaired_panels")
    signed_off_at = models.DateTimeField(_("results signed off at"), null=True, blank=True)
    accepts_late_sheets = models.BooleanField(
        _("late sheets accepted"), default=True,
        help_text=_("Whether a reviewer may still submit his sheet after the scoring deadline."))

    class Meta:
        ordering = ["contest", "stage", "name"]
        verbose_name = _("panel")
        verbose_name_plural = _("panels")
        constraints = [
            models.UniqueConstraint(fields=["contest", "stage", "name"], name="panel_unique_name"),
            models.CheckConstraint(name="panel_needs_reviewers", condition=Q(reviewers_per_proposal__gte=1)),
        ]

    def __str__(self) -> str:
        return f"{self.get_stage_display()} · {self.name}"

    def get_stage_display(self) -> str:
        return stage_label(self.contest_id, self.stage)

    @property
    def is_signed_off(self) -> bool:
        return self.signed_off_at is not None

    @property
    def frozen_key(self) -> str | None:
        """Names the results once signed off (they cannot change after): rendered tables are cached under it."""
        return f"{self.pk}-{self.signed_off_at.timestamp()}" if self.signed_off_at else None


class PanelProposal(models.Model):
    """A proposal reviewed by a panel; a proposal is in one panel per stage (the stage is kept here so the
    database can say so)."""

    panel = models.ForeignKey(Panel, verbose_name=_("panel"), on_delete=models.CASCADE)
    proposal = models.ForeignKey("applications.Proposal", verbose_name=_("proposal"), on_delete=models.PROTECT)
    stage = models.SlugField(_("stage"), max_length=16)

    class Meta:
        verbose_name = _("proposal under review")
        verbose_name_plural = _("proposals under review")
        constraints = [
            models.UniqueConstraint(fields=["proposal", "stage"], name="panel_proposal_one_panel_per_stage"),
        ]

    def __str__(self) -> str:
        return f"{self.panel} · {self.proposal}"


class AssignmentStatus(models.TextChoices):
    ASSIGNED = "assigned", _("Assigned")
    CONFIRMED = "confirmed", _("Pledge signed, no conflict")
    RECUSED = "recused", _("Recused (conflict declared)")


class SheetStatus(models.TextChoices):
    """A score sheet's state; beside the assignment's, which asks it (``is_overdue``)."""
    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Submitted")


class Assignment(models.Model):
    Status = AssignmentStatus  # for apps below reviews that reach the model through the registry
    panel = models.ForeignKey(Panel, verbose_name=_("panel"), on_delete=models.PROTECT, related_name="assignments")
    proposal = models.ForeignKey("applications.Proposal", verbose_name=_("proposal"), on_delete=models.PROTECT,
                                 related_name="review_assignments")
    reviewer = models.ForeignKey(Reviewer, verbose_name=_("reviewer"), on_delete=models.PROTECT,
                                 related_name="assignments")
    status = models.CharField(_("status"), max_length=16, choices=AssignmentStatus.choices,
                              default=AssignmentStatus.ASSIGNED)
    automatic = models.BooleanField(_("assigned automatically"), default=False)
    assigned_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("assigned by"),
                                    on_delete=models.PROTECT, related_name="+")
    assigned_at = models.DateTimeField(_("assigned at"), auto_now_add=True)
    due_at = models.DateTimeField(_("due"), null=True, blank=True)
    pledge_signed_at = models.DateTimeField(_("confidentiality pledge signed at"), null=True, blank=True)

    class Meta:
        ordering = ["panel", "proposal", "reviewer"]
        verbose_name = _("assignment")
        verbose_name_plural = _("assignments")
        constraints = [
            models.UniqueConstraint(fields=["panel", "proposal", "reviewer"], name="assignment_once"),
            models.CheckConstraint(name="assignment_status_known", condition=Q(status__in=AssignmentStatus.values)),
            models.CheckConstraint(name="assignment_confirmed_has_pledge",
                                   condition=~Q(status=AssignmentStatus.CONFIRMED)
                                   | Q(pledge_signed_at__isnull=False)),
        ]
        indexes = [models.Index(fields=["reviewer", "status"])]

    def __str__(self) -> str:
        return f"{self.reviewer} → {self.proposal}"

    def is_overdue(self, now=None) -> bool:
        """Past its deadline without a submitted sheet (reads ``sheet``: select it with the assignment)."""
        if self.due_at is None or (now or timezone.now()) <= self.due_at:
            return False
        sheet = getattr(self, "sheet", None)
        return sheet is None or not sheet.is_submitted

    @property
    def overdue(self) -> bool:
        return self.is_overdue()

    @property
    def is_pledge_pending(self) -> bool:
        """Assigned, the confidentiality pledge not signed yet (nor a conflict declared)."""
        return self.status == AssignmentStatus.ASSIGNED

    @property
    def is_recused(self) -> bool:
        """The reviewer declared a conflict: he scores nothing for this proposal."""
        return self.status == AssignmentStatus.RECUSED
