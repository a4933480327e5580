from django.contrib import admin

from core.admin_mixins import ReadOnlyAdminMixin

from .models import AuditEntry


@admin.register(AuditEntry)
class AuditEntryAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    """Readable, never editable: the portal offers no way to change the record."""

    list_display = ("at", "actor", "action", "target_type", "target_id", "reason")
    list_filter = ("action", "target_type")
    list_select_related = ("actor",)
    search_fields = ("target_id", "reason")
