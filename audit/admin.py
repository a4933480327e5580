from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from core.admin_mixins import ReadOnlyAdminMixin

from .models import AuditEntry
from .registry import action_label, registered_actions


class ActionFilter(admin.SimpleListFilter):
    """The actions by their labels (each app registers its own: ``audit.registry``)."""

    title = _("action")
    parameter_name = "action"

    def lookups(self, request, model_admin):
        return sorted(((code, str(label)) for code, label in registered_actions().items()),
                      key=lambda choice: choice[1])

    def queryset(self, request, queryset):
        return queryset.filter(action=self.value()) if self.value() else queryset


@admin.register(AuditEntry)
class AuditEntryAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    """Readable, never editable: the portal offers no way to change the record."""

    list_display = ("at", "actor", "action_name", "target_type", "target_id", "reason")
    list_filter = (ActionFilter, "target_type")
    list_select_related = ("actor",)
    search_fields = ("target_id", "reason")

    @admin.display(description=_("action"), ordering="action")
    def action_name(self, entry: AuditEntry) -> str:
        return action_label(entry.action)
