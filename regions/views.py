from datetime import date

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.translation import gettext
from django.views.generic import DetailView, FormView, ListView
from django_filters.views import FilterView

from core.permissions import DecisionRequiredMixin

from . import permissions, selectors, succession
from .filters import LocalGovernmentFilter
from .forms import DesignationImportForm, DesignationSuccessionForm, import_success_message
from .models import DesignationKind, LocalGovernment
from .notes import history_notes


class RegistryAccessMixin(DecisionRequiredMixin):
    def decide(self, user):
        return permissions.can_view_registry(user)


class LocalGovernmentListView(RegistryAccessMixin, FilterView):
    filterset_class = LocalGovernmentFilter
    paginate_by = 50
    template_name = "regions/local_government_list.html"

    def get_queryset(self):
        return selectors.with_history(selectors.local_governments_for_registry())

    def get_template_names(self):
        if self.request.htmx:
            return ["regions/_local_government_table.html"]
        return [self.template_name]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["query_without_page"] = _query_without_page(self.request)
        day = context["filter"].day
        context["day"] = day
        context["object_list"] = selectors.stand_on(context["object_list"], day)
        context["undecided"] = succession.undecided_designation_ids()
        return context


def _day_from(request) -> date:
    """``?on=YYYY-MM-DD`` when it is a date, else today (a bad date is ignored, never a 500)."""
    try:
        return date.fromisoformat(request.GET.get("on", ""))
    except ValueError:
        return timezone.localdate()


def _query_without_page(request) -> str:
    query = request.GET.copy()
    query.pop("page", None)
    return query.urlencode()


class LocalGovernmentDetailView(RegistryAccessMixin, DetailView):
    template_name = "regions/local_government_detail.html"
    context_object_name = "local_government"

    def get_object(self, queryset=None):
        try:
            return selectors.local_government_detail(self.kwargs["pk"])
        except LocalGovernment.DoesNotExist as error:
            raise Http404 from error

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        today = timezone.localdate()
        context["today"] = today
        context["history"] = selectors.history_of(self.object)
        context["notes"] = history_notes(context["history"])
        undecided = succession.designations_awaiting_successor(local_government=self.object)
        context["undecided"] = undecided
        context["undecided_ids"] = {row.designation.pk for row in undecided}
        context["designations"] = [
            (designation, designation.state_on(today, successor_undecided=designation.pk in context["undecided_ids"]))
            for designation in self.object.designations.all()]
        if undecided and permissions.can_decide_designation_successor(self.request.user):
            context["decision_form"] = kwargs.get("decision_form") or DesignationSuccessionForm(undecided=undecided)
        return context

    def post(self, request, *args, **kwargs):
        """The council records its decision on a designation of this (reorganised) unit."""
        decision = permissions.can_decide_designation_successor(request.user)
        if not decision:
            raise PermissionDenied(decision.reason)
        self.object = self.get_object()
        undecided = succession.designations_awaiting_successor(local_government=self.object)
        form = DesignationSuccessionForm(request.POST, undecided=undecided)
        if form.is_valid() and form.record(actor=request.user):
            messages.success(request, gettext("The decision is recorded."))
            return redirect("regions:detail", pk=self.object.pk)
        return self.render_to_response(self.get_context_data(decision_form=form), status=400)


class ProvinceListView(RegistryAccessMixin, ListView):
    template_name = "regions/province_list.html"
    context_object_name = "provinces"

    def get_queryset(self):
        self.day = _day_from(self.request)
        return selectors.provinces_with_counts(on=self.day)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["kinds"] = DesignationKind.choices
        context["day"] = self.day
        return context


class DesignationImportView(DecisionRequiredMixin, FormView):
    """Council staff upload the Rural Agreement list; a refused file says which rows and why."""

    form_class = DesignationImportForm
    template_name = "regions/designation_import.html"

    def decide(self, user):
        return permissions.can_import_designations(user)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["imports"] = selectors.recent_designation_imports()
        return context

    def form_valid(self, form):
        record = form.run_import(imported_by=self.request.user)
        if record is None:
            return self.form_invalid(form)
        messages.success(self.request, import_success_message(record))
        return redirect("regions:import")
