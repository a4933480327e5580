from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TrackingConfig(AppConfig):
    name = "tracking"
    verbose_name = _("Task tracking")

    def ready(self) -> None:
        from applications.extensions import register_ministry_access

        from . import receivers  # noqa: F401  (connects to the selection's confirmation)
        from .permissions import proposals_for_ministry

        register_ministry_access(proposals_for_ministry)
