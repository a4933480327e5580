"""The council's selection pages: a contest's policy and runs, a run's decisions with adjustments, approval,
publication and confirmation, and the run's XLSX export."""
from functools import partial

from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import TemplateView

from applications.models import Contest
from applications.selectors import contest_stages
from applications.selectors.layout import in_round_layout
from core.downloads import xlsx_response
from core.form_flow import ServiceFormMixin
from core.permissions import DecisionRequiredMixin
from selection import forms, permissions, selectors, services
from selection.models import APPROVED_STATUSES, SelectionDecision, SelectionRun


class CouncilMixin(ServiceFormMixin, DecisionRequiredMixin):
    refusals = (services.SelectionRefused,)

    def decide(self, user):
        return permissions.can_manage_selection(user)


class ContestSelectionView(CouncilMixin, TemplateView):
    template_name = "selection/contest.html"

    def get_context_data(self, **kwargs):
        contest = get_object_or_404(Contest, pk=self.kwargs["pk"])
        policy, stages = services.policy_for(contest), contest_stages(contest)
        kwargs.setdefault("policy_form", forms.PolicyForm(stages=stages, policy=policy))
        kwargs.setdefault("start_form", forms.StartRunForm())
        runs = list(selectors.runs_of(contest))
        return super().get_context_data(contest=contest, policy=policy, runs=runs, stages=stages,
                                        tie_break=selectors.policy_tie_break(policy, stages),
                                        approved=any(run.status in APPROVED_STATUSES for run in runs), **kwargs)


class PolicyView(ContestSelectionView):
    def post(self, request, *args, **kwargs):
        contest = get_object_or_404(Contest, pk=kwargs["pk"])
        form = forms.PolicyForm(request.POST, stages=contest_stages(contest), policy=services.policy_for(contest))

        def act(data):
            services.save_policy(actor=request.user, contest=contest, values=data)
            return _("The selection policy was saved."), reverse("selection:contest", args=[contest.pk])

        return self.submit(form, act, form_name="policy_form")


class StartRunView(ContestSelectionView):
    def post(self, request, *args, **kwargs):
        contest = get_object_or_404(Contest, pk=kwargs["pk"])

        def act(data):
            run = services.start_run(actor=request.user, contest=contest, reason=data["reason"])
            return (_("Selection run #%(number)s was queued.") % {"number": run.number},
                    reverse("selection:run", args=[run.pk]))

        return self.submit(forms.StartRunForm(request.POST), act, form_name="start_form")


class RunMixin(CouncilMixin):
    def get_run(self) -> SelectionRun:
        try:
            return SelectionRun.objects.select_related("contest", "requested_by", "approved_by",
                                                       "published_by").get(pk=self.kwargs["pk"])
        except SelectionRun.DoesNotExist as error:
            raise Http404 from error


class RunDetailView(RunMixin, TemplateView):
    template_name = "selection/run_detail.html"

    def get_context_data(self, **kwargs):
        run = self.get_run()
        kwargs.setdefault("approve_form", forms.ApproveForm())
        stalled = services.is_stalled(run)
        if stalled:
            kwargs.setdefault("fail_form", forms.FailStalledRunForm())
        same_as = (run.contest.selection_runs.filter(inputs_digest=run.inputs_digest, number__lt=run.number)
                   .order_by("-number").first() if run.inputs_digest else None)
        return super().get_context_data(
            run=run, contest=run.contest, summary=selectors.summary_of(run), rules=selectors.run_rules(run),
            # read only when the table is rendered, not when it comes from the cache (see frozen_key)
            decisions=partial(selectors.decisions_of, run), frozen_key=run.frozen_key,
            adjustments=list(selectors.adjustments_of(run)),
            objections=list(selectors.objections_of(run)), same_inputs_as=same_as, stalled=stalled,
            can_adjust=permissions.can_be_adjusted(run), can_approve=permissions.can_be_approved(run),
            can_publish=permissions.can_be_published(run), can_confirm=permissions.can_confirm_now(run), **kwargs)


