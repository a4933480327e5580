"""The audit actions recorded by `applications/` (contests and proposals) and their labels on the audit trail,
the timelines and the admin. A new action of this app is one more line here (README, "Adding an audit action or
a notification event")."""
from django.utils.translation import gettext_lazy as _

from audit.registry import register_actions

register_actions({
    "contest.created": _("Contest created"),
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
    "proposal.receipt_renumbered": _("Receipt number renumbered (was issued twice)"),
    "proposal.provincial_match_confirmed": _("Provincial matching confirmed"),
    "contest.attachment_added": _("Announcement file added"),
    "contest.attachment_removed": _("Announcement file removed"),
})
