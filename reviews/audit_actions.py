"""The audit actions recorded by `reviews/` (the review) and their labels on the audit trail, the timelines and
the admin. A new action of this app is one more line here (README, "Adding an audit action or a notification
event")."""
from django.utils.translation import gettext_lazy as _

from audit.registry import register_actions

register_actions({
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
    "review.rubric_created": _("Rubric created"),
    "review.rubric_removed": _("Rubric removed"),
    "review.criterion_added": _("Rubric criterion added"),
    "review.criterion_removed": _("Rubric criterion removed"),
    "review.panel_members_changed": _("Panel members changed"),
    "review.reviewer_updated": _("Reviewer profile changed"),
    "review.stage_added": _("Evaluation stage added"),
    "review.stage_changed": _("Evaluation stage changed"),
    "review.stage_removed": _("Evaluation stage removed"),
})
