"""Support-line rows, kept by the ministry that runs the line. The service asks the same permission as the
pages and the API, checks every value against the line's measures and rules (``clean_values``), and audits
every save and removal with its reason."""
from typing import Any

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from audit.services import field_changes, record
from core.permissions import refuse_unless
from ministries.registry import LineSpec, with_current_rules
from ministries.values import clean_values
from tracking.models import SelectedTask, SupportLineRow
from tracking.permissions import can_edit_support_line

from .refusals import TrackingRefused


def _allowed(actor, line: LineSpec, task: SelectedTask) -> None:
    refuse_unless(can_edit_support_line(actor, line, task), TrackingRefused)


def _check_row_of(row: SupportLineRow, task: SelectedTask, line: LineSpec) -> None:
    if row.task_id != task.pk or row.line_id != line.pk:
        raise TrackingRefused(_("This row belongs to another task."))


@transaction.atomic
def save_support_row(*, actor, task: SelectedTask, line: LineSpec, row: SupportLineRow | None,
                     values: dict[str, Any], reason: str) -> SupportLineRow:
    """Create (``row`` None) or change one row of ``line`` for ``task``; ``values`` is ``{measure code: value}``.

    Raises :class:`TrackingRefused` when the actor's ministry does not keep the line or takes no part in the
    task's contest, the row is another
    task's or another line's, or the task has a row with the same key values already; ``ValidationError``
    keyed by measure code when a value does not fit the line (type, unknown, missing, a broken rule).
    """
    _allowed(actor, line, task)
    if row is not None:
        row = SupportLineRow.objects.select_for_update().get(pk=row.pk)
        _check_row_of(row, task, line)
    line = with_current_rules(line)  # a rule added since the page or the file was read counts too
    cleaned = clean_values(line, values)
    before = dict(row.values) if row else {}
    row = row or SupportLineRow(task=task, line_id=line.pk)
    row.values, row.key = cleaned, line.key_of(cleaned)
    try:
        with transaction.atomic():
            row.save()
    except IntegrityError as error:
        raise TrackingRefused(_("This line has such a row already; change that one instead.")) from error
    record(actor=actor, action="tracking.support_saved", target=task, reason=reason,
           changes={"line": line.code, "row": line.summary(cleaned),
                    **field_changes(before, {code: cleaned.get(code) for code in {*before, *cleaned}})})
    return row


@transaction.atomic
def remove_support_row(*, actor, task: SelectedTask, line: LineSpec, row: SupportLineRow, reason: str) -> None:
    """Remove one row; the audit entry keeps every value it held."""
    _allowed(actor, line, task)
    _check_row_of(row, task, line)
    snapshot = dict(row.values)
    row.delete()
    record(actor=actor, action="tracking.support_removed", target=task, reason=reason,
           changes={"line": line.code, "row": line.summary(snapshot), "removed": snapshot})


__all__ = ["ValidationError", "remove_support_row", "save_support_row"]
