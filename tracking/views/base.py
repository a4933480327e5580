"""What every tracking page shares: finding the task the user may see (404 otherwise, so nothing leaks) and
the one shape of an action page: a form, a permission, a service call."""
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.views.generic import TemplateView

from applications.selectors.layout import in_round_layout
from core.form_flow import ServiceFormMixin
from core.permissions import Decision, DecisionRequiredMixin
from tracking.models import SelectedTask
from tracking.permissions import can_view_task
from tracking.services import TrackingRefused


def visible_task(user, pk: int) -> SelectedTask:
    """The task if ``user`` may see it (404 otherwise), its local government named in its round's layout
    (issue 20): every tracking page that finds its task here prints a 2025 round's 전라남도 곡성군."""
    task = get_object_or_404(SelectedTask.objects.select_related("contest", "local_government__province"), pk=pk)
    if not can_view_task(user, task):
        raise Http404
    return in_round_layout([task])[0]


class TaskMixin(DecisionRequiredMixin):
    task_kwarg = "pk"

    def get_task(self) -> SelectedTask:
        if not hasattr(self, "_task"):
            self._task = visible_task(self.request.user, self.kwargs[self.task_kwarg])
        return self._task

    def task_url(self, anchor: str = "") -> str:
        return reverse("tracking:task", args=[self.get_task().pk]) + (f"#{anchor}" if anchor else "")


class TaskActionView(ServiceFormMixin, TaskMixin, TemplateView):
    """GET shows the form, POST calls :meth:`act`; refusals appear beside the form with what was typed."""

    template_name = "tracking/action_form.html"
    refusals = (TrackingRefused,)
    form_class = None
    title = ""
    intro = ""

    def permission(self, user, task: SelectedTask) -> Decision:
        raise NotImplementedError

    def decide(self, user) -> Decision:
        return self.permission(user, self.get_task())

    def form_kwargs(self) -> dict:
        return {}

    def get_form(self, data=None, files=None):
        return self.form_class(data, files, **self.form_kwargs())

    def get_context_data(self, **kwargs):
        kwargs.setdefault("form", self.get_form())
        return super().get_context_data(task=self.get_task(), title=self.title, intro=self.intro,
                                        back_url=self.task_url(), **kwargs)

    def post(self, request, *args, **kwargs):
        return self.submit(self.get_form(request.POST, request.FILES), self.act)

    def act(self, data: dict) -> tuple[str, str]:
        raise NotImplementedError
