from datetime import date

import django_filters
from django.utils import timezone
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import viewsets

from core.api.permissions import UserLanguageMixin, decision_permission
from regions import permissions, selectors
from regions.filters import LocalGovernmentFilter
from regions.models import Designation, Province

from .serializers import DesignationSerializer, LocalGovernmentSerializer, ProvinceSerializer

CanViewRegistry = decision_permission(permissions.can_view_registry)


class ProvinceFilter(django_filters.FilterSet):
    code = django_filters.CharFilter(field_name="code")
    on = django_filters.DateFilter(label="on", method="filter_on",
                                   help_text="The layout of this day (YYYY-MM-DD); today when absent.")

    class Meta:
        model = Province
        fields = ["code", "on"]

    def filter_queryset(self, queryset):
        queryset = super().filter_queryset(queryset)
        if self.form.cleaned_data.get("on") is None and not self.form.cleaned_data.get("code"):
            queryset = queryset.filter(pk__in=selectors.provinces_existing_on(timezone.localdate()))
        return queryset

    def filter_on(self, queryset, name, value):
        return queryset.filter(pk__in=selectors.provinces_existing_on(value))


@extend_schema_view(list=extend_schema(tags=["regions"]), retrieve=extend_schema(tags=["regions"]))
class ProvinceViewSet(viewsets.ReadOnlyModelViewSet):
    """The provinces of one day's layout (``on``, today by default): from 2026-07-01 전남광주통합특별시, not
    Gwangju and Jeollanam-do. ``?code=`` finds a province whatever the day."""

    permission_classes = [CanViewRegistry]
    serializer_class = ProvinceSerializer
    filterset_class = ProvinceFilter
    ordering_fields = ["code", "name_ko", "name_en"]

    def get_queryset(self):
        provinces = Province.objects.select_related("successor").order_by("code")
        return provinces




@extend_schema_view(list=extend_schema(tags=["regions"]), retrieve=extend_schema(tags=["regions"]))
class LocalGovernmentViewSet(UserLanguageMixin, viewsets.ReadOnlyModelViewSet):
    """Local governments with their province, code history and designations; filters as on the registry page."""

    permission_classes = [CanViewRegistry]
    serializer_class = LocalGovernmentSerializer
    filterset_class = LocalGovernmentFilter
    ordering_fields = ["code", "name_ko", "name_en"]
    ordering = ["code"]

    def get_queryset(self):
        return selectors.with_history(selectors.local_governments_for_registry()).select_related(
            "province__successor")

    def get_serializer_context(self):
        context = super().get_serializer_context()
        context["day"] = _day(self.request)
        return context


def _day(request):
    """The ``on`` query parameter as a date (the filter has already refused a bad one with a 400)."""
    try:
        return date.fromisoformat(request.query_params.get("on", ""))
    except ValueError:
        return timezone.localdate()


@extend_schema_view(list=extend_schema(tags=["regions"]), retrieve=extend_schema(tags=["regions"]))
class DesignationViewSet(UserLanguageMixin, viewsets.ReadOnlyModelViewSet):
    permission_classes = [CanViewRegistry]
    serializer_class = DesignationSerializer
    queryset = (Designation.objects.select_related("local_government")
                .order_by("local_government__code", "kind", "valid_from", "pk"))
    filterset_fields = ["kind", "local_government"]
    ordering_fields = ["valid_from", "kind"]
