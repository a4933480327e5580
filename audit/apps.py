from django.apps import AppConfig
from django.utils.module_loading import autodiscover_modules
from django.utils.translation import gettext_lazy as _


class AuditConfig(AppConfig):
    name = "audit"
    verbose_name = _("Audit trail")

    def ready(self):
        """Each app registers the labels of the actions it records in its own ``audit_actions.py``
        (``audit.registry``); they are read here, as the admin reads each app's ``admin.py``."""
        autodiscover_modules("audit_actions")
