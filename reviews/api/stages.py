"""A contest's evaluation stages through the API (council only; anyone else 403 before anything is looked up):
list and add them under ``/contests/{id}/stages/``, change one at ``/contest-stages/{id}/``. Same services as
the pages: refused (400, with the reason) once a sheet of the contest is submitted, for a code the contest
has or reserved, or weights over 100."""
from django.shortcuts import get_object_or_404
from drf_spectacular.utils import extend_schema
from rest_framework import serializers, status
from rest_framework.response import Response
from rest_framework.views import APIView

from applications.models import Contest, ContestStage, StageKind
from applications.selectors import contest_stages
from core.api.errors import refusals_as_400
from core.api.permissions import UserLanguageMixin, decision_permission
from core.api.serializers import validated_data
from core.fields import validate_plausible_date
from reviews import permissions, services

CanManageReview = decision_permission(permissions.can_manage_review)


class StageSerializer(serializers.ModelSerializer):
    id = serializers.IntegerField(read_only=True, allow_null=True,
                                  help_text="Null for the default stages of a contest whose stages were never set.")
    kind = serializers.SlugRelatedField(slug_field="code", read_only=True)
    slot_location = serializers.CharField(read_only=True, help_text="room or place (the kind's).")

    class Meta:
        model = ContestStage
        fields = ["id", "contest", "position", "code", "kind", "name_ko", "name_en", "starts_on", "ends_on",
                  "has_slots", "slot_location", "weight_pct", "cutoff"]
        read_only_fields = fields


class StageChangeSerializer(serializers.Serializer):
    """Only the fields sent change."""

    code = serializers.SlugField(max_length=16)
    kind = serializers.SlugRelatedField(slug_field="code", queryset=StageKind.objects.all(),
                                        help_text="document, presentation, site_visit or a kind the council added.")
    name_ko = serializers.CharField(max_length=100)
    name_en = serializers.CharField(max_length=150)
    starts_on = serializers.DateField(allow_null=True, validators=[validate_plausible_date])
    ends_on = serializers.DateField(allow_null=True, validators=[validate_plausible_date])
    has_slots = serializers.BooleanField()
    weight_pct = serializers.IntegerField(min_value=0, max_value=100, help_text="Whole percent of the combined score.")
    cutoff = serializers.DecimalField(max_digits=5, decimal_places=2, min_value=0, max_value=100,
                                      help_text="Out of 100.")
    position = serializers.IntegerField(min_value=1, max_value=50, help_text="1 is the first stage.")
    reason = serializers.CharField(max_length=500, required=False, allow_blank=True)


class StageInputSerializer(StageChangeSerializer):
    """A new stage: names and slots default to its kind's, the weight to 0, the cut-off to 60, the position to
    last; ``weights`` gives stages already there new weights in the same step."""

    weights = serializers.DictField(child=serializers.IntegerField(min_value=0, max_value=100), required=False,
                                    help_text="New weights of stages already there, by code, e.g. "
                                              '{"document": 60}: room for the new stage in the same step.')

    def get_fields(self):
        fields = super().get_fields()
        for name in ("name_ko", "name_en", "starts_on", "ends_on", "has_slots", "weight_pct", "cutoff", "position",
                     "reason"):
            fields[name].required = False
        return fields


def _split(data: dict) -> tuple[dict, int | None, str]:
    data = dict(data)
    return data, data.pop("position", None), data.pop("reason", "")


class ContestStagesView(UserLanguageMixin, APIView):
    permission_classes = [CanManageReview]

    @extend_schema(tags=["review"], responses=StageSerializer(many=True), summary="A contest's evaluation stages")
    def get(self, request, pk: int):
        contest = get_object_or_404(Contest, pk=pk)
        return Response(StageSerializer(contest_stages(contest), many=True).data)

    @extend_schema(tags=["review"], request=StageInputSerializer, responses={201: StageSerializer},
                   summary="Add an evaluation stage (until the contest's first sheet is submitted)")
    def post(self, request, pk: int):
        contest = get_object_or_404(Contest, pk=pk)
        values, position, _reason = _split(validated_data(StageInputSerializer, request))
        weights = values.pop("weights", None)
        kind = values["kind"]
        values.setdefault("name_ko", kind.name_ko)
        values.setdefault("name_en", kind.name_en)
        values.setdefault("has_slots", kind.scheduled_slots)
        with refusals_as_400(services.StageRefused):
            stage = services.add_stage(actor=request.user, contest=contest, values=values, position=position,
                                       weights=weights)
        return Response(StageSerializer(stage).data, status=status.HTTP_201_CREATED)


class ContestStageView(UserLanguageMixin, APIView):
    permission_classes = [CanManageReview]

    @extend_schema(tags=["review"], request=StageChangeSerializer, responses=StageSerializer,
                   summary="Change an evaluation stage (until the contest's first sheet is submitted)")
    def patch(self, request, pk: int):
        stage = get_object_or_404(ContestStage.objects.select_related("contest", "kind"), pk=pk)
        data = StageChangeSerializer(data=request.data, partial=True)
        data.is_valid(raise_exception=True)
        values, position, reason = _split(data.validated_data)
        with refusals_as_400(services.StageRefused):
            stage = services.change_stage(actor=request.user, stage=stage, values=values, position=position,
                                          reason=reason)
        return Response(StageSerializer(stage).data)
