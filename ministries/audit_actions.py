"""The audit actions recorded by `ministries/` (ministries and their support lines) and their labels on the
audit trail, the timelines and the admin. A new action of this app is one more line here (README, "Adding an
audit action or a notification event")."""
from django.utils.translation import gettext_lazy as _

from audit.registry import register_actions

register_actions({
    "ministries.ministry_created": _("Ministry added"),
    "ministries.line_created": _("Support line added"),
    "ministries.measure_added": _("Measure added"),
    "ministries.measure_removed": _("Measure removed"),
    "ministries.measure_changed": _("Measure changed"),
    "ministries.rule_added": _("Rule between measures added"),
    "ministries.rule_removed": _("Rule between measures removed"),
})
