"""Pages that edit a proposal's structured sections and files, and serve its files."""
from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import TemplateView

from applications import forms, permissions, selectors, services
from applications.budget import check_saved_budget, funding_years, minimum_match
from applications.models import Proposal, ProposalAttachment
from core.autosave import is_autosave, next_address, not_saved_answer, saved_answer
from core.downloads import document_response
from core.uploads import max_upload_bytes

from .proposals import EditableProposalMixin, ProposalAccessMixin, ProposalDetailView


class SectionView(EditableProposalMixin, TemplateView):
    """GET shows the section's form filled from what is saved; POST validates, saves through the service
    and returns to the proposal, or shows the form again with what was typed and the reasons."""

    section = ""
    saved_message = ""

    def build_form(self, data=None, files=None):
        raise NotImplementedError

    def save(self, form) -> None:
        raise NotImplementedError

    def get_context_data(self, **kwargs):
        kwargs.setdefault("form", self.build_form())
        return super().get_context_data(proposal=self.proposal, contest=self.proposal.contest, section=self.section,
                                        **kwargs)

    def post(self, request, *args, **kwargs):
        """Saves; a section tab clicked with unsaved changes (``next``) goes on to that tab, an autosave
        answers JSON (``core.autosave``)."""
        form = self.build_form(request.POST, request.FILES)
        if form.is_valid():
            try:
                self.save(form)
            except services.SubmissionRefused as refused:
                if is_autosave(request):
                    return not_saved_answer(str(refused))
                messages.error(request, str(refused))
            else:
                if is_autosave(request):
                    return saved_answer()
                messages.success(request, self.saved_message or _("Saved."))
                page = reverse("applications:proposal-detail", args=[self.proposal.pk])
                return redirect(next_address(request, within=page) or page)
        if is_autosave(request):
            return not_saved_answer()
        return self.render_to_response(self.get_context_data(form=form))


class CompaniesView(SectionView):
    template_name = "applications/sections/companies.html"
    section = "companies"

    def build_form(self, data=None, files=None):
        return forms.CompanyFormSet(data, initial=forms.company_initial(self.proposal), prefix="companies")

    def save(self, form):
        services.save_companies(actor=self.request.user, proposal=self.proposal, companies=form.companies(),
            now=timezone.now())


class BudgetView(SectionView):
    template_name = "applications/sections/budget.html"
    section = "budget"

    def build_form(self, data=None, files=None):
        return forms.BudgetForm(data, contest=self.proposal.contest, proposal=self.proposal)

    def save(self, form):
        services.save_budget(actor=self.request.user, proposal=self.proposal, cells=form.cells(), now=timezone.now())

    def get_context_data(self, **kwargs):
        contest = self.proposal.contest
        return super().get_context_data(
            years=funding_years(contest), check=check_saved_budget(self.proposal),
            provincial_minimum_percent=contest.provincial_match_min_bp / 100,
            local_minimum_percent=contest.local_match_min_bp / 100,
            example_minimums=(minimum_match(contest.national_cap_per_task_krw, contest.provincial_match_min_bp),
                              minimum_match(contest.national_cap_per_task_krw, contest.local_match_min_bp)),
            **kwargs)


class KpiTargetsView(SectionView):
    template_name = "applications/sections/kpi.html"
    section = "kpi_targets"

    def build_form(self, data=None, files=None):
        return forms.KpiTargetForm(data, proposal=self.proposal)

    def save(self, form):
        services.save_kpi_targets(actor=self.request.user, proposal=self.proposal, targets=form.targets(),
            now=timezone.now())


class SupportRequestsView(SectionView):
    template_name = "applications/sections/support_requests.html"
    section = "support_requests"

    def build_form(self, data=None, files=None):
        """One group of rows per line the proposal may ask, read from the ministries' registry."""
        named = {request.line_id for request in self.proposal.support_requests.all()}
        return forms.SupportRequestsForm(data, lines=selectors.request_lines(self.proposal.contest, named),
                                         initial=forms.support_request_initial(self.proposal))

    def save(self, form):
        services.save_support_requests(actor=self.request.user, proposal=self.proposal, requests=form.requests(),
            now=timezone.now())


class AttachmentsView(SectionView):
    template_name = "applications/sections/attachments.html"
    section = "attachments"
    saved_message = ""

    def build_form(self, data=None, files=None):
        return forms.AttachmentForm(data, files)

    def save(self, form):
        attachment = services.add_attachment(actor=self.request.user, proposal=self.proposal,
                                             kind=form.cleaned_data["kind"], upload=form.checked_upload,
                                                 now=timezone.now())
        self.saved_message = _("%(name)s was attached.") % {"name": attachment.original_name}

    def post(self, request, *args, **kwargs):
        response = super().post(request, *args, **kwargs)
        if response.status_code == 302:
            return redirect("applications:proposal-attachments", pk=self.proposal.pk)
        return response

    def get_context_data(self, **kwargs):
        return super().get_context_data(attachments=self.proposal.current_attachments(),
                                        max_upload_bytes=max_upload_bytes(), **kwargs)


class AttachmentRemoveView(EditableProposalMixin, View):
    def post(self, request, pk, attachment_pk):
        try:
            attachment = self.proposal.attachments.get(pk=attachment_pk, removed_at__isnull=True)
        except ProposalAttachment.DoesNotExist as error:
            raise Http404 from error
        try:
            services.remove_attachment(actor=request.user, attachment=attachment, now=timezone.now())
        except services.SubmissionRefused as refused:
            messages.error(request, str(refused))
        else:
            messages.success(request, _("%(name)s was removed.") % {"name": attachment.original_name})
        return redirect("applications:proposal-attachments", pk=pk)


class AttachmentDownloadView(ProposalAccessMixin, View):
    """Only those who may see the proposal get its files; anyone else gets the same 404 as a missing file."""

    def get(self, request, pk, attachment_pk):
        try:
            attachment = selectors.attachment_for_user(user=request.user, proposal_pk=pk, pk=attachment_pk)
        except (ProposalAttachment.DoesNotExist, Proposal.DoesNotExist) as error:
            raise Http404 from error
        return document_response(attachment)


class ProvincialMatchView(ProposalDetailView):
    """The provincial officer's confirmation; a refused one shows the detail page again with what was typed."""

    def post(self, request, pk):
        proposal = self.get_proposal()
        decision = permissions.can_confirm_provincial_match(request.user, proposal)
        if not decision:
            self.refuse(decision)
        form = forms.ProvincialMatchForm(request.POST)
        if form.is_valid():
            try:
                services.confirm_provincial_match(actor=request.user, proposal=proposal, **form.cleaned_data)
            except services.SubmissionRefused as refused:
                form.add_error("note", str(refused))
            else:
                messages.success(request, _("The provincial matching fund was confirmed."))
                return redirect("applications:proposal-detail", pk=pk)
        return self.render_to_response(self.get_context_data(match_form=form))
