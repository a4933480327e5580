from django.apps import AppConfig
from django.utils.module_loading import autodiscover_modules
from django.utils.translation import gettext_lazy as _


class NotificationsConfig(AppConfig):
    name = "notifications"
    verbose_name = _("Notifications")

    def ready(self):
        """Each app registers the events it announces in its own ``notification_events.py``
        (``notifications.events``); they are read here, as the admin reads each app's ``admin.py``."""
        autodiscover_modules("notification_events")
