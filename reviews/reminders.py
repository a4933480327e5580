"""The daily scoring-deadline reminder: only reviewers who still owe a sheet on a panel whose deadline has
not passed hear from it, once a day each."""
from datetime import datetime

from django.db.models import Count, Min, Q
from django.utils import timezone

from applications.models import SEOUL
from core.formats import moment
from notifications.services import announce

from .models import Assignment, AssignmentStatus, SheetStatus


def reviewers_owing_sheets(now: datetime) -> list[dict]:
    """Per reviewer's user: how many sheets are still owed and the earliest deadline among them."""
    owed = (Assignment.objects.exclude(status=AssignmentStatus.RECUSED)
            .filter(panel__signed_off_at=None, due_at__gt=now)
            .exclude(sheet__status=SheetStatus.SUBMITTED))
    return list(owed.values("reviewer__user_id").annotate(pending=Count("pk"), due=Min("due_at"))
                .filter(~Q(reviewer__user__is_active=False)).order_by("reviewer__user_id"))


def send_scoring_reminders(now: datetime | None = None) -> int:
    """Announce today's reminder to each reviewer who owes sheets; returns how many were announced. Run
    twice on the same day, it announces the same keys and nobody hears twice."""
    now = now or timezone.now()
    today = now.astimezone(SEOUL).date().isoformat()
    rows = reviewers_owing_sheets(now)
    for row in rows:
        announce("review.scoring_reminder", row["reviewer__user_id"], occasion=today,
                 context={"pending": row["pending"],
                          "due": moment(row["due"].astimezone(SEOUL))})
    return len(rows)
