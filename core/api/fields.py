"""Input fields the API's serializers share, with the portal's bounds (``core.fields``)."""
from datetime import datetime

from django.core.exceptions import ValidationError as DjangoValidationError
from rest_framework import serializers

from core.fields import validate_plausible_date


class PlausibleDateTimeField(serializers.DateTimeField):
    """An instant within 2000-2100, refused with the pages' message otherwise.

    The bound is checked before DRF converts the time to the current zone: year 1 (``"0001-01-01"``) or year 9999
    with a negative offset overflowed inside that conversion, an OverflowError and a 500 on every endpoint that
    takes a time. Every writable time of the API is this field (tests/api/test_hostile_bodies.py walks them)."""

    def enforce_timezone(self, value: datetime) -> datetime:
        try:
            validate_plausible_date(value)
        except DjangoValidationError as error:
            raise serializers.ValidationError(error.messages, code="implausible") from error
        return super().enforce_timezone(value)
