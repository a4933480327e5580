"""Celery tasks of the notifications: a delivery (the fan-out: one notification per recipient) and one send
per delivery through a channel, each retried with backoff while the channel or broker falters; each retry
finds what the earlier attempt already did. ``work_id`` is the outbox row the task settles."""
from celery import shared_task

from outbox.services import finish

from .sending import DeliveryDeferred, send
from .services import deliver

RETRYABLE = (ConnectionError, TimeoutError)  # the database or broker faltering; sending is task_send's


@shared_task(autoretry_for=RETRYABLE, retry_backoff=True, retry_backoff_max=600, retry_jitter=True, max_retries=8)
def task_deliver(event: str, target_id: int, occasion: str, context: dict | None = None,
                 work_id: int | None = None) -> int:
    recorded = deliver(event, target_id, occasion, context)
    finish(work_id)
    return recorded


@shared_task(autoretry_for=(DeliveryDeferred,), retry_backoff=True, retry_backoff_max=600, retry_jitter=True,
             max_retries=8)
def task_send(delivery_id: int, work_id: int | None = None) -> bool:
    """One delivery through its channel; past Celery's retries the outbox's sweep hands it over again."""
    sent = send(delivery_id)
    finish(work_id)
    return sent
