"""Reads of the ministries and their support lines."""
from django.db.models import QuerySet

from .models import Ministry


def ministries_with_lines() -> QuerySet[Ministry]:
    """Every ministry, the lead first, with its support lines prefetched (two queries)."""
    return Ministry.objects.prefetch_related("support_line_kinds")
