from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    """The kernel every app builds on: permission decisions, uploads, downloads, form flow, fields, API
    helpers. It imports no app of the portal (``tests/test_layering.py`` keeps that true)."""

    name = "core"
    verbose_name = _("Core")

    def ready(self) -> None:
        from django.db.backends.signals import connection_created

        from core.data_version import install_write_watcher
        from core.form_words import install as install_form_words

        connection_created.connect(install_write_watcher, dispatch_uid="portal-write-watcher")
        install_form_words()
