from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from core.admin_mixins import ReadOnlyAdminMixin

from .channels import channel_for
from .models import Delivery, Notification


def channel_label(code: str) -> str:
    channel = channel_for(code)
    return str(channel.label) if channel is not None else code


class DeliveryInline(admin.TabularInline):
    model = Delivery
    fields = ["channel", "status", "attempts", "delivered_at", "last_error"]
    readonly_fields = fields
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None) -> bool:
        return False


@admin.register(Notification)
class NotificationAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    list_display = ["created_at", "recipient", "event", "subject", "read_at", "channels"]
    list_filter = ["event"]
    search_fields = ["recipient__username", "subject", "key"]
    inlines = [DeliveryInline]

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("deliveries")

    @admin.display(description=_("deliveries"))
    def channels(self, notification: Notification) -> str:
        return ", ".join(f"{channel_label(delivery.channel)}: {delivery.get_status_display()}"
                         for delivery in notification.deliveries.all())


@admin.register(Delivery)
class DeliveryAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    """Who was reached through which channel; pending and failed ones first to look at."""

    list_display = ["notification", "channel", "status", "attempts", "delivered_at", "last_error"]
    list_filter = ["channel", "status"]
    list_select_related = ["notification__recipient"]
    search_fields = ["notification__recipient__username", "notification__key"]
