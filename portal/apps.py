from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PortalConfig(AppConfig):
    """The top floor: landing pages, navigation, the demo and scale data, site-wide views and commands."""

    name = "portal"
    verbose_name = _("Portal")
