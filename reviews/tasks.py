"""Celery tasks of the review: thin wrappers that take ids and call the domain."""
from smtplib import SMTPException

from celery import shared_task

from .notifications import notify_council_of_recusal


@shared_task(autoretry_for=(SMTPException, ConnectionError), retry_backoff=True, retry_backoff_max=600,
             max_retries=5)
def task_notify_council_of_recusal(assignment_id: int) -> int:
    return notify_council_of_recusal(assignment_id)
