"""Writes made in the Django admin reach the audit trail like those of the pages, the API and the commands: an
admin that lets records be added, changed or deleted there mixes in :class:`AuditedAdminMixin`."""
from typing import Any

from django.db import models, transaction

from .services import record


def secret(name: str) -> bool:
    """A field never copied into the trail, even hashed (a user's password, the add form's two)."""
    return "password" in name


def plain(value: Any) -> Any:
    """``value`` as the trail's JSON keeps it: a row by its primary key, rows as a list of them, anything else
    JSON does not hold as its text."""
    if isinstance(value, models.Model):
        return value.pk
    if isinstance(value, list | tuple | set | frozenset | models.QuerySet):
        return [plain(item) for item in value]
    if value is None or isinstance(value, str | int | float | bool):
        return value
    return str(value)


class AuditedAdminMixin:
    """Each add, change and delete made in this admin is an audit entry (``admin.added``, ``admin.changed``,
    ``admin.deleted``) naming who, the record and each changed field's old and new value, in the same
    transaction as the write; rows of the admin's inlines are named on their parent's entry."""

    def save_model(self, request, obj, form, change):
        fields = [name for name in form.changed_data if not secret(name)]
        changes = {name: [plain(form.initial.get(name)) if change else None, plain(form.cleaned_data.get(name))]
                   for name in fields}
        with transaction.atomic():
            super().save_model(request, obj, form, change)
            if changes or not change:
                record(actor=request.user, action="admin.changed" if change else "admin.added", target=obj,
                       changes={"object": str(obj), **changes})

    def save_related(self, request, form, formsets, change):
        with transaction.atomic():
            super().save_related(request, form, formsets, change)
            rows = {}
            for formset in formsets:
                done = {"added": [str(row) for row in getattr(formset, "new_objects", [])],
                        "changed": [str(row) for row, _fields in getattr(formset, "changed_objects", [])],
                        "deleted": [str(row) for row in getattr(formset, "deleted_objects", [])]}
                done = {what: names for what, names in done.items() if names}
                if done:
                    rows[formset.model._meta.label_lower] = done
            if rows:
                record(actor=request.user, action="admin.changed", target=form.instance,
                       changes={"object": str(form.instance), **rows})

    def delete_model(self, request, obj):
        with transaction.atomic():
            record(actor=request.user, action="admin.deleted", target=obj, changes={"object": str(obj)})
            super().delete_model(request, obj)

    def delete_queryset(self, request, queryset):
        with transaction.atomic():
            for obj in queryset:
                record(actor=request.user, action="admin.deleted", target=obj, changes={"object": str(obj)})
            super().delete_queryset(request, queryset)