class RunActionView(RunDetailView):
    """Approve, publish or confirm; a refusal comes back on the run's page with the reason."""

    def act(self, run: SelectionRun) -> str:
        raise NotImplementedError

    def post(self, request, *args, **kwargs):
        run = self.get_run()
        try:
            message = self.act(run)
        except services.SelectionRefused as refused:
            messages.error(request, str(refused))
        else:
            messages.success(request, message)
        return redirect("selection:run", pk=run.pk)


class ApproveRunView(RunActionView):
    def post(self, request, *args, **kwargs):
        run = self.get_run()

        def act(data):
            services.approve_run(actor=request.user, run=run, note=data["note"])
            return (_("The selection was approved. Publish it to tell the applicants."),
                    reverse("selection:run", args=[run.pk]))

        return self.submit(forms.ApproveForm(request.POST), act, form_name="approve_form")


class FailStalledRunView(RunActionView):
    def post(self, request, *args, **kwargs):
        run = self.get_run()

        def act(data):
            services.fail_stalled_run(actor=request.user, run=run, reason=data["reason"])
            return (_("The run was marked failed. A new run can be started."),
                    reverse("selection:run", args=[run.pk]))

        return self.submit(forms.FailStalledRunForm(request.POST), act, form_name="fail_form")


class PublishRunView(RunActionView):
    def act(self, run):
        services.publish_run(actor=self.request.user, run=run)
        return _("The result was published; every applicant is being notified.")


class ConfirmRunView(RunActionView):
    def act(self, run):
        services.confirm_run(actor=self.request.user, run=run)
        return _("The result is confirmed; the selected proposals become selected tasks.")


class RunExportView(RunMixin, View):
    def get(self, request, *args, **kwargs):
        run = self.get_run()
        stages = selectors.run_rules(run)[0]
        headers = [_("Rank"), _("Receipt number"), _("Lead local government"), _("Title"),
                   *(stage.name for stage in stages), _("Combined score"), _("Computed outcome"), _("Outcome"),
                   _("National funding requested (KRW)"), _("National funding (KRW)"), _("Tied across the line")]
        rows = [[decision.rank, decision.proposal.receipt_number, str(decision.proposal.lead_local_government),
                 decision.proposal.title, *(decision.stage_score(stage.code) for stage in stages),
                 decision.combined_score, str(decision.get_computed_outcome_display()),
                 str(decision.get_outcome_display()), decision.requested_national_krw, decision.national_krw,
                 _("yes") if decision.tie_at_boundary else ""]
                for decision in selectors.decisions_of(run)]
        return xlsx_response(title=f"#{run.number}", headers=headers, rows=rows,
                             name=f"selection-{run.contest.round_year}-run-{run.number}")


class DecisionAdjustView(CouncilMixin, TemplateView):
    template_name = "selection/decision_adjust.html"

    def get_decision(self) -> SelectionDecision:
        try:
            return (SelectionDecision.objects.select_related("run__contest", "proposal__lead_local_government")
                    .get(pk=self.kwargs["pk"]))
        except SelectionDecision.DoesNotExist as error:
            raise Http404 from error

    def get_context_data(self, **kwargs):
        decision = kwargs.pop("decision", None) or self.get_decision()
        in_round_layout([decision], local_government="proposal__lead_local_government", contest="run__contest")
        kwargs.setdefault("form", forms.AdjustDecisionForm(initial={"outcome": decision.outcome,
                                                                    "national_krw": decision.national_krw}))
        return super().get_context_data(decision=decision, run=decision.run,
                                        adjustments=decision.adjustments.select_related("actor"), **kwargs)

    def post(self, request, *args, **kwargs):
        decision = self.get_decision()

        def act(data):
            services.adjust_decision(actor=request.user, decision=decision, outcome=data["outcome"],
                                     national_krw=data["national_krw"], reason=data["reason"])
            return _("The decision was changed."), reverse("selection:run", args=[decision.run_id])

        return self.submit(forms.AdjustDecisionForm(request.POST), act, decision=decision)
