"""Request shapes the apps share."""
from rest_framework import serializers


class ReasonSerializer(serializers.Serializer):
    """A reason the audit trail keeps with the change."""

    reason = serializers.CharField(max_length=2000)


def validated_data(serializer_class: type[serializers.Serializer], request) -> dict:
    """The request's body checked by ``serializer_class``; a 400 with messages by field otherwise."""
    serializer = serializer_class(data=request.data)
    serializer.is_valid(raise_exception=True)
    return serializer.validated_data
