"""A task's page and the council's and province's actions on it."""
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView

from applications.selectors import proposals_visible_to
from tracking import forms, permissions, selectors, services
from tracking.models import Milestone, SelectedTask
from tracking.timeline import timeline

from .base import TaskActionView, TaskMixin


class TaskDetailView(TaskMixin, TemplateView):
    template_name = "tracking/task_detail.html"

    def decide(self, user):
        return permissions.can_view_task(user, self.get_task())

    def get_context_data(self, **kwargs):
        user, task = self.request.user, selectors.task_detail(self.get_task().pk)
        rollup = selectors.kpi_rollup(SelectedTask.objects.filter(pk=task.pk)).get(task.pk, [])
        rows = selectors.rows_by_line(task.support_rows.all())
        lines = [{"line": line, "rows": rows.get(line.pk, []),
                  "can_edit": bool(permissions.can_edit_support_line(user, line, task))}
                 for line in selectors.lines_for_contest(task.contest).values()]
        evaluations = list(task.continuation_evaluations.all())
        for line in task.agreement_lines.all():  # the prefetched rows the page lists
            line.hold = services.hold_for_year(task, line.year, evaluations)
        return super().get_context_data(
            can_evaluate_continuation=bool(permissions.can_evaluate_continuation(user)),
            task=task, kpis=rollup, support_lines=lines, timeline=timeline(task),
            can_manage=bool(permissions.can_manage_task(user)), can_run=bool(permissions.can_run_task(user, task)),
            can_confirm_plan=bool(permissions.can_confirm_plan(user, task)),
            can_read_proposal=proposals_visible_to(user).filter(pk=task.proposal_id).exists(),
            today=timezone.localdate(), **kwargs)


class CouncilActionView(TaskActionView):
    def permission(self, user, task):
        return permissions.can_manage_task(user)


class StatusView(CouncilActionView):
    form_class = forms.StatusForm
    title = gettext_lazy("Change the task's status")

    def form_kwargs(self):
        return {"current": self.get_task().status}

    def act(self, data):
        services.change_status(actor=self.request.user, task=self.get_task(), status=data["status"],
                               reason=data["reason"])
        return _("The status was changed."), self.task_url()


class AgreementView(CouncilActionView):
    form_class = forms.AgreementLineForm
    title = gettext_lazy("Agree or amend a funding line")
    intro = gettext_lazy("One year and source at a time. An amended line keeps what was agreed before in the "
                         "task's history.")

    def act(self, data):
        services.set_agreement_line(actor=self.request.user, task=self.get_task(), year=data["year"],
                                    source=data["source"], amount_krw=data["amount_krw"], reason=data["reason"])
        return _("The funding agreement was saved."), self.task_url("money")


class DisbursementView(CouncilActionView):
    form_class = forms.DisbursementForm
    title = gettext_lazy("Record a disbursement")

    def form_kwargs(self):
        return {"task": self.get_task()}

    def act(self, data):
        services.record_disbursement(actor=self.request.user, line=data["line"], amount_krw=data["amount_krw"],
                                     paid_on=data["paid_on"], reference=data["reference"])
        return _("The disbursement was recorded."), self.task_url("money")


class GradeView(CouncilActionView):
    form_class = forms.GradeForm
    title = gettext_lazy("Grade the year's performance")

    def act(self, data):
        services.grade_task(actor=self.request.user, task=self.get_task(), year=data["year"], grade=data["grade"],
                            reasons=data["reasons"])
        return _("The grade was saved."), self.task_url()


class PlanInclusionView(TaskActionView):
    form_class = forms.PlanInclusionForm
    title = gettext_lazy("Confirm inclusion in the provincial plan")

    def permission(self, user, task):
        return permissions.can_confirm_plan(user, task)

    def act(self, data):
        services.confirm_plan_inclusion(actor=self.request.user, task=self.get_task(), year=data["year"],
                                        plan_title=data["plan_title"])
        return _("Inclusion in the plan was confirmed."), self.task_url()


class MilestoneView(TaskActionView):
    """Add a milestone, or change one (``milestone`` in the address)."""

    form_class = forms.MilestoneForm
    title = gettext_lazy("Milestone")

    def permission(self, user, task):
        return permissions.can_run_task(user, task)

    def milestone(self) -> Milestone | None:
        if "milestone" not in self.kwargs:
            return None
        return get_object_or_404(Milestone, pk=self.kwargs["milestone"], task=self.get_task())

    def form_kwargs(self):
        return {"instance": self.milestone() or Milestone(task=self.get_task())}

    def act(self, data):
        services.save_milestone(actor=self.request.user, task=self.get_task(), milestone=self.milestone(),
                                values=data)
        return _("The milestone was saved."), self.task_url("milestones")
