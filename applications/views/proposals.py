import json

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.generic import FormView, ListView, TemplateView

from applications import permissions, selectors, services
from applications.checklist import completeness_checklist
from applications.extensions import attach_published_outcome, outcome_page_context
from applications.forms import CorrectionRequestForm, ProposalForm, ProvincialMatchForm, WithdrawForm
from applications.models import BudgetSource, Contest, Proposal
from applications.selectors.layout import in_round_layout
from applications.window import accepts_new_drafts
from core.autosave import is_autosave, next_address, not_saved_answer, saved_answer
from core.formats import moment
from core.permissions import DecisionRequiredMixin


class ProposalAccessMixin(DecisionRequiredMixin):
    """Finds the proposal among those the user may see: anything else is a 404, so nothing leaks."""

    def decide(self, user):
        return permissions.can_view_contests(user)

    def get_proposal(self) -> Proposal:
        try:
            proposal = selectors.proposal_for_user(user=self.request.user, pk=self.kwargs["pk"])
        except Proposal.DoesNotExist as error:
            raise Http404 from error
        return in_round_layout([proposal], local_government="lead_local_government", partners="partners")[0]

    def refuse(self, decision):
        raise PermissionDenied(decision.reason)


class ProposalListView(ProposalAccessMixin, ListView):
    template_name = "applications/proposal_list.html"
    context_object_name = "proposals"
    paginate_by = 50

    def get_queryset(self):
        return selectors.proposals_visible_to(self.request.user).order_by("-updated_at", "-pk")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["proposals"] = in_round_layout(attach_published_outcome(list(context["proposals"])),
                                               local_government="lead_local_government", codes=False)
        context["can_start"] = permissions.can_start_proposal(self.request.user)
        context["open_contests"] = (selectors.contests_for_overview().filter(
            application_closes_at__gte=timezone.now())[:5] if context["can_start"] else [])
        context["council_contests"] = (selectors.contests_for_overview()[:5]
                                       if permissions.can_list_all_proposals(self.request.user) else [])
        return context


class ProposalCreateView(ProposalAccessMixin, FormView):
    template_name = "applications/proposal_form.html"
    form_class = ProposalForm

    def decide(self, user):
        return permissions.can_start_proposal(user)

    def get_contest(self) -> Contest:
        try:
            return Contest.objects.get(pk=self.request.GET.get("contest") or self.request.POST.get("contest"))
        except (Contest.DoesNotExist, ValueError) as error:
            raise Http404 from error

    def get(self, request, *args, **kwargs):
        decision = accepts_new_drafts(self.get_contest())
        if not decision:
            messages.error(request, decision.reason)
            return redirect("applications:proposal-list")
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        return super().get_context_data(contest=self.get_contest(), **kwargs)

    def form_valid(self, form):
        try:
            proposal = services.create_proposal(
                actor=self.request.user, contest=self.get_contest(),
                lead_local_government=self.request.user.local_government, values=form.section_values(),
                partners=form.cleaned_data["partner_codes"], now=timezone.now())
        except services.SubmissionRefused as refused:
            form.add_error(None, str(refused))
            return self.form_invalid(form)
        messages.success(self.request, _("The draft was saved."))
        return redirect("applications:proposal-detail", pk=proposal.pk)


class ProposalDetailView(ProposalAccessMixin, TemplateView):
    template_name = "applications/proposal_detail.html"

    def get_context_data(self, **kwargs):
        proposal = self.get_proposal()
        user = self.request.user
        can_confirm_match = permissions.can_confirm_provincial_match(user, proposal)
        reading = selectors.proposal_reading(proposal)
        if can_confirm_match:
            kwargs.setdefault("match_form", ProvincialMatchForm(
                initial={"amount_krw": reading["budget"].totals[BudgetSource.PROVINCIAL]}))
        return super().get_context_data(
            proposal=proposal, checklist=completeness_checklist(proposal), **reading,
            **outcome_page_context(user, proposal),
            presentation_slots=proposal.presentation_slots.select_related("panel").order_by("starts_at"),
            versions=selectors.versions_of(proposal),
            provincial_confirmation=selectors.latest_provincial_confirmation(proposal),
            can_edit=permissions.can_edit_proposal(user, proposal),
            editing=permissions.is_open_for_editing(proposal, timezone.now()),
            can_submit=permissions.can_submit_now(user, proposal),
            can_withdraw=permissions.can_withdraw_proposal(user, proposal),
            can_request_correction=permissions.can_request_correction(user, proposal),
            can_confirm_match=can_confirm_match,
            **{"withdraw_form": WithdrawForm(), "correction_form": CorrectionRequestForm(), **kwargs})


class EditableProposalMixin(ProposalAccessMixin):
    """A page that changes the draft: the proposal must be visible (else 404) and editable by the user. To its
    own officials, a draft (or correction) whose deadline passed shows read-only, saying why, whatever the page
    or the method; an autosave is answered "not saved", saying why."""

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated:
            self.proposal = self.get_proposal()
            decision = permissions.can_edit_proposal(request.user, self.proposal)
            if not decision:
                if not (self.proposal.is_editable and permissions.is_proposal_official(request.user, self.proposal)):
                    self.refuse(decision)
                if is_autosave(request):
                    return not_saved_answer(str(decision.reason))
                messages.error(request, decision.reason)
                return redirect("applications:proposal-detail", pk=self.proposal.pk)
        return super().dispatch(request, *args, **kwargs)


