"""The council's pages for running a review: a contest's panels, one panel's work, the pool, single sheets."""
from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.generic import TemplateView

from applications.models import Contest
from applications.selectors import stage_of
from core.permissions import DecisionRequiredMixin
from reviews import forms, permissions, selectors, services
from reviews.models import Panel, ScoreSheet


class CouncilMixin(DecisionRequiredMixin):
    def decide(self, user):
        return permissions.can_manage_review(user)


class ContestReviewView(CouncilMixin, TemplateView):
    """A contest's review at a glance: each panel's progress, the rubrics, where to go next."""

    template_name = "reviews/contest_review.html"

    def get_context_data(self, **kwargs):
        contest = get_object_or_404(Contest, pk=self.kwargs["pk"])
        rubrics = contest.rubrics.prefetch_related("criteria").order_by("stage")
        return super().get_context_data(contest=contest, panels=selectors.panels_of_contest(contest),
                                        rubrics=rubrics, **kwargs)


class PanelCreateView(CouncilMixin, TemplateView):
    template_name = "reviews/panel_form.html"

    def get_contest(self) -> Contest:
        return get_object_or_404(Contest, pk=self.kwargs["pk"])

    def get_context_data(self, **kwargs):
        contest = self.get_contest()
        kwargs.setdefault("form", forms.PanelForm(contest=contest))
        return super().get_context_data(contest=contest, **kwargs)

    def post(self, request, *args, **kwargs):
        contest = self.get_contest()
        form = forms.PanelForm(request.POST, contest=contest)
        if form.is_valid():
            data = form.cleaned_data
            try:
                panel = services.create_panel(actor=request.user, contest=contest, stage=data["stage"],
                                              name=data["name"], members=list(data["members"]), chair=data["chair"],
                                              reviewers_per_proposal=data["reviewers_per_proposal"])
            except services.AssignmentRefused as refused:
                form.add_error(None, str(refused))
            else:
                messages.success(request, _("The panel was created."))
                return redirect("reviews:panel-detail", pk=panel.pk)
        return self.render_to_response(self.get_context_data(form=form))


class PanelDetailView(CouncilMixin, TemplateView):
    """One panel: its proposals and who reviews each, progress, recusals to replace, and the forms that do
    the work. Each form posts to its own address and comes back here with its errors and what was typed."""

    template_name = "reviews/panel_detail.html"

    def get_panel(self) -> Panel:
        try:
            return selectors.panel_with_progress(self.kwargs["pk"])
        except Panel.DoesNotExist as error:
            raise Http404 from error

    def get_context_data(self, **kwargs):
        panel = kwargs.pop("panel", None) or self.get_panel()
        awaiting = services.proposals_awaiting_panel(panel)
        add_form = kwargs.setdefault("add_form", forms.AddProposalsForm(awaiting=awaiting))
        kwargs.setdefault("assign_form", forms.ManualAssignForm(panel=panel))
        kwargs.setdefault("deadline_form", forms.DeadlineForm(initial={
            "accepts_late_sheets": panel.accepts_late_sheets}))
        stage = stage_of(panel.contest, panel.stage)
        kwargs["has_slots"] = stage is not None and stage.has_slots
        if kwargs["has_slots"]:
            kwargs.setdefault("slot_form", forms.PresentationSlotForm(panel=panel))
        rows = selectors.panel_rows(panel)
        return super().get_context_data(
            panel=panel, contest=panel.contest, rows=rows, members=panel.members.select_related("user"),
            proposals_to_add=add_form.is_bound or awaiting.exists(),
            shortfalls=[row for row in rows if row.active < panel.reviewers_per_proposal],
            schedule_days=sorted({row.slot.starts_at.date() for row in rows if row.slot}), **kwargs)


class PanelActionView(PanelDetailView):
    """Base of the panel's POST forms: validate, call the service, report; refused input is shown again."""

    form_name = ""

    def build_form(self, panel, data):
        raise NotImplementedError

    def act(self, panel, form) -> str:
        raise NotImplementedError

    def post(self, request, *args, **kwargs):
        panel = self.get_panel()
        form = self.build_form(panel, request.POST)
        if form.is_valid():
            try:
                message = self.act(panel, form)
            except (services.AssignmentRefused, services.ScoringRefused) as refused:
                form.add_error(None, str(refused))
            else:
                messages.success(request, message)
                return redirect("reviews:panel-detail", pk=panel.pk)
        return self.render_to_response(self.get_context_data(panel=panel, **{self.form_name: form}))


class AddProposalsView(PanelActionView):
    form_name = "add_form"

    def build_form(self, panel, data):
        return forms.AddProposalsForm(data, awaiting=services.proposals_awaiting_panel(panel))

    def act(self, panel, form):
        proposals = list(form.cleaned_data["proposals"])
        services.add_proposals_to_panel(actor=self.request.user, panel=panel, proposals=proposals)
        return ngettext("%(count)d proposal was given to the panel.", "%(count)d proposals were given to the panel.",
                        len(proposals)) % {"count": len(proposals)}


