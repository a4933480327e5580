"""Each user's own notifications over the API, and marking them read."""
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import serializers, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response

from accounts.permissions import is_signed_in
from core.api.permissions import UserLanguageMixin, decision_permission
from notifications import selectors, services
from notifications.models import Notification


class NotificationSerializer(serializers.ModelSerializer):
    """``subject`` and ``body`` in the caller's language (``UserLanguageMixin``), as the notification centre
    shows them."""

    subject = serializers.CharField(source="localized_subject", read_only=True)
    body = serializers.CharField(source="localized_body", read_only=True)

    class Meta:
        model = Notification
        fields = ["id", "event", "subject", "body", "link", "created_at", "read_at"]


@extend_schema_view(list=extend_schema(tags=["notifications"]), retrieve=extend_schema(tags=["notifications"]))
class NotificationViewSet(UserLanguageMixin, viewsets.ReadOnlyModelViewSet):
    permission_classes = [decision_permission(is_signed_in)]
    serializer_class = NotificationSerializer
    filterset_fields = {"read_at": ["isnull"], "event": ["exact"]}
    ordering_fields = ["created_at", "id"]

    queryset = Notification.objects.none()  # for the schema; requests get the caller's own

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return self.queryset
        return selectors.notifications_of(self.request.user).order_by("-created_at", "-pk")

    @extend_schema(tags=["notifications"], request=None, responses=NotificationSerializer,
                   summary="Mark one notification read")
    @action(detail=True, methods=["post"])
    def read(self, request, pk=None):
        notification = services.mark_read(user=request.user, notification=self.get_object())
        return Response(NotificationSerializer(notification).data)
