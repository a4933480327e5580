"""Reads of the ministries and their support lines."""
from django.db.models import Prefetch, QuerySet

from .models import MeasureRule, Ministry, SupportLineKind


def line_kinds_with_measures() -> QuerySet[SupportLineKind]:
    """Lines with their ministry, measures and rules (three queries whatever their number)."""
    return SupportLineKind.objects.select_related("ministry").prefetch_related(
        "measures", Prefetch("rules", queryset=MeasureRule.objects.select_related("left", "right")))


def ministries_with_lines() -> QuerySet[Ministry]:
    """Every ministry, the lead first, with its support lines, their measures and rules (four queries)."""
    return Ministry.objects.prefetch_related(Prefetch("support_line_kinds", queryset=line_kinds_with_measures()))
