"""Celery tasks of the notifications: retried with backoff when the mail server or broker falters; each
retry finds what the earlier attempt already did."""
from smtplib import SMTPException

from celery import shared_task

from .services import deliver

RETRYABLE = (SMTPException, ConnectionError, TimeoutError)


@shared_task(autoretry_for=RETRYABLE, retry_backoff=True, retry_backoff_max=600, retry_jitter=True, max_retries=8)
def task_deliver(event: str, target_id: int, occasion: str, context: dict | None = None) -> int:
    return deliver(event, target_id, occasion, context)

