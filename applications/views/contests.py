from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import IntegrityError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy
from django.views import View
from django.views.generic import FormView, ListView, TemplateView

from applications import permissions, selectors, services
from applications.forms import ContestAttachmentForm, ContestForm, PreliminarySelectionForm
from applications.models import Contest, ContestAttachment, PreliminarySelection
from applications.selectors.layout import unit_in_round
from audit.selectors import history_of
from core.downloads import document_response
from core.permissions import DecisionRequiredMixin


class ContestViewMixin(DecisionRequiredMixin):
    def decide(self, user):
        return permissions.can_view_contests(user)

    def get_contest(self) -> Contest:
        try:
            return selectors.contest_detail(self.kwargs["pk"])
        except Contest.DoesNotExist as error:
            raise Http404 from error


class ContestManageMixin(ContestViewMixin):
    def decide(self, user):
        return permissions.can_manage_contests(user)


class ContestListView(ContestViewMixin, ListView):
    template_name = "applications/contest_list.html"
    context_object_name = "contests"

    def get_queryset(self):
        return selectors.contests_for_overview()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["can_manage"] = permissions.can_manage_contests(self.request.user)
        return context


class ContestDetailView(ContestViewMixin, TemplateView):
    template_name = "applications/contest_detail.html"

    def get_context_data(self, **kwargs):
        contest = self.get_contest()
        can_manage = bool(permissions.can_manage_contests(self.request.user))
        context = super().get_context_data(contest=contest, can_manage=can_manage, **kwargs)
        context["eligible_count"] = selectors.eligible_local_governments_for_contest(contest).count()
        context["preliminary_selections"] = selectors.preliminary_selections_of(contest)
        if can_manage:
            labels = {name: str(field.label) for name, field in ContestForm(instance=contest).fields.items()}
            history = list(history_of(contest)[:50])
            for entry in history:  # each changed setting by its label on the form, not its field's code
                entry.labelled_changes = [(labels.get(name, name), change) for name, change in entry.changes.items()
                                          if isinstance(change, list | tuple) and len(change) == 2]
            context["history"] = history
            context["preliminary_form"] = kwargs.get("preliminary_form") or PreliminarySelectionForm(
                initial={"programme": _("Regional Innovation Contest")})
            context["file_form"] = kwargs.get("file_form") or ContestAttachmentForm()
        context["files"] = contest.attachments.all()
        local_government = getattr(self.request.user, "local_government", None)
        if local_government is not None:
            context["own_eligibility"] = selectors.eligibility_for_contest(
                contest=contest, local_government=unit_in_round(local_government, contest))
        return context


class ContestEligibleView(ContestViewMixin, TemplateView):
    template_name = "applications/contest_eligible.html"

    def get_context_data(self, **kwargs):
        contest = self.get_contest()
        return super().get_context_data(contest=contest, rows=selectors.eligible_rows_for_contest(contest), **kwargs)


class ContestCreateView(ContestManageMixin, FormView):
    template_name = "applications/contest_form.html"
    form_class = ContestForm

    def form_valid(self, form):
        contest = services.create_contest(actor=self.request.user, values=form.model_values(),
                                          kinds=form.cleaned_data["accepted_kinds"],
                                          ministries=form.cleaned_data["participating_ministries"],
                                          dates=form.review_dates())
        messages.success(self.request, _("The contest was created."))
        return redirect("applications:contest-detail", pk=contest.pk)


class ContestUpdateView(ContestManageMixin, FormView):
    template_name = "applications/contest_form.html"
    form_class = ContestForm

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "instance": self.get_contest(), "editing": True}

    def form_valid(self, form):
        contest = services.update_contest(actor=self.request.user, contest=form.instance,
                                          values=form.model_values(), kinds=form.cleaned_data["accepted_kinds"],
                                          ministries=form.cleaned_data["participating_ministries"],
                                          reason=form.cleaned_data["reason"], dates=form.review_dates())
        messages.success(self.request, _("The contest was changed."))
        return redirect("applications:contest-detail", pk=contest.pk)


class PreliminarySelectionAddView(ContestManageMixin, View):
    def post(self, request, pk):
        contest = self.get_contest()
        form = PreliminarySelectionForm(request.POST)
        if form.is_valid():
            try:
                services.add_preliminary_selection(
                    actor=request.user, contest=contest,
                    local_government=form.cleaned_data["local_government_code"],
                    programme=form.cleaned_data["programme"], selected_on=form.cleaned_data["selected_on"],
                    task_title=form.cleaned_data["task_title"], source=form.cleaned_data["source"],
                    reason=form.cleaned_data["reason"])
            except (IntegrityError, ValidationError):  # the unique constraint, checked or raced
                form.add_error("local_government_code", _("This local government already has a preliminary "
                                                          "selection for this contest."))
            else:
                messages.success(request, _("The preliminary selection was recorded."))
                return redirect("applications:contest-detail", pk=contest.pk)
        view = ContestDetailView(request=request, kwargs=self.kwargs)
        context = view.get_context_data(preliminary_form=form)
        return view.render_to_response(context)


class ReasonedRemoveView(ContestManageMixin, View):
    """Removing something from a contest needs a reason, kept in the contest's history."""

    missing_reason = done = ""

    def find(self, pk, item_pk):
        raise NotImplementedError

    def remove(self, item, reason: str) -> None:
        raise NotImplementedError

    def post(self, request, pk, item_pk):
        item = self.find(pk, item_pk)
        reason = request.POST.get("reason", "").strip()
        if not reason:
            messages.error(request, self.missing_reason)
        else:
            self.remove(item, reason)
            messages.success(request, self.done)
        return redirect("applications:contest-detail", pk=pk)


class PreliminarySelectionRemoveView(ReasonedRemoveView):
    missing_reason = _lazy("Say why the preliminary selection is removed.")
    done = _lazy("The preliminary selection was removed.")

    def find(self, pk, item_pk):
        return get_object_or_404(PreliminarySelection.objects.select_related("local_government", "contest"),
                                 pk=item_pk, contest_id=pk)

    def remove(self, item, reason):
        services.remove_preliminary_selection(actor=self.request.user, selection=item, reason=reason)


class ContestAttachmentAddView(ContestManageMixin, View):
    def post(self, request, pk):
        contest = self.get_contest()
        form = ContestAttachmentForm(request.POST, request.FILES)
        if form.is_valid():
            services.add_contest_attachment(actor=request.user, contest=contest, title=form.cleaned_data["title"],
                                            upload=form.checked_upload)
            messages.success(request, _("The announcement file was published."))
            return redirect("applications:contest-detail", pk=contest.pk)
        view = ContestDetailView(request=request, kwargs=self.kwargs)
        return view.render_to_response(view.get_context_data(file_form=form))


class ContestAttachmentRemoveView(ReasonedRemoveView):
    missing_reason = _lazy("Say why the file is removed.")
    done = _lazy("The announcement file was removed.")

    def find(self, pk, item_pk):
        return get_object_or_404(ContestAttachment.objects.select_related("contest"), pk=item_pk, contest_id=pk)

    def remove(self, item, reason):
        services.remove_contest_attachment(actor=self.request.user, attachment=item, reason=reason)


class ContestAttachmentDownloadView(ContestViewMixin, View):
    def get(self, request, pk, file_pk):
        return document_response(get_object_or_404(ContestAttachment, pk=file_pk, contest_id=pk))
