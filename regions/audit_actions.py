"""The audit actions recorded by `regions/` (the region registry) and their labels on the audit trail, the
timelines and the admin. A new action of this app is one more line here (README, "Adding an audit action or a
notification event")."""
from django.utils.translation import gettext_lazy as _

from audit.registry import register_actions

register_actions({
    "regions.designation_succession_decided": _("Designation succession decided"),
})
