"""Filters the API's lists share."""
import django_filters
from django import forms

BIGINT_MAX = 2**63 - 1


class WholeNumberFilter(django_filters.NumberFilter):
    """A whole number within what the database column holds: ``?contest=1e30`` is a 400 saying so, not an
    overflow inside the database driver."""

    field_class = forms.IntegerField

    def __init__(self, *args, min_value: int = 0, max_value: int = BIGINT_MAX, **kwargs):
        super().__init__(*args, min_value=min_value, max_value=max_value, **kwargs)
