from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PortalConfig(AppConfig):
    name = "portal"
    verbose_name = _("Portal")

    def ready(self) -> None:
        from django.db.backends.signals import connection_created

        from portal.data_version import install_write_watcher

        connection_created.connect(install_write_watcher, dispatch_uid="portal-write-watcher")
