"""Deleting in the Django admin asks why, as adding and changing do: the delete confirmation page and the
"delete selected" action's page carry a required "Why" field (``audit_reason``); a confirmation without it is
refused beside the field and deletes nothing; with it, each deleted record is an audit entry naming who, the
reason, the record (its text and key) and the rows its deletion takes with it, counted by kind."""
import copy
from typing import Any

from django import forms
from django.contrib.admin.actions import delete_selected
from django.contrib.admin.utils import NestedObjects
from django.db import models, router, transaction
from django.http import QueryDict
from django.utils.translation import gettext_lazy as _

from .services import record

# The admin forms' field for why the record is added, changed or deleted, kept as the audit entry's reason.
REASON_FIELD = "audit_reason"


def reason_field() -> forms.CharField:
    """The required "Why" field of the admin's forms."""
    return forms.CharField(label=_("Why"), max_length=1000, widget=forms.Textarea(attrs={"rows": 2}),
                           help_text=_("Kept in the audit trail with the change."))


class DeletionReasonForm(forms.Form):
    """The "Why" of a deletion confirmed in the admin."""

    audit_reason = reason_field()


def cascades(objs: list[models.Model]) -> dict[Any, dict[str, int]]:
    """For each of ``objs`` (by primary key), the rows its deletion takes with it, counted by model label; one
    collection for them all, as the confirmation page makes (a row two of them reach is counted once)."""
    if not objs:
        return {}
    collector = NestedObjects(using=router.db_for_write(type(objs[0])))
    collector.collect(objs)
    seen: set[models.Model] = set(objs)
    counted = {}
    for obj in objs:
        counts: dict[str, int] = {}
        stack = list(collector.edges.get(obj, ()))
        while stack:
            row = stack.pop()
            if row in seen:
                continue
            seen.add(row)
            counts[row._meta.label_lower] = counts.get(row._meta.label_lower, 0) + 1
            stack.extend(collector.edges.get(row, ()))
        counted[obj.pk] = counts
    return counted


def shown_again(request, *, keep: tuple[str, ...] = ()):
    """``request`` as the confirmation page's first showing sees it (a GET, nothing confirmed): the page again,
    and nothing deleted. ``keep`` names the posted fields the page needs (the action's name and the selection)."""
    again = copy.copy(request)
    again.method = "GET"
    kept = QueryDict(mutable=True)
    for name in keep:
        kept.setlist(name, request.POST.getlist(name))
    again.POST = kept
    return again


def audited_delete_selected(modeladmin, request, queryset):
    """Django's "delete selected" action, refused without a reason and audited with it."""
    confirmed = bool(request.POST.get("post"))
    form = DeletionReasonForm(request.POST if confirmed else None)
    if confirmed and not form.is_valid():
        request = shown_again(request, keep=("action", "select_across", "index", "_selected_action"))
    with transaction.atomic(using=router.db_for_write(modeladmin.model)):
        response = delete_selected(modeladmin, request, queryset)
    if response is not None:  # the confirmation page, shown first or again
        response.context_data["reason_form"] = form
    return response


audited_delete_selected.allowed_permissions = delete_selected.allowed_permissions
audited_delete_selected.audited = True  # it asks why and records it (``AuditedAdminMixin.get_actions``)
audited_delete_selected.short_description = delete_selected.short_description


class ReasonedDeletionMixin:
    """The admin's deletions, single and selected, ask why and are audit entries (``admin.deleted``)."""

    delete_confirmation_template = "admin/audited_delete_confirmation.html"
    delete_selected_confirmation_template = "admin/audited_delete_selected_confirmation.html"

    def delete_view(self, request, object_id, extra_context=None):
        form = DeletionReasonForm(request.POST if request.method == "POST" else None)
        if request.method == "POST" and not form.is_valid():
            request = shown_again(request)
        return super().delete_view(request, object_id, {**(extra_context or {}), "reason_form": form})

    def get_actions(self, request):
        actions = super().get_actions(request)
        if "delete_selected" in actions:
            _function, name, description = actions["delete_selected"]
            actions[name] = (audited_delete_selected, name, description)
        return actions

    @staticmethod
    def deletion_reason(request) -> str:
        """The reason given on the confirmation page (checked there before anything is deleted)."""
        return request.POST.get(REASON_FIELD, "").strip()

    def record_deletions(self, request, objs: list[models.Model]) -> None:
        """One ``admin.deleted`` entry per record about to be deleted; call in the deletion's transaction."""
        taken = cascades(objs)
        reason = self.deletion_reason(request)
        for obj in objs:
            record(actor=request.user, action="admin.deleted", target=obj, reason=reason,
                   changes={"object": str(obj), "pk": str(obj.pk), "cascade": taken.get(obj.pk, {})})

    def delete_model(self, request, obj):
        with transaction.atomic():
            self.record_deletions(request, [obj])
            super().delete_model(request, obj)

    def delete_queryset(self, request, queryset):
        with transaction.atomic():
            self.record_deletions(request, list(queryset))
            super().delete_queryset(request, queryset)
