from django.contrib import admin

from audit.admin_mixins import AuditedAdminMixin

from .models import Ministry, SupportLineKind


@admin.register(Ministry)
class MinistryAdmin(AuditedAdminMixin, admin.ModelAdmin):
    list_display = ("code", "name_ko", "name_en", "is_lead")


@admin.register(SupportLineKind)
class SupportLineKindAdmin(AuditedAdminMixin, admin.ModelAdmin):
    """Lines' names; their measures change only through the ministries page or API (checked and audited)."""

    list_display = ("code", "ministry", "name_ko", "name_en")
    list_select_related = ("ministry",)
