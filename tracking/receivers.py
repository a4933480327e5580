"""Tracking follows the selection: when a run is confirmed, opening its selected tasks is recorded as
pending work in the confirmation's transaction and done by a Celery task once it commits."""
from django.dispatch import receiver

from outbox.services import defer
from selection.signals import run_confirmed


@receiver(run_confirmed, dispatch_uid="tracking.open_selected_tasks")
def open_selected_tasks(sender, run, **kwargs) -> None:
    defer("tracking.tasks.task_open_selected_tasks", run.pk, key=f"tracking.open_tasks:{run.pk}")
