from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import viewsets

from portal.api.permissions import decision_permission
from regions import permissions, selectors
from regions.filters import LocalGovernmentFilter
from regions.models import Designation, Province

from .serializers import DesignationSerializer, LocalGovernmentSerializer, ProvinceSerializer

CanViewRegistry = decision_permission(permissions.can_view_registry)


@extend_schema_view(list=extend_schema(tags=["regions"]), retrieve=extend_schema(tags=["regions"]))
class ProvinceViewSet(viewsets.ReadOnlyModelViewSet):
    permission_classes = [CanViewRegistry]
    serializer_class = ProvinceSerializer
    queryset = Province.objects.order_by("code")
    filterset_fields = ["code"]
    ordering_fields = ["code", "name_ko", "name_en"]


@extend_schema_view(list=extend_schema(tags=["regions"]), retrieve=extend_schema(tags=["regions"]))
class LocalGovernmentViewSet(viewsets.ReadOnlyModelViewSet):
    """Local governments with their province, code history and designations; filters as on the registry page."""

    permission_classes = [CanViewRegistry]
    serializer_class = LocalGovernmentSerializer
    filterset_class = LocalGovernmentFilter
    ordering_fields = ["code", "name_ko", "name_en"]
    ordering = ["code"]

    def get_queryset(self):
        return selectors.local_governments_for_registry().prefetch_related("codes")


@extend_schema_view(list=extend_schema(tags=["regions"]), retrieve=extend_schema(tags=["regions"]))
class DesignationViewSet(viewsets.ReadOnlyModelViewSet):
    permission_classes = [CanViewRegistry]
    serializer_class = DesignationSerializer
    queryset = Designation.objects.select_related("local_government").order_by("local_government__code", "kind")
    filterset_fields = ["kind", "local_government"]
    ordering_fields = ["valid_from", "kind"]
