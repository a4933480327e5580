"""Admin pieces shared by the apps."""


class ReadOnlyAdminMixin:
    """For records that are history (audit entries, imports, score sheets): readable in the admin, never
    added, changed or deleted there."""

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