class ProposalUpdateView(EditableProposalMixin, FormView):
    template_name = "applications/proposal_form.html"
    form_class = ProposalForm

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "instance": self.proposal}

    def get_context_data(self, **kwargs):
        return super().get_context_data(contest=self.proposal.contest, proposal=self.proposal, **kwargs)

    def form_valid(self, form):
        try:
            saved = services.save_section(actor=self.request.user, proposal=self.proposal,
                                          values=form.section_values(),
                                          expected_version=form.cleaned_data["draft_version"],
                                          base=form.cleaned_data["draft_base"],
                                          partners=form.cleaned_data["partner_codes"], now=timezone.now())
        except services.DraftConflict as conflict:
            if is_autosave(self.request):
                return not_saved_answer(str(conflict))
            return self.render_conflict(form, conflict)
        if is_autosave(self.request):  # the page goes on from the version it just saved
            return saved_answer(fields={"draft_version": saved.draft_version,
                                        "draft_base": json.dumps(services.fingerprints_of(saved))})
        messages.success(self.request, _("The draft was saved."))
        page = reverse("applications:proposal-detail", args=[self.proposal.pk])
        return redirect(next_address(self.request, within=page) or page)

    def form_invalid(self, form):
        return not_saved_answer() if is_autosave(self.request) else super().form_invalid(form)

    def render_conflict(self, form, conflict):
        """The form again with the merge (the official's own text in the conflicting sections) on top of the
        current version, and beside each conflicting section the text saved meanwhile."""
        data = form.data.copy()
        data.update({**conflict.merged, "draft_version": conflict.version,
                     "draft_base": json.dumps(conflict.fingerprints)})
        merged = ProposalForm(data, instance=self.proposal)
        merged.is_valid()
        merged.add_error(None, str(conflict))
        conflicts = [{"label": form[name].label, "saved": conflict.saved[name], "field": name}
                     for name in conflict.fields]
        return self.render_to_response(self.get_context_data(form=merged, conflicts=conflicts))


class ProposalActionView(ProposalDetailView):
    """Base of the POST-only transitions: find, check, validate the form (a refused one shows the proposal
    again with what was typed), call the service, say what happened."""

    form_class = None
    form_name = ""

    def post(self, request, pk):
        proposal = self.get_proposal()
        decision = self.check(request.user, proposal)
        if not decision:
            self.refuse(decision)
        form = self.form_class(request.POST) if self.form_class else None
        if form is not None and not form.is_valid():
            return self.render_to_response(self.get_context_data(**{self.form_name: form}))
        try:
            message = self.act(request, proposal, form)
        except services.SubmissionRefused as refused:
            messages.error(request, str(refused))
        else:
            if message:
                messages.success(request, message)
        return redirect("applications:proposal-detail", pk=proposal.pk)


class ProposalSubmitView(ProposalActionView):
    def check(self, user, proposal):
        return permissions.can_submit_proposal(user, proposal)

    def act(self, request, proposal, form):
        version = services.submit_proposal(actor=request.user, proposal=proposal)
        proposal.refresh_from_db()
        return _("Submitted. Receipt number %(receipt)s, version %(version)s, at %(time)s.") % {
            "receipt": proposal.receipt_number, "version": version.number,
            "time": moment(version.submitted_at)}


class ProposalWithdrawView(ProposalActionView):
    form_class, form_name = WithdrawForm, "withdraw_form"

    def check(self, user, proposal):
        return permissions.can_withdraw_proposal(user, proposal)

    def act(self, request, proposal, form):
        services.withdraw_proposal(actor=request.user, proposal=proposal, reason=form.cleaned_data["reason"])
        return _("The proposal was withdrawn.")


class ProposalCorrectionView(ProposalActionView):
    form_class, form_name = CorrectionRequestForm, "correction_form"

    def check(self, user, proposal):
        return permissions.can_request_correction(user)

    def act(self, request, proposal, form):
        services.request_correction(actor=request.user, proposal=proposal, reason=form.cleaned_data["reason"],
                                    due_at=form.cleaned_data["due_at"])
        return _("The correction was requested.")


class ProposalVersionsView(ProposalAccessMixin, TemplateView):
    template_name = "applications/proposal_versions.html"

    def get_context_data(self, **kwargs):
        proposal = self.get_proposal()
        versions = list(selectors.versions_of(proposal))
        by_number = {version.number: version for version in versions}
        context = super().get_context_data(proposal=proposal, versions=versions, **kwargs)
        if len(versions) >= 2:
            try:
                older = by_number[int(self.request.GET.get("a", versions[-2].number))]
                newer = by_number[int(self.request.GET.get("b", versions[-1].number))]
            except (KeyError, ValueError) as error:
                raise Http404 from error
            context.update(older=older, newer=newer, rows=selectors.compare_versions(older, newer))
        return context

