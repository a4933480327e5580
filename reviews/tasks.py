"""Celery tasks of the review: thin wrappers that take ids and call the domain."""
from celery import shared_task


@shared_task
def task_send_scoring_reminders() -> int:
    """Daily, from Celery beat (``CELERY_BEAT_SCHEDULE``)."""
    from .reminders import send_scoring_reminders

    return send_scoring_reminders()
