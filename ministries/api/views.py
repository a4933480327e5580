"""The ministries over the API: everyone signed in reads them with their support lines; the council adds one
through the same service as the page (audited)."""
from django.core.exceptions import ValidationError as ModelValidationError
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import mixins, serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response

from core.api.errors import refusals_as_400
from core.api.permissions import UserLanguageMixin, decision_permission, require
from core.api.serializers import validated_data
from ministries import permissions, rule_services, selectors, services

from .serializers import (
    MeasureInputSerializer,
    MeasureTypeSerializer,
    MinistryCreateSerializer,
    MinistrySerializer,
    RuleChangeSerializer,
    SupportLineKindCreateSerializer,
    SupportLineKindSerializer,
)

CanViewMinistries = decision_permission(permissions.can_view_ministries)
TAG = ["ministries"]


@extend_schema_view(list=extend_schema(tags=TAG, summary="The ministries taking part and their support lines"))
class MinistryViewSet(UserLanguageMixin, mixins.ListModelMixin, viewsets.GenericViewSet):
    permission_classes = [CanViewMinistries]
    serializer_class = MinistrySerializer
    pagination_class = None
    filter_backends = []

    def get_queryset(self):
        return selectors.ministries_with_lines()

    @extend_schema(tags=TAG, request=MinistryCreateSerializer, responses={201: MinistrySerializer},
                   summary="Add a ministry (council staff, administrators)")
    def create(self, request, *args, **kwargs):
        require(permissions.can_manage_ministries(request.user))
        data = validated_data(MinistryCreateSerializer, request)
        with refusals_as_400(services.MinistryRefused):
            try:
                ministry = services.create_ministry(actor=request.user, **data)
            except ModelValidationError as error:
                raise serializers.ValidationError(error.message_dict) from error
        return Response(MinistrySerializer(selectors.ministries_with_lines().get(pk=ministry.pk)).data,
                        status=status.HTTP_201_CREATED)


class SupportLineKindViewSet(UserLanguageMixin, viewsets.GenericViewSet):
    """Adding a support line, described by its measures and rules: a line added here is written, shown,
    checked and summed like the reference lines, with no release. A line in use may gain measures; a measure
    that holds values can be neither removed nor given another type (a 400 says why). A line gains or loses a
    rule between two of its measures with a reason; one the rows already saved would break is a 400."""

    permission_classes = [CanViewMinistries]
    serializer_class = SupportLineKindSerializer
    lookup_field = "code"
    lookup_value_regex = "[a-z][a-z0-9_]*"
    pagination_class = None
    filter_backends = []

    def get_queryset(self):
        return selectors.line_kinds_with_measures()

    def _answer(self, code: str) -> Response:
        return Response(SupportLineKindSerializer(self.get_queryset().get(code=code)).data)

    def _change(self, request, act) -> None:
        require(permissions.can_manage_ministries(request.user))
        with refusals_as_400(services.MinistryRefused):
            try:
                act()
            except ModelValidationError as error:
                raise serializers.ValidationError(error.message_dict) from error

    @extend_schema(tags=TAG, request=MeasureInputSerializer, responses=SupportLineKindSerializer,
                   summary="Give a line another measure (council staff, administrators)")
    @action(detail=True, methods=["post"], url_path="measures")
    def add_measure(self, request, code=None):
        data = dict(validated_data(MeasureInputSerializer, request))
        data["choices"] = [dict(option) for option in data["choices"]]
        self._change(request, lambda: services.add_measure(actor=request.user, line_code=code, measure=data))
        return self._answer(code)

    @extend_schema(tags=TAG, request=None, responses=SupportLineKindSerializer,
                   summary="Remove a measure no row holds a value for (council staff, administrators)")
    @action(detail=True, methods=["post"], url_path=r"measures/(?P<measure>[a-z][a-z0-9_]*)/remove")
    def remove_measure(self, request, code=None, measure=None):
        self._change(request, lambda: services.remove_measure(actor=request.user, line_code=code, code=measure))
        return self._answer(code)

    @extend_schema(tags=TAG, request=MeasureTypeSerializer, responses=SupportLineKindSerializer,
                   summary="Change a measure's type while no row holds a value for it")
    @action(detail=True, methods=["post"], url_path=r"measures/(?P<measure>[a-z][a-z0-9_]*)/type")
    def change_type(self, request, code=None, measure=None):
        new_type = validated_data(MeasureTypeSerializer, request)["type"]
        self._change(request, lambda: services.change_measure_type(actor=request.user, line_code=code,
                                                                   code=measure, new_type=new_type))
        return self._answer(code)

    def _change_rule(self, request, code: str, service) -> Response:
        require(permissions.can_manage_ministries(request.user))  # a 403 before any word on the body
        data = validated_data(RuleChangeSerializer, request)
        self._change(request, lambda: service(actor=request.user, line_code=code, **data))
        return self._answer(code)

    @extend_schema(tags=TAG, request=RuleChangeSerializer, responses=SupportLineKindSerializer,
                   summary="Give a line a rule between two of its counts or KRW (council staff, administrators)",
                   description="Refused (400, by field) for a measure the line lacks or that is no number, the "
                               "same measure twice, a rule the line has, no reason, or one that rows already "
                               "saved would break (how many, and one of them).")
    @action(detail=True, methods=["post"], url_path="rules")
    def add_rule(self, request, code=None):
        return self._change_rule(request, code, rule_services.add_rule)

    @extend_schema(tags=TAG, request=RuleChangeSerializer, responses=SupportLineKindSerializer,
                   summary="Remove a line's rule between two measures, with a reason")
    @action(detail=True, methods=["post"], url_path="rules/remove")
    def remove_rule(self, request, code=None):
        return self._change_rule(request, code, rule_services.remove_rule)

    @extend_schema(tags=TAG, request=SupportLineKindCreateSerializer, responses={201: SupportLineKindSerializer},
                   summary="Add a support line to a ministry (council staff, administrators)")
    def create(self, request, *args, **kwargs):
        require(permissions.can_manage_ministries(request.user))
        data = dict(validated_data(SupportLineKindCreateSerializer, request))
        data["ministry_code"] = data.pop("ministry")
        data["measures"] = [dict(measure, choices=[dict(option) for option in measure["choices"]])
                            for measure in data["measures"]]
        data["rules"] = [dict(rule) for rule in data["rules"]]
        with refusals_as_400(services.MinistryRefused):
            try:
                line = services.create_line_kind(actor=request.user, **data)
            except ModelValidationError as error:
                raise serializers.ValidationError(error.message_dict) from error
        line = selectors.line_kinds_with_measures().get(pk=line.pk)
        return Response(SupportLineKindSerializer(line).data, status=status.HTTP_201_CREATED)
