from django.contrib import admin
from django.contrib.auth.admin import UserAdmin
from django.utils.translation import gettext_lazy as _

from audit.admin_mixins import AuditedAdminMixin

from .models import User


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
