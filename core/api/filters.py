"""Filters the API's lists share."""
import django_filters
from django import forms
from rest_framework.filters import OrderingFilter

BIGINT_MAX = 2**63 - 1


class WholeNumberFilter(django_filters.NumberFilter):
    """A whole number within what the database column holds: ``?contest=1e30`` is a 400 saying so, not an
    overflow inside the database driver."""

    field_class = forms.IntegerField

    def __init__(self, *args, min_value: int = 0, max_value: int = BIGINT_MAX, **kwargs):
        super().__init__(*args, min_value=min_value, max_value=max_value, **kwargs)


class StableOrderingFilter(OrderingFilter):
    """DRF's ``?ordering=`` with the primary key as the last key: rows that tie on the field asked for (the
    designations of one kind, proposals saved in the same instant) keep one order, so paging neither repeats
    nor skips a row between requests, on SQLite and PostgreSQL alike."""

    def get_ordering(self, request, queryset, view):
        ordering = super().get_ordering(request, queryset, view)
        if not ordering or any(str(field).lstrip("-") in ("pk", "id") for field in ordering):
            return ordering
        return [*ordering, "-pk" if str(ordering[-1]).startswith("-") else "pk"]
