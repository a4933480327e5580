from django.contrib.admin import AdminSite, ModelAdmin
from django.utils.translation import gettext_lazy as _

from accounts.permissions import can_use_admin_site
from audit.admin_mixins import AuditedAdminMixin
from core.admin_mixins import ReadOnlyAdminMixin
from core.fields import bound_formfield


class PortalAdminSite(AdminSite):
    site_header = _("Collaboration-project portal administration")
    site_title = _("Portal administration")

    def has_permission(self, request) -> bool:
        return bool(can_use_admin_site(request.user))

    def register(self, model_or_iterable, admin_class=None, **options):
        """Every model admin gets the portal's bounds on its number and date fields (``BoundedAdminMixin``), as
        the pages' forms and the API have them: the admin is one more door to the same columns. Every one that
        is not read-only (``ReadOnlyAdminMixin``: the audit trail and other history) is audited, asking why
        (``AuditedAdminMixin``), the installed packages' admins (groups, tokens, schedules, sign-in locks)
        included."""
        admin_class = admin_class or ModelAdmin
        mixins = [mixin for mixin in (AuditedAdminMixin, BoundedAdminMixin) if not issubclass(admin_class, mixin)]
        if issubclass(admin_class, ReadOnlyAdminMixin) and AuditedAdminMixin in mixins:
            mixins.remove(AuditedAdminMixin)
        if mixins:
            admin_class = type(admin_class.__name__, (*mixins, admin_class), {"__module__": admin_class.__module__})
        return super().register(model_or_iterable, admin_class, **options)


class BoundedAdminMixin:
    def formfield_for_dbfield(self, db_field, request, **kwargs):
        return bound_formfield(db_field, super().formfield_for_dbfield(db_field, request, **kwargs))

