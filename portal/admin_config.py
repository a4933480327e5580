from django.contrib.admin.apps import AdminConfig


class PortalAdminConfig(AdminConfig):
    """Installs :class:`portal.admin_site.PortalAdminSite` as ``admin.site``.

    Kept in a module of its own: an AppConfig module is imported before models are ready.
    """

    default_site = "portal.admin_site.PortalAdminSite"
