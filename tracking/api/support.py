"""The ministries' support lines over the API, one set of endpoints for every line the registry holds.

``/support-lines/`` lists the lines with their measures; ``/support-lines/<line_code>/`` holds one line's rows
for the tasks the caller may see: ``{"task": ID, "values": {MEASURE_CODE: value, ...}}``. Only the line's
ministry writes, on the tasks of the contests it takes part in (``can_edit_support_line``, as on the pages
and in the service, a 403 otherwise); each value is checked
against the line's measures and rules by the same service, and a refusal is a 400 naming the measure."""
from django.core.exceptions import ValidationError as ModelValidationError
from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import mixins, serializers, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response

from core.api.errors import refusals_as_400
from core.api.permissions import UserLanguageMixin, decision_permission, require
from core.api.serializers import ReasonSerializer, validated_data
from core.fields import ascii_whole_number
from ministries.registry import LineSpec, line_for, support_lines
from tracking import permissions, services
from tracking.models import SelectedTask, SupportLineRow

from .views import REFUSALS

CanViewTracking = decision_permission(permissions.can_view_tracking)
TAG = ["support lines"]
LINE_CODE = OpenApiParameter("line_code", str, OpenApiParameter.PATH, description="The support line's code.")


class MeasureOutSerializer(serializers.Serializer):
    code = serializers.CharField()
    name_ko = serializers.CharField()
    name_en = serializers.CharField()
    type = serializers.CharField()
    choices = serializers.ListField(child=serializers.DictField(child=serializers.CharField()),
                                    help_text="A choice measure's options: code, name_ko, name_en.")
    required = serializers.BooleanField()
    summed = serializers.BooleanField(help_text="Whether the dashboard adds it up.")
    requestable = serializers.BooleanField(help_text="Whether a proposal may request it.")


def measure_data(line: LineSpec) -> list[dict]:
    return [{"code": measure.code, "name_ko": measure.name_ko, "name_en": measure.name_en, "type": measure.type,
             "choices": [{"code": code, "name_ko": name_ko, "name_en": name_en}
                         for code, name_ko, name_en in measure.options],
             "required": measure.required, "summed": measure.summed, "requestable": measure.requestable}
            for measure in line.measures]


class SupportLineSerializer(serializers.Serializer):
    code = serializers.CharField()
    ministry = serializers.CharField()
    name_ko = serializers.CharField()
    name_en = serializers.CharField()
    measures = MeasureOutSerializer(many=True)
    editable = serializers.BooleanField(help_text="Whether the caller's ministry keeps this line.")


@extend_schema_view(list=extend_schema(tags=TAG, summary="Every support line, its measures and who keeps it"))
class SupportLineViewSet(UserLanguageMixin, viewsets.GenericViewSet, mixins.ListModelMixin):
    permission_classes = [CanViewTracking]
    serializer_class = SupportLineSerializer
    filter_backends = []

    def get_queryset(self):
        user = self.request.user
        return [{"code": line.code, "ministry": line.ministry_code, "name_ko": line.name_ko,
                 "name_en": line.name_en, "measures": measure_data(line),
                 "editable": bool(permissions.can_edit_support_line(user, line, None))}
                for line in support_lines().values()]


class SupportRowSerializer(serializers.ModelSerializer):
    line = serializers.SlugRelatedField(slug_field="code", read_only=True)
    values = serializers.DictField(help_text="{measure code: value}: integers for counts, KRW and years, an "
                                             "option's code, YYYY-MM-DD for dates, text.")

    class Meta:
        model = SupportLineRow
        fields = ["id", "task", "line", "values"]
        read_only_fields = ["id", "task", "line", "values"]


class SupportRowChangeSerializer(serializers.Serializer):
    values = serializers.DictField()
    reason = serializers.CharField(max_length=1000, help_text="Why: kept in the task's history.")


class SupportRowAddSerializer(SupportRowChangeSerializer):
    task = serializers.PrimaryKeyRelatedField(queryset=SelectedTask.objects.all())


@extend_schema_view(
    list=extend_schema(tags=TAG, parameters=[LINE_CODE, OpenApiParameter("task", int)],
                       operation_id="support_line_rows_list", summary="A line's rows on the tasks the caller sees"),
    retrieve=extend_schema(tags=TAG, parameters=[LINE_CODE], operation_id="support_line_rows_retrieve"),
    create=extend_schema(tags=TAG, parameters=[LINE_CODE], request=SupportRowAddSerializer,
                         operation_id="support_line_rows_create",
                         responses={201: SupportRowSerializer}, summary="Add a row (the line's ministry)"),
    update=extend_schema(tags=TAG, parameters=[LINE_CODE], request=SupportRowChangeSerializer,
                         operation_id="support_line_rows_update",
                         responses=SupportRowSerializer, summary="Change a row (the line's ministry)"),
    remove=extend_schema(tags=TAG, parameters=[LINE_CODE], request=ReasonSerializer, responses={204: None},
                         operation_id="support_line_rows_remove",
                         summary="Remove a row, with the reason (kept in the task's history)"))
class SupportRowViewSet(UserLanguageMixin, mixins.CreateModelMixin, mixins.UpdateModelMixin,
                        viewsets.ReadOnlyModelViewSet):
    """The rows of one line: read by everyone who sees the task, written by the line's ministry only."""

    permission_classes = [CanViewTracking]
    serializer_class = SupportRowSerializer
    http_method_names = ["get", "post", "put", "head", "options"]
    filter_backends = []

    def line(self) -> LineSpec:
        if not hasattr(self, "_line"):
            self._line = line_for(self.kwargs["line_code"])
        return self._line

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return SupportLineRow.objects.none()
        visible = permissions.tasks_for_user(self.request.user).values("pk")
        rows = SupportLineRow.objects.filter(task__in=visible, line_id=self.line().pk).select_related("line")
        task = ascii_whole_number(self.request.query_params.get("task"))
        if task is not None:
            rows = rows.filter(task_id=task)
        return rows.order_by("task_id", "pk")

    def _save(self, row: SupportLineRow | None, task: SelectedTask, data: dict) -> Response:
        with refusals_as_400(*REFUSALS):
            try:
                saved = services.save_support_row(actor=self.request.user, task=task, line=self.line(), row=row,
                                                  values=data["values"], reason=data["reason"])
            except ModelValidationError as error:
                raise serializers.ValidationError({"values": error.message_dict}) from error
        return Response(self.serializer_class(self.get_queryset().get(pk=saved.pk)).data,
                        status=200 if row else 201)

    def create(self, request, *args, **kwargs):
        require(permissions.can_edit_support_line(request.user, self.line(), None))
        data = validated_data(SupportRowAddSerializer, request)
        if not permissions.tasks_for_user(request.user).filter(pk=data["task"].pk).exists():
            raise serializers.ValidationError({"task": [_("No task you can see has this number.")]})
        require(permissions.can_edit_support_line(request.user, self.line(), data["task"]))
        return self._save(None, data["task"], data)

    def update(self, request, *args, **kwargs):
        row = self.get_object()
        require(permissions.can_edit_support_line(request.user, self.line(), row.task))
        return self._save(row, row.task, validated_data(SupportRowChangeSerializer, request))

    @action(detail=True, methods=["post"])
    def remove(self, request, *args, **kwargs):
        row = self.get_object()
        require(permissions.can_edit_support_line(request.user, self.line(), row.task))
        reason = validated_data(ReasonSerializer, request)["reason"]
        with refusals_as_400(*REFUSALS):
            services.remove_support_row(actor=request.user, task=row.task, line=self.line(), row=row, reason=reason)
        return Response(status=204)
