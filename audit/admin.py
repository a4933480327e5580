from django.contrib import admin

from .models import AuditEntry


@admin.register(AuditEntry)
class AuditEntryAdmin(admin.ModelAdmin):
    """Readable, never editable: the portal offers no way to change the record."""

    list_display = ("at", "actor", "action", "target_type", "target_id", "reason")
    list_filter = ("action", "target_type")
    list_select_related = ("actor",)
    search_fields = ("target_id", "reason")

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
