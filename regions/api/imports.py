"""Designation imports through the API (council): the same form and all-or-nothing import as the page; a refused
file is a 400 whose ``file`` lists every problem as ``Row N: reason`` and nothing is written."""
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import mixins, serializers, status, viewsets
from rest_framework.exceptions import ValidationError
from rest_framework.parsers import FormParser, MultiPartParser
from rest_framework.response import Response

from core.api.forms import validated
from core.api.permissions import UserLanguageMixin, decision_permission
from core.api.serializers import validated_data
from regions import permissions
from regions.forms import DesignationImportForm
from regions.models import DesignationImport

CanImportDesignations = decision_permission(permissions.can_import_designations)


class DesignationImportSerializer(serializers.ModelSerializer):
    imported_by = serializers.SlugRelatedField(slug_field="username", read_only=True)

    class Meta:
        model = DesignationImport
        fields = ["id", "kind", "file_name", "sha256", "reason", "imported_by", "imported_at", "rows_in_file",
                  "rows_created"]


class DesignationImportInputSerializer(serializers.Serializer):
    file = serializers.FileField(help_text="The Rural Agreement list, CSV or XLSX, at most 5 MB (README: the format).")
    reason = serializers.CharField(max_length=500)


@extend_schema_view(list=extend_schema(tags=["regions"]), retrieve=extend_schema(tags=["regions"]))
class DesignationImportViewSet(UserLanguageMixin, mixins.CreateModelMixin, viewsets.ReadOnlyModelViewSet):
    permission_classes = [CanImportDesignations]
    serializer_class = DesignationImportSerializer
    parser_classes = [MultiPartParser, FormParser]
    ordering_fields = ["imported_at", "id"]
    queryset = DesignationImport.objects.select_related("imported_by").order_by("-imported_at", "-pk")

    @extend_schema(tags=["regions"], request={"multipart/form-data": DesignationImportInputSerializer},
                   responses={201: DesignationImportSerializer},
                   summary="Import the Rural Agreement list, all or nothing (council)")
    def create(self, request, *args, **kwargs):
        validated_data(DesignationImportInputSerializer, request)
        form = validated(DesignationImportForm(request.data, request.FILES))
        record = form.run_import(imported_by=request.user)
        if record is None:
            raise ValidationError({"file": [str(message) for message in form.errors["file"]]})
        return Response(DesignationImportSerializer(record).data, status=status.HTTP_201_CREATED)
