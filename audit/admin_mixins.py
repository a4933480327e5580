"""Writes made in the Django admin reach the audit trail like those of the pages, the API and the commands: an
admin that lets records be added, changed or deleted there mixes in :class:`AuditedAdminMixin`."""
from typing import Any

from django.db import models, transaction

from .admin_deletion import REASON_FIELD, ReasonedDeletionMixin, reason_field
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


class AuditedAdminMixin(ReasonedDeletionMixin):
    """Each add, change and delete made in this admin is an audit entry (``admin.added``, ``admin.changed``,
    ``admin.deleted``) naming who, the record and each changed field's old and new value, in the same
    transaction as the write; rows of the admin's inlines are named on their parent's entry. The add and
    change forms and the delete confirmations (single and selected: ``audit.admin_deletion``) ask why
    (required, ``audit_reason``), kept as the entry's reason as the pages' and the API's reasons are. Of the
    list's actions only those that ask why and record it (marked ``audited``) are offered."""

    def get_actions(self, request):
        return {name: action for name, action in super().get_actions(request).items()
                if getattr(action[0], "audited", False)}

    def get_form(self, request, obj=None, change=False, **kwargs):
        base = kwargs.get("form") or (getattr(self, "add_form", None) if obj is None else None) or self.form
        kwargs["form"] = type(f"Audited{base.__name__}", (base,), {REASON_FIELD: reason_field()})
        return super().get_form(request, obj, change=change, **kwargs)

    def get_fieldsets(self, request, obj=None):
        fieldsets = [(name, {**options, "fields": [field for field in options.get("fields", ())
                                                     if field != REASON_FIELD]})
                     for name, options in super().get_fieldsets(request, obj)]
        return [*fieldsets, (None, {"fields": [REASON_FIELD]})]

    @staticmethod
    def reason_of(form) -> str:
        return (getattr(form, "cleaned_data", None) or {}).get(REASON_FIELD, "")

    def save_model(self, request, obj, form, change):
        fields = [name for name in form.changed_data if not secret(name) and name != REASON_FIELD]
        changes = {name: [plain(form.initial.get(name)) if change else None, plain(form.cleaned_data.get(name))]
                   for name in fields}
        with transaction.atomic():
            super().save_model(request, obj, form, change)
            if changes or not change:
                record(actor=request.user, action="admin.changed" if change else "admin.added", target=obj,
                       reason=self.reason_of(form), changes={"object": str(obj), **changes})

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
                       reason=self.reason_of(form), changes={"object": str(form.instance), **rows})
