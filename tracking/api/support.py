"""The four ministries' support lines over the API.

``/support-lines/`` lists the lines; ``/support-lines/<code>/`` holds one line's rows for the tasks the caller may
see. Only that ministry's staff write a line (``can_edit_support_line``, as on the pages); each write is checked by
the page's form, carries a reason and is audited by the same service. Each line gets its own serializer, generated
from the line's registry entry, so the schema names every field a row has."""
from copy import copy

from django.db.models import Model
from django.utils.translation import gettext as _
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import mixins, serializers, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response

from ministries.models import SupportItem
from portal.api.errors import refusals_as_400
from portal.api.forms import validated
from portal.api.permissions import UserLanguageMixin, decision_permission, require
from portal.api.serializers import ReasonSerializer, validated_data
from tracking import forms, permissions, services
from tracking.models import SelectedTask
from tracking.support_lines import LINES, SupportLine

from .views import REFUSALS

CanViewTracking = decision_permission(permissions.can_view_tracking)
TAG = ["support lines"]


class SupportLineSerializer(serializers.Serializer):
    code = serializers.CharField()
    ministry = serializers.CharField(source="ministry_code")
    label = serializers.CharField()
    fields = serializers.ListField(child=serializers.CharField())
    totals = serializers.ListField(child=serializers.CharField(), help_text="The fields the dashboard adds up.")
    editable = serializers.BooleanField(help_text="Whether the caller's ministry keeps this line.")


@extend_schema_view(list=extend_schema(tags=TAG, summary="The four support lines and who keeps each"))
class SupportLineViewSet(UserLanguageMixin, viewsets.GenericViewSet, mixins.ListModelMixin):
    permission_classes = [CanViewTracking]
    serializer_class = SupportLineSerializer
    filter_backends = []

    def get_queryset(self):
        user = self.request.user
        return [{"code": line.code, "ministry_code": line.ministry_code, "label": str(line.label),
                 "fields": list(line.fields), "totals": list(line.totals),
                 "editable": bool(permissions.can_edit_support_line(user, line))} for line in LINES.values()]


def _row_serializer(line: SupportLine) -> type[serializers.ModelSerializer]:
    extra = {}
    if "item" in line.fields:
        extra["item"] = serializers.SlugRelatedField(
            slug_field="code", queryset=SupportItem.objects.filter(line_kind__code=line.code))
    meta = type("Meta", (), {"model": line.model, "fields": ["id", "task", *line.fields], "validators": [],
                             "read_only_fields": ["id", "task"]})
    return type(f"{line.model.__name__}Serializer", (serializers.ModelSerializer,), {"Meta": meta, **extra})


def _write_serializers(row_serializer) -> tuple[type[serializers.Serializer], type[serializers.Serializer]]:
    """What a change sends (the row's fields and a reason) and what an addition sends (also the task)."""
    name = row_serializer.__name__.removesuffix("Serializer")
    meta = type("Meta", (row_serializer.Meta,), {"fields": [*row_serializer.Meta.fields, "reason"]})
    change = type(f"{name}ChangeSerializer", (row_serializer,),
                  {"Meta": meta, "reason": serializers.CharField(max_length=1000, write_only=True)})
    add = type(f"{name}AddSerializer", (change,),
               {"task": serializers.PrimaryKeyRelatedField(queryset=SelectedTask.objects.all())})
    return add, change


class SupportRowViewSet(UserLanguageMixin, mixins.CreateModelMixin, mixins.UpdateModelMixin,
                        viewsets.ReadOnlyModelViewSet):
    line: SupportLine
    row_serializer: type[serializers.ModelSerializer]
    add_serializer: type[serializers.Serializer]
    change_serializer: type[serializers.Serializer]
    permission_classes = [CanViewTracking]
    http_method_names = ["get", "post", "put", "head", "options"]
    ordering_fields = ["id"]

    def get_queryset(self):
        visible = permissions.tasks_for_user(self.request.user).values("pk")
        rows = self.line.model.objects.filter(task__in=visible)
        if "item" in self.line.fields:
            rows = rows.select_related("item")
        return rows.order_by("task_id", "pk")

    def get_serializer_class(self):
        return self.row_serializer

    def _save(self, row: Model | None, data: dict) -> Response:
        task = row.task if row else data["task"]
        values = {name: getattr(data[name], "pk", data[name]) for name in self.line.fields if name in data}
        instance = copy(row) if row else self.line.model(task=task)  # the form writes into its instance
        form = validated(forms.support_row_form(self.line)({**values, "reason": data["reason"]}, instance=instance))
        with refusals_as_400(*REFUSALS):
            saved = services.save_support_row(actor=self.request.user, task=task, line=self.line, row=row,
                                              values={name: form.cleaned_data[name] for name in self.line.fields},
                                              reason=form.cleaned_data["reason"])
        return Response(self.row_serializer(self.get_queryset().get(pk=saved.pk)).data,
                        status=200 if row else 201)

    def _valid(self, serializer_class) -> dict:
        require(permissions.can_edit_support_line(self.request.user, self.line))
        return validated_data(serializer_class, self.request)

    def create(self, request, *args, **kwargs):
        data = self._valid(self.add_serializer)
        if not permissions.tasks_for_user(request.user).filter(pk=data["task"].pk).exists():
            raise serializers.ValidationError({"task": [_("No task you can see has this number.")]})
        return self._save(None, data)

    def update(self, request, *args, **kwargs):
        row = self.get_object()
        return self._save(row, self._valid(self.change_serializer))

    @extend_schema(tags=TAG, request=ReasonSerializer, responses={204: None},
                   summary="Remove a row, with the reason (kept in the task's history)")
    @action(detail=True, methods=["post"])
    def remove(self, request, pk=None):
        row = self.get_object()
        require(permissions.can_edit_support_line(request.user, self.line))
        reason = validated_data(ReasonSerializer, request)["reason"]
        with refusals_as_400(*REFUSALS):
            services.remove_support_row(actor=request.user, task=row.task, line=self.line, row=row, reason=reason)
        return Response(status=204)


def row_viewset(line: SupportLine) -> type[SupportRowViewSet]:
    """The rows of ``line``: read by everyone who sees the task, written by the line's ministry only."""
    row_serializer = _row_serializer(line)
    add_serializer, change_serializer = _write_serializers(row_serializer)
    tag = [f"support lines: {line.ministry_code}"]
    schema = extend_schema_view(
        list=extend_schema(tags=tag), retrieve=extend_schema(tags=tag),
        create=extend_schema(tags=tag, request=add_serializer, responses={201: row_serializer},
                             summary=f"Add a row ({line.ministry_code} staff)"),
        update=extend_schema(tags=tag, request=change_serializer, responses=row_serializer,
                             summary=f"Change a row ({line.ministry_code} staff)"),
        remove=extend_schema(tags=tag))
    viewset = type(f"{line.model.__name__}ViewSet", (SupportRowViewSet,),
                   {"line": line, "row_serializer": row_serializer, "add_serializer": add_serializer,
                    "change_serializer": change_serializer,
                    "filterset_fields": ["task", *(["year"] if "year" in line.fields else [])],
                    "__doc__": f"{line.ministry_code}: {line.model.__name__} rows."})
    return schema(viewset)
