"""The council's continuation pages on a task (계속 지원): fund later years on condition, and decide a year."""
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from tracking import continuation_forms, permissions, services

from .base import TaskActionView


class ContinuationActionView(TaskActionView):
    def permission(self, user, task):
        return permissions.can_evaluate_continuation(user)

    def form_kwargs(self):
        return {"task": self.get_task()}


class ConditionView(ContinuationActionView):
    form_class = continuation_forms.ConditionForm
    title = gettext_lazy("Fund later years on condition")
    intro = gettext_lazy("A task funded for fewer years than the agreement: from the year chosen, its lines are "
                         "paid only after the council's continuation evaluation of that year.")

    def act(self, data):
        services.set_condition(actor=self.request.user, task=self.get_task(), from_year=data["from_year"],
                               reason=data["reason"])
        return _("The continuation condition was saved."), self.task_url("continuation")


class ContinuationView(ContinuationActionView):
    form_class = continuation_forms.ContinuationForm
    title = gettext_lazy("Continuation evaluation")
    intro = gettext_lazy("The council's decision for one year, with its reasons: continue, continue with reduced "
                         "national funding (the year's national line is amended), or stop (no payment from that "
                         "year on). The lead local government and its province are notified.")

    def act(self, data):
        services.record_continuation(actor=self.request.user, task=self.get_task(), year=data["year"],
                                     outcome=data["outcome"], national_krw=data["national_krw"],
                                     reason=data["reason"])
        return _("The continuation evaluation was recorded."), self.task_url("continuation")
