"""Celery tasks of the selection: thin wrappers that take ids and call the services."""
from celery import shared_task

from outbox.services import finish

from .services import confirm_due_runs, execute_run


@shared_task(acks_late=True)
def task_execute_run(run_id: int, work_id: int | None = None) -> str:
    """Computes the run (idempotent: a redelivery finds it computed); ``work_id`` is its outbox row."""
    status = execute_run(run_id).status
    finish(work_id)
    return status


@shared_task
def task_confirm_due_selections() -> list[int]:
    """Daily (Celery beat): results whose objection period is over and whose objections are decided."""
    return confirm_due_runs()
