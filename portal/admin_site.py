from django.contrib.admin import AdminSite, ModelAdmin
from django.utils.translation import gettext_lazy as _

from accounts.permissions import can_use_admin_site
from core.fields import bound_formfield


class PortalAdminSite(AdminSite):
    site_header = _("Collaboration-project portal administration")
    site_title = _("Portal administration")

    def has_permission(self, request) -> bool:
        return bool(can_use_admin_site(request.user))

    def register(self, model_or_iterable, admin_class=None, **options):
        """Every model admin gets the portal's bounds on its number and date fields (``BoundedAdminMixin``), as
        the pages' forms and the API have them: the admin is one more door to the same columns."""
        admin_class = admin_class or ModelAdmin
        if not issubclass(admin_class, BoundedAdminMixin):
            admin_class = type(admin_class.__name__, (BoundedAdminMixin, admin_class),
                               {"__module__": admin_class.__module__})
        return super().register(model_or_iterable, admin_class, **options)


class BoundedAdminMixin:
    def formfield_for_dbfield(self, db_field, request, **kwargs):
        return bound_formfield(db_field, super().formfield_for_dbfield(db_field, request, **kwargs))

