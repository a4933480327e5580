"""The audit actions recorded by `selection/` (the final selection and objections) and their labels on the audit
trail, the timelines and the admin. A new action of this app is one more line here (README, "Adding an audit
action or a notification event")."""
from django.utils.translation import gettext_lazy as _

from audit.registry import register_actions

register_actions({
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
    "selection.re_review_pledge_signed": _("Re-review: confidentiality pledge signed"),
    "selection.re_review_conflict_declared": _("Re-review: conflict of interest declared"),
    "selection.re_review_submitted": _("Re-review opinion submitted"),
    "selection.objection_decided": _("Objection decided"),
})
