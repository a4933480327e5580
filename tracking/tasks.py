"""Celery tasks of tracking: thin wrappers that take ids and call the services."""
from celery import shared_task

from outbox.services import finish

from .services import open_tasks_for_run


@shared_task(acks_late=True)
def task_open_selected_tasks(run_id: int, work_id: int | None = None) -> list[int]:
    """After a selection is confirmed; idempotent, so a redelivery opens nothing twice. ``work_id`` is its
    outbox row."""
    opened = open_tasks_for_run(run_id)
    finish(work_id)
    return opened
