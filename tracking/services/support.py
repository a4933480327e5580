"""Support-line rows, kept by the ministry that runs the line. The service asks the same permission as the
pages, so no other path can write another ministry's line; every save and removal is audited with its reason."""
from django.db import IntegrityError, transaction
from django.db.models import Model
from django.forms.models import model_to_dict
from django.utils.translation import gettext as _

from audit.services import field_changes, record
from tracking.models import SelectedTask
from tracking.permissions import can_edit_support_line
from tracking.support_lines import SupportLine

from .refusals import TrackingRefused


def _allowed(actor, line: SupportLine) -> None:
    decision = can_edit_support_line(actor, line)
    if not decision:
        raise TrackingRefused(decision.reason)


def _plain(values: dict) -> dict:
    return {name: (value.pk if isinstance(value, Model) else value) for name, value in values.items()}


@transaction.atomic
def save_support_row(*, actor, task: SelectedTask, line: SupportLine, row: Model | None, values: dict,
                     reason: str) -> Model:
    """Create or change one row of ``line`` for ``task``."""
    _allowed(actor, line)
    row = row or line.model(task=task)
    if row.task_id != task.pk:
        raise TrackingRefused(_("This row belongs to another task."))
    before = model_to_dict(row, fields=line.fields) if row.pk else {}
    for name, value in values.items():
        setattr(row, name, value)
    try:
        with transaction.atomic():
            row.save()
    except IntegrityError as error:
        raise TrackingRefused(_("This line has such a row already; change that one instead.")) from error
    record(actor=actor, action="tracking.support_saved", target=task, reason=reason,
           changes={"line": line.code, "row": str(row), **field_changes(before, _plain(values))})
    return row


@transaction.atomic
def remove_support_row(*, actor, task: SelectedTask, line: SupportLine, row: Model, reason: str) -> None:
    _allowed(actor, line)
    if row.task_id != task.pk:
        raise TrackingRefused(_("This row belongs to another task."))
    snapshot = _plain(model_to_dict(row, fields=line.fields))
    row.delete()
    record(actor=actor, action="tracking.support_removed", target=task, reason=reason,
           changes={"line": line.code, "row": str(row), "removed": snapshot})
