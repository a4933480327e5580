from django.contrib import admin

from core.admin_mixins import ReadOnlyAdminMixin

from .models import Notification


@admin.register(Notification)
class NotificationAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    list_display = ["created_at", "recipient", "event", "subject", "read_at", "emailed_at"]
    list_filter = ["event"]
    search_fields = ["recipient__username", "subject", "key"]
