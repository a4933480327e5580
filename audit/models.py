"""The audit trail: who changed what, when and why. Rows are only ever added."""
from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models
from django.utils.translation import gettext_lazy as _

ACTION_LABELS = {
    "contest.created": _("Contest created"),
    "ministries.ministry_created": _("Ministry added"),
    "ministries.line_created": _("Support line added"),
    "ministries.measure_added": _("Measure added"),
    "ministries.measure_removed": _("Measure removed"),
    "ministries.measure_changed": _("Measure changed"),
    "contest.updated": _("Contest changed"),
    "contest.preliminary_selection_added": _("Preliminary selection recorded"),
    "contest.preliminary_selection_removed": _("Preliminary selection removed"),
    "contest.preliminary_selections_fed": _("Preliminary selections recorded from a pre-selection contest"),
    "proposal.created": _("Proposal started"),
    "proposal.saved": _("Draft saved"),
    "proposal.submitted": _("Proposal submitted"),
    "proposal.resubmitted": _("Proposal resubmitted"),
    "proposal.withdrawn": _("Proposal withdrawn"),
    "proposal.correction_requested": _("Correction requested"),
    "proposal.companies_saved": _("Participating companies saved"),
    "proposal.budget_saved": _("Budget saved"),
    "proposal.kpi_targets_saved": _("KPI targets saved"),
    "proposal.support_requests_saved": _("Support requests saved"),
    "proposal.attachment_added": _("Attachment added"),
    "proposal.attachment_removed": _("Attachment removed"),
    "proposal.provincial_match_confirmed": _("Provincial matching confirmed"),
    "contest.attachment_added": _("Announcement file added"),
    "contest.attachment_removed": _("Announcement file removed"),
    "review.panel_created": _("Panel created"),
    "review.panel_proposals_added": _("Proposals given to a panel"),
    "review.deadline_set": _("Scoring deadline set"),
    "review.assigned": _("Reviewer assigned"),
    "review.assigned_automatically": _("Reviewers assigned automatically"),
    "review.pledge_signed": _("Confidentiality pledge signed"),
    "review.conflict_declared": _("Conflict of interest declared"),
    "review.sheet_submitted": _("Score sheet submitted"),
    "review.sheet_reopened": _("Score sheet reopened"),
    "review.panel_signed_off": _("Panel results signed off"),
    "review.slot_scheduled": _("Presentation scheduled"),
    "review.slot_moved": _("Presentation moved"),
    "review.reviewer_added": _("Reviewer added to the pool"),
    "selection.policy_saved": _("Selection policy saved"),
    "selection.run_started": _("Selection run started"),
    "selection.run_failed": _("Stalled selection run marked failed"),
    "selection.decision_adjusted": _("Selection decision adjusted"),
    "selection.run_approved": _("Selection approved"),
    "selection.run_published": _("Selection results published"),
    "selection.run_confirmed": _("Selection results confirmed"),
    "selection.objection_filed": _("Objection filed"),
    "selection.objection_file_added": _("Objection file added"),
    "selection.re_review_requested": _("Re-review requested"),
    "selection.re_review_submitted": _("Re-review opinion submitted"),
    "selection.objection_decided": _("Objection decided"),
    "tracking.task_opened": _("Selected task opened"),
    "tracking.status_changed": _("Task status changed"),
    "tracking.agreement_changed": _("Funding agreement changed"),
    "tracking.disbursement_recorded": _("Disbursement recorded"),
    "tracking.milestone_saved": _("Milestone saved"),
    "tracking.graded": _("Performance graded"),
    "tracking.plan_confirmed": _("Inclusion in the provincial plan confirmed"),
    "tracking.condition_set": _("Continuation condition set"),
    "tracking.continuation_decided": _("Continuation evaluation recorded"),
    "tracking.report_saved": _("Progress report saved"),
    "tracking.report_file_added": _("Progress report file added"),
    "tracking.report_submitted": _("Progress report submitted"),
    "tracking.report_accepted": _("Progress report accepted"),
    "tracking.report_returned": _("Progress report returned"),
    "tracking.support_saved": _("Support line changed"),
    "tracking.support_removed": _("Support line row removed"),
    "tracking.recruitment_published": _("Company recruitment published"),
    "tracking.company_decided": _("Company application decided"),
    "tracking.company_updated": _("Participating company updated"),
}


class AppendOnlyModel(models.Model):
    """A row that is written once and never changed: audit entries, submitted versions, score records."""

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise ValueError(f"Rows of {self._meta.label} are never changed once written.")
        super().save(*args, **kwargs)


class AuditEntry(AppendOnlyModel):
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("who"), on_delete=models.PROTECT,
                              null=True, blank=True, related_name="+")
    at = models.DateTimeField(_("when"), auto_now_add=True, db_index=True)
    action = models.CharField(_("action"), max_length=64)
    target_type = models.CharField(_("object type"), max_length=64)
    target_id = models.CharField(_("object"), max_length=64)
    reason = models.TextField(_("why"), blank=True)
    changes = models.JSONField(_("changes"), default=dict, blank=True, encoder=DjangoJSONEncoder)

    class Meta:
        ordering = ["-at", "-pk"]
        verbose_name = _("audit entry")
        verbose_name_plural = _("audit entries")
        indexes = [models.Index(fields=["target_type", "target_id", "at"])]

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.action} {self.target_type}#{self.target_id}"

    @property
    def action_label(self) -> str:
        return str(ACTION_LABELS.get(self.action, self.action))
