"""Celery tasks of the notifications: a delivery (the fan-out: one notification per recipient) and one
e-mail per notification, each retried with backoff when the mail server or broker falters; each retry finds
what the earlier attempt already did. ``work_id`` is the outbox row the task settles."""
from smtplib import SMTPException

from celery import shared_task

from outbox.services import finish

from .services import deliver, email

RETRYABLE = (SMTPException, ConnectionError, TimeoutError)


@shared_task(autoretry_for=RETRYABLE, retry_backoff=True, retry_backoff_max=600, retry_jitter=True, max_retries=8)
def task_deliver(event: str, target_id: int, occasion: str, context: dict | None = None,
                 work_id: int | None = None) -> int:
    recorded = deliver(event, target_id, occasion, context)
    finish(work_id)
    return recorded


@shared_task(autoretry_for=RETRYABLE, retry_backoff=True, retry_backoff_max=600, retry_jitter=True, max_retries=8)
def task_email(notification_id: int, work_id: int | None = None) -> bool:
    sent = email(notification_id)
    finish(work_id)
    return sent
