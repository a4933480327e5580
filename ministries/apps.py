from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MinistriesConfig(AppConfig):
    name = "ministries"
    verbose_name = _("Ministries")

    def ready(self) -> None:
        from django.db.models.signals import post_delete, post_save

        from .footer import forget_ministry_names
        from .models import Ministry

        post_save.connect(forget_ministry_names, sender=Ministry, dispatch_uid="footer-ministries-saved")
        post_delete.connect(forget_ministry_names, sender=Ministry, dispatch_uid="footer-ministries-deleted")
