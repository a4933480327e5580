"""A ministry's staff keep their own support lines of a task: add, change and remove rows, each with a reason.
One view serves every line; the line's measures shape the form."""
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _

from ministries.registry import LineSpec, line_for
from tracking import forms, permissions, services
from tracking.models import SupportLineRow

from .base import TaskActionView


class SupportRowView(TaskActionView):
    """Add a row (no ``row`` in the address) or change one."""

    def line(self) -> LineSpec:
        if not hasattr(self, "_line"):
            self._line = line_for(self.kwargs["line"])
        return self._line

    @property
    def title(self):
        return self.line().label

    @property
    def intro(self):
        return _("Kept by %(ministry)s. Every change is kept with who made it, when and why.") % {
            "ministry": self.line().ministry_label}

    def permission(self, user, task):
        return permissions.can_edit_support_line(user, self.line(), task)

    def desk_return(self) -> str | None:
        """The ministry desk the officer came from (``next`` on the desk's links), so that saving, removing or
        cancelling returns him there; anything else is ignored."""
        target = self.request.POST.get("next") or self.request.GET.get("next", "")
        if target.startswith(reverse("tracking:desk")) and url_has_allowed_host_and_scheme(
                target, allowed_hosts={self.request.get_host()}, require_https=self.request.is_secure()):
            return target
        return None

    def done_url(self) -> str:
        return self.desk_return() or self.task_url(f"line-{self.line().code}")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        if self.desk_return():
            context.update(back_url=self.desk_return(), next=self.desk_return())
        return context

    def row(self) -> SupportLineRow | None:
        if "row" not in self.kwargs:
            return None
        return get_object_or_404(SupportLineRow, pk=self.kwargs["row"], task=self.get_task(), line_id=self.line().pk)

    def get_form(self, data=None, files=None):
        row = self.row()
        return forms.support_row_form(self.line())(data, initial=dict(row.values) if row else None)

    def post(self, request, *args, **kwargs):
        form = self.get_form(request.POST)
        return self.submit(form, lambda data: self._save(form, data))

    def _save(self, form, data):
        try:
            services.save_support_row(actor=self.request.user, task=self.get_task(), line=self.line(),
                                      row=self.row(), values=form.values(), reason=data["reason"])
        except ValidationError as error:
            raise services.TrackingRefused(" ".join(error.messages)) from error
        return _("The support line was saved."), self.done_url()


class RemoveSupportRowView(SupportRowView):
    @property
    def title(self):
        return _("Remove a row of %(line)s") % {"line": self.line().label}

    def get_form(self, data=None, files=None):
        return forms.RemoveRowForm(data)

    def get_context_data(self, **kwargs):
        row = self.row()
        return super().get_context_data(subject=self.line().summary(row.values) if row else "", **kwargs)

    def post(self, request, *args, **kwargs):
        return self.submit(self.get_form(request.POST), self.act)

    def act(self, data):
        services.remove_support_row(actor=self.request.user, task=self.get_task(), line=self.line(),
                                    row=self.row(), reason=data["reason"])
        return _("The row was removed."), self.done_url()
