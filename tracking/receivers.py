"""Tracking follows the selection: when a run is confirmed, its selected tasks are opened by a Celery task
enqueued once the confirmation commits."""
from functools import partial

from django.db import transaction
from django.dispatch import receiver

from selection.signals import run_confirmed


@receiver(run_confirmed, dispatch_uid="tracking.open_selected_tasks")
def open_selected_tasks(sender, run, **kwargs) -> None:
    from .tasks import task_open_selected_tasks

    transaction.on_commit(partial(task_open_selected_tasks.delay, run.pk))