class ManualAssignView(PanelActionView):
    form_name = "assign_form"

    def build_form(self, panel, data):
        return forms.ManualAssignForm(data, panel=panel)

    def act(self, panel, form):
        assignment = services.assign_reviewer(actor=self.request.user, panel=panel, **form.cleaned_data)
        return _("%(reviewer)s reviews %(proposal)s.") % {"reviewer": assignment.reviewer,
                                                          "proposal": assignment.proposal.title}


class AutomaticAssignView(PanelActionView):
    """No input; the report of shortfalls is shown on the panel page (proposals short of reviewers)."""

    def post(self, request, *args, **kwargs):
        panel = self.get_panel()
        report = services.assign_automatically(actor=request.user, panel=panel)
        created = len(report.created)
        messages.success(request, ngettext("%(count)d assignment was made.", "%(count)d assignments were made.",
                                           created) % {"count": created})
        if report.shortfalls:
            messages.warning(request, ngettext(
                "%(count)d proposal could not get all its reviewers without a conflict: add members to the panel.",
                "%(count)d proposals could not get all their reviewers without a conflict: add members to the "
                "panel.", len(report.shortfalls)) % {"count": len(report.shortfalls)})
        return redirect("reviews:panel-detail", pk=panel.pk)


class DeadlineView(PanelActionView):
    form_name = "deadline_form"

    def build_form(self, panel, data):
        return forms.DeadlineForm(data)

    def act(self, panel, form):
        changed = services.set_panel_deadline(actor=self.request.user, panel=panel,
                                              due_at=form.cleaned_data["due_at"],
                                              accepts_late_sheets=form.cleaned_data["accepts_late_sheets"])
        return ngettext("The deadline applies to %(count)d assignment.",
                        "The deadline applies to %(count)d assignments.", changed) % {"count": changed}


class PresentationSlotView(PanelActionView):
    form_name = "slot_form"

    def build_form(self, panel, data):
        return forms.PresentationSlotForm(data, panel=panel)

    def act(self, panel, form):
        slot = services.schedule_presentation(actor=self.request.user, panel=panel, **form.cleaned_data)
        return _("%(title)s is scheduled at %(time)s.") % {"title": slot.proposal.title,
                                                      "time": f"{slot.starts_at:%Y-%m-%d %H:%M}"}


class SheetDetailView(CouncilMixin, TemplateView):
    """One reviewer's sheet, for the council only: scores, comments, history, and reopening."""

    template_name = "reviews/sheet_detail.html"

    def get_sheet(self) -> ScoreSheet:
        try:
            return selectors.sheets_visible_to(self.request.user).get(pk=self.kwargs["pk"])
        except ScoreSheet.DoesNotExist as error:
            raise Http404 from error

    def get_context_data(self, **kwargs):
        sheet = kwargs.pop("sheet", None) or self.get_sheet()
        if permissions.can_be_reopened(sheet):
            kwargs.setdefault("reopen_form", forms.ReopenForm())
        scores = {score.criterion_id: score for score in sheet.scores.all()}
        criteria = selectors.criteria_of(sheet.assignment.panel)
        names = {criterion.code: criterion.name for criterion in criteria}
        history = selectors.sheet_history(sheet)
        for event in history:  # the criteria's names, not their codes
            event.labelled_scores = [(names.get(code, code), points) for code, points in (event.scores or {}).items()]
        return super().get_context_data(
            sheet=sheet, panel=sheet.assignment.panel, history=history,
            rows=[(criterion, scores.get(criterion.pk)) for criterion in criteria],
            total=sum(score.points for score in scores.values()), **kwargs)

    def post(self, request, *args, **kwargs):
        sheet = self.get_sheet()
        form = forms.ReopenForm(request.POST)
        if form.is_valid():
            try:
                services.reopen_sheet(actor=request.user, sheet=sheet, reason=form.cleaned_data["reason"])
            except services.ScoringRefused as refused:
                form.add_error(None, str(refused))
            else:
                messages.success(request, _("The sheet was reopened; its reviewer can change it again."))
                return redirect("reviews:sheet-detail", pk=sheet.pk)
        return self.render_to_response(self.get_context_data(sheet=sheet, reopen_form=form))


class PoolView(CouncilMixin, TemplateView):
    """The pool with each reviewer's load; the council adds reviewer accounts to it with their home region
    and affiliation, which decide conflicts from then on."""

    template_name = "reviews/pool.html"

    def get_context_data(self, **kwargs):
        form = kwargs.setdefault("form", forms.ReviewerProfileForm())
        return super().get_context_data(reviewers=selectors.pool_with_load(),
                                        accounts_to_add=form.is_bound or form.fields["user"].queryset.exists(),
                                        **kwargs)

    def post(self, request, *args, **kwargs):
        form = forms.ReviewerProfileForm(request.POST)
        if form.is_valid():
            reviewer = services.add_reviewer_to_pool(actor=request.user, reviewer=form.save(commit=False))
            messages.success(request, _("%(reviewer)s is in the pool.") % {"reviewer": reviewer})
            return redirect("reviews:pool")
        return self.render_to_response(self.get_context_data(form=form))
