"""The audit actions recorded by `tracking/` (selected tasks) and their labels on the audit trail, the timelines
and the admin. A new action of this app is one more line here (README, "Adding an audit action or a notification
event")."""
from django.utils.translation import gettext_lazy as _

from audit.registry import register_actions

register_actions({
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
    "tracking.support_uploaded": _("Support rows uploaded from a spreadsheet"),
    "tracking.recruitment_published": _("Company recruitment published"),
    "tracking.company_decided": _("Company application decided"),
    "tracking.company_updated": _("Participating company updated"),
})
