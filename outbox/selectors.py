"""Reads of the pending work, for operators (``manage.py pending_work``, the admin) and health checks."""
from datetime import datetime, timedelta

from django.db.models import QuerySet
from django.utils import timezone

from .models import PendingWork


def pending_work() -> QuerySet[PendingWork]:
    """Work recorded and not yet done, oldest first."""
    return PendingWork.objects.filter(done_at=None).order_by("created_at", "pk")


def oldest_pending_age(now: datetime | None = None) -> timedelta | None:
    """How long the oldest pending work has waited; ``None`` when nothing is pending. A health check shows
    it: a few seconds is normal, minutes mean the broker or every worker is down."""
    oldest = pending_work().values_list("created_at", flat=True).first()
    if oldest is None:
        return None
    return max((now or timezone.now()) - oldest, timedelta(0))
