from django.contrib.admin import AdminSite, ModelAdmin
from django.contrib.admin.views.main import ERROR_FLAG
from django.db import DataError, transaction
from django.http import HttpResponseRedirect
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

    def changelist_view(self, request, extra_context=None):
        """A list filter's value past what its column holds (``?province=10**20``, ``?attempt_time=0001-01-01``,
        ``?start_time__year=10**9``) fails only when the query runs, as an OverflowError or the database's
        DataError: a 500 on every list. It is answered as Django answers a lookup it cannot read: the list
        again, unfiltered, with ``?e=1`` (the page then says the filter was not valid)."""
        if request.method != "GET":
            return super().changelist_view(request, extra_context)
        try:
            with transaction.atomic():
                return super().changelist_view(request, extra_context)
        except (OverflowError, DataError):
            if ERROR_FLAG in request.GET:
                raise
            return HttpResponseRedirect(f"{request.path}?{ERROR_FLAG}=1")

