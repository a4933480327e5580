"""The council's page of a contest's evaluation stages: the list in order with weights and cut-offs, a stage
added or changed until the contest's first sheet is submitted (then the page says why not). Same services
as the API (``reviews.services.stages``)."""
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.generic import TemplateView

from applications.models import Contest, ContestStage
from applications.selectors import contest_stages
from core.form_flow import ServiceFormMixin
from reviews import permissions, services
from reviews.forms.stages import StageChangeForm, StageForm

from .council import CouncilMixin


class ContestStagesView(ServiceFormMixin, CouncilMixin, TemplateView):
    template_name = "reviews/contest_stages.html"
    refusals = (services.StageRefused,)

    def get_contest(self) -> Contest:
        return get_object_or_404(Contest, pk=self.kwargs["pk"])

    def get_context_data(self, **kwargs):
        contest = self.get_contest()
        stages = contest_stages(contest)
        kwargs.setdefault("form", StageForm(initial={"position": len(stages) + 1}, stages=stages))
        return super().get_context_data(contest=contest, stages=stages,
                                        can_change=permissions.can_change_stages(contest),
                                        weights_total=sum(stage.weight_pct for stage in stages),
                                        weights_sum=services.weights_sum(stages), **kwargs)

    def post(self, request, *args, **kwargs):
        contest = self.get_contest()
        form = StageForm(request.POST, stages=contest_stages(contest))

        def act(data):
            values, position = form.stage_values()
            services.add_stage(actor=request.user, contest=contest, values=values, position=position,
                               weights=form.weights())
            return _("The stage was added."), reverse("reviews:contest-stages", args=[contest.pk])

        return self.submit(form, act)


class StageChangeView(ServiceFormMixin, CouncilMixin, TemplateView):
    template_name = "reviews/stage_form.html"
    refusals = (services.StageRefused,)

    def get_stage(self) -> ContestStage:
        return get_object_or_404(ContestStage.objects.select_related("contest", "kind"), pk=self.kwargs["pk"])

    def get_context_data(self, **kwargs):
        stage = kwargs.pop("stage", None) or self.get_stage()
        fields = ("code", "kind", "name_ko", "name_en", "starts_on", "ends_on", "has_slots", "weight_pct", "cutoff",
                  "position")
        kwargs.setdefault("form", StageChangeForm(initial={name: getattr(stage, name) for name in fields}))
        return super().get_context_data(stage=stage, contest=stage.contest,
                                        can_change=permissions.can_change_stages(stage.contest), **kwargs)

    def post(self, request, *args, **kwargs):
        stage = self.get_stage()
        form = StageChangeForm(request.POST)

        def act(data):
            values, position = form.stage_values()
            services.change_stage(actor=request.user, stage=stage, values=values, position=position,
                                  reason=data["reason"])
            return _("The stage was changed."), reverse("reviews:contest-stages", args=[stage.contest_id])

        return self.submit(form, act, stage=stage)
