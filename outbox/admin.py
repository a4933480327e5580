from django.contrib import admin

from core.admin_mixins import ReadOnlyAdminMixin

from .models import PendingWork


@admin.register(PendingWork)
class PendingWorkAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    list_display = ["created_at", "key", "task", "attempts", "enqueued_at", "done_at", "last_error"]
    list_filter = [("done_at", admin.EmptyFieldListFilter)]
    search_fields = ["key", "task"]
