from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect
from django.utils import timezone
from django.views.generic import DetailView, FormView, ListView
from django_filters.views import FilterView

from portal.permissions import DecisionRequiredMixin

from . import permissions, selectors
from .filters import LocalGovernmentFilter
from .forms import DesignationImportForm, import_success_message
from .models import DesignationKind, LocalGovernment


class RegistryAccessMixin(DecisionRequiredMixin):
    def decide(self, user):
        return permissions.can_view_registry(user)


class LocalGovernmentListView(RegistryAccessMixin, FilterView):
    filterset_class = LocalGovernmentFilter
    paginate_by = 50
    template_name = "regions/local_government_list.html"

    def get_queryset(self):
        return selectors.local_governments_for_registry()

    def get_template_names(self):
        if self.request.htmx:
            return ["regions/_local_government_table.html"]
        return [self.template_name]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["query_without_page"] = _query_without_page(self.request)
        return context


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
        context["designations"] = [(designation, designation.is_valid_on(today))
                                   for designation in self.object.designations.all()]
        return context


class ProvinceListView(RegistryAccessMixin, ListView):
    template_name = "regions/province_list.html"
    context_object_name = "provinces"

    def get_queryset(self):
        return selectors.provinces_with_counts(on=timezone.localdate())

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["kinds"] = DesignationKind.choices
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
