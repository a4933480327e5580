from typing import Any

from django.db import models

from .models import AuditEntry


def record(*, actor, action: str, target: models.Model, reason: str = "",
           changes: dict[str, Any] | None = None) -> AuditEntry:
    """Write one audit entry; call inside the transaction that makes the change."""
    return AuditEntry.objects.create(
        actor=actor if getattr(actor, "is_authenticated", False) else None, action=action,
        target_type=target._meta.label_lower, target_id=str(target.pk), reason=reason, changes=changes or {},
    )


def field_changes(before: dict[str, Any], after: dict[str, Any]) -> dict[str, list[Any]]:
    """``{field: [old, new]}`` for the fields whose value differs."""
    return {name: [before.get(name), value] for name, value in after.items() if before.get(name) != value}


def record_command(*, command: str, actor, reason: str, changes: dict[str, Any],
                   target: models.Model | None = None) -> AuditEntry:
    """The entry of a management command's run (``manage.py command``, the door): on the record it made or
    changed when there is one, else on the command itself (object type ``command``)."""
    return AuditEntry.objects.create(
        actor=actor if getattr(actor, "is_authenticated", False) else None, action="command.ran",
        target_type=target._meta.label_lower if target is not None else "command",
        target_id=str(target.pk) if target is not None else command, reason=reason,
        changes={"door": "command", "command": command, **changes},
    )
