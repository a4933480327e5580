"""Celery task of the outbox: the periodic sweep (Celery beat, every minute)."""
from celery import shared_task

from .services import sweep


@shared_task
def task_sweep_pending_work() -> dict:
    return sweep()
