from django.contrib.admin import AdminSite
from django.utils.translation import gettext_lazy as _

from accounts.permissions import can_use_admin_site


class PortalAdminSite(AdminSite):
    site_header = _("Collaboration-project portal administration")
    site_title = _("Portal administration")

    def has_permission(self, request) -> bool:
        return bool(can_use_admin_site(request.user))

