"""The audit actions recorded by `audit/` itself: writes made in the Django admin (``audit.admin_mixins``) and
runs of the management commands that change state (``audit.commands``)."""
from django.utils.translation import gettext_lazy as _

from audit.registry import register_actions

register_actions({
    "admin.added": _("Added in the admin"),
    "admin.changed": _("Changed in the admin"),
    "admin.deleted": _("Deleted in the admin"),
    "command.ran": _("Run from the command line"),
})
