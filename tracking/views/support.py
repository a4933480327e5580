"""A ministry's staff keep their own support line of a task: add, change and remove rows, each with a reason."""
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _

from tracking import forms, permissions, services
from tracking.support_lines import SupportLine, line_for

from .base import TaskActionView


class SupportRowView(TaskActionView):
    """Add a row (no ``row`` in the address) or change one."""

    def line(self) -> SupportLine:
        return line_for(self.kwargs["line"])

    @property
    def title(self):
        return self.line().label

    @property
    def intro(self):
        return _("Kept by %(ministry)s. Every change is kept with who made it, when and why.") % {
            "ministry": self.line().ministry_label}

    def permission(self, user, task):
        return permissions.can_edit_support_line(user, self.line())

    def row(self):
        if "row" not in self.kwargs:
            return None
        return get_object_or_404(self.line().model, pk=self.kwargs["row"], task=self.get_task())

    def get_form(self, data=None, files=None):
        row = self.row() or self.line().model(task=self.get_task())
        return forms.support_row_form(self.line())(data, instance=row)

    def act(self, data):
        values = {name: data[name] for name in self.line().fields}
        services.save_support_row(actor=self.request.user, task=self.get_task(), line=self.line(), row=self.row(),
                                  values=values, reason=data["reason"])
        return _("The support line was saved."), self.task_url(f"line-{self.line().code}")


class RemoveSupportRowView(SupportRowView):
    @property
    def title(self):
        return _("Remove a row of %(line)s") % {"line": self.line().label}

    def get_form(self, data=None, files=None):
        return forms.RemoveRowForm(data)

    def get_context_data(self, **kwargs):
        return super().get_context_data(subject=self.row(), **kwargs)

    def act(self, data):
        services.remove_support_row(actor=self.request.user, task=self.get_task(), line=self.line(),
                                    row=self.row(), reason=data["reason"])
        return _("The row was removed."), self.task_url(f"line-{self.line().code}")
