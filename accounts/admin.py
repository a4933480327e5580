from django.contrib import admin
from django.contrib.admin.utils import unquote
from django.contrib.auth.admin import UserAdmin
from django.contrib.auth.forms import AdminPasswordChangeForm
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from audit.admin_deletion import REASON_FIELD, reason_field
from audit.admin_mixins import AuditedAdminMixin
from audit.services import record

from .models import User


class ReasonedPasswordChangeForm(AdminPasswordChangeForm):
    """The admin's password form for another account, asking why as the admin's other forms do."""

    audit_reason = reason_field()


@admin.register(User)
class PortalUserAdmin(AuditedAdminMixin, UserAdmin):
    list_display = ("username", "get_full_name", "role", "local_government", "province", "ministry", "is_active")
    list_filter = ("role", "is_active", "province", "ministry")
    list_select_related = ("local_government__province", "province", "ministry")
    autocomplete_fields = ("local_government",)
    fieldsets = (
        *UserAdmin.fieldsets,
        (_("Role in the portal"), {"fields": ("role", "local_government", "province", "ministry",
                                              "organisation", "language")}),
    )
    add_fieldsets = (
        *UserAdmin.add_fieldsets,
        (_("Role in the portal"), {"fields": ("role", "local_government", "province", "ministry")}),
    )

    change_password_form = ReasonedPasswordChangeForm
    change_user_password_template = "admin/accounts/user/change_password.html"  # noqa: S105 (a template)

    def user_change_password(self, request, id, form_url=""):
        """Django's password page, whose saving (a new password, or password sign-in disabled) is an audit entry
        with the reason; never the password or its hash."""
        with transaction.atomic():
            before = User.objects.filter(pk=unquote(id)).values_list("password", flat=True).first()
            response = super().user_change_password(request, id, form_url)
            user = User.objects.filter(pk=unquote(id)).first()
            if user is not None and user.password != before:
                record(actor=request.user, action="admin.changed", target=user,
                       reason=request.POST.get(REASON_FIELD, "").strip(),
                       changes={"object": str(user),
                                "password": "changed" if user.has_usable_password() else "disabled"})
        return response
