"""Request shapes the apps share."""
from rest_framework import serializers


class ReasonSerializer(serializers.Serializer):
    """A reason the audit trail keeps with the change."""

    reason = serializers.CharField(max_length=2000)
