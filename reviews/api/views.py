"""The review's API: assignments and score sheets (reviewers their own, the council all), the explicit
actions that change them, and a contest's results (council). Same predicates and services as the pages."""
from django.db.models import F, OuterRef, Subquery
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import mixins, status, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import PermissionDenied, ValidationError
from rest_framework.response import Response
from rest_framework.views import APIView

from applications.models import Contest, ContestStage
from core.api.errors import refusals_as_400
from core.api.permissions import UserLanguageMixin, decision_permission
from core.api.serializers import ReasonSerializer
from reviews import permissions, selectors, services
from reviews.services.panels import check_stage

from .serializers import (
    AssignmentSerializer,
    RankedResultSerializer,
    ScoreSheetSerializer,
    SheetInputSerializer,
)


def can_use_review_api(user):
    """Reviewers (their own work) and the council (everything); nobody else."""
    council = permissions.can_manage_review(user)
    return council if council else permissions.can_review(user)


CanUseReviewApi = decision_permission(can_use_review_api)
CanManageReview = decision_permission(permissions.can_manage_review)


REFUSALS = (services.AssignmentRefused, services.ScoringRefused)


def _require_reviewer(assignment, user) -> None:
    """Council staff read every assignment and sheet through the API, but only the reviewer acts on his own."""
    if assignment.reviewer.user_id != user.pk:
        raise PermissionDenied(_("Only the assigned reviewer does this."))


@extend_schema_view(list=extend_schema(tags=["review"]), retrieve=extend_schema(tags=["review"]))
class AssignmentViewSet(UserLanguageMixin, viewsets.ReadOnlyModelViewSet):
    permission_classes = [CanUseReviewApi]
    serializer_class = AssignmentSerializer
    filterset_fields = ["panel", "status", "proposal"]
    ordering_fields = ["due_at", "id"]

    def get_queryset(self):
        return selectors.assignments_visible_to(self.request.user)

    def _own(self):
        assignment = self.get_object()
        _require_reviewer(assignment, self.request.user)
        return assignment

    @extend_schema(tags=["review"], request=None, responses=AssignmentSerializer,
                   summary="Sign the confidentiality pledge and confirm no conflict")
    @action(detail=True, methods=["post"])
    def pledge(self, request, pk=None):
        with refusals_as_400(*REFUSALS):
            assignment = services.sign_pledge(actor=request.user, assignment=self._own())
        return Response(AssignmentSerializer(self.get_queryset().get(pk=assignment.pk)).data)

    @extend_schema(tags=["review"], request=ReasonSerializer, responses=AssignmentSerializer,
                   summary="Declare a conflict of interest: the assignment is withdrawn")
    @action(detail=True, methods=["post"], url_path="declare-conflict")
    def declare_conflict(self, request, pk=None):
        data = ReasonSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        with refusals_as_400(*REFUSALS):
            assignment = services.declare_conflict(actor=request.user, assignment=self._own(),
                                                   reason=data.validated_data["reason"])
        return Response(AssignmentSerializer(assignment).data)

    @extend_schema(tags=["review"], request=SheetInputSerializer, responses=ScoreSheetSerializer,
                   summary="Save the draft score sheet")
    @action(detail=True, methods=["put"])
    def sheet(self, request, pk=None):
        assignment = self._own()
        data = SheetInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        scores = data.validated_data["scores"]
        with refusals_as_400(*REFUSALS):
            sheet = services.save_sheet(actor=request.user, assignment=assignment,
                                        points={score["criterion"]: score["points"] for score in scores},
                                        comments={score["criterion"]: score["comment"] for score in scores},
                                        overall_comment=data.validated_data["overall_comment"])
        return Response(ScoreSheetSerializer(sheet).data)


@extend_schema_view(list=extend_schema(tags=["review"]), retrieve=extend_schema(tags=["review"]))
class ScoreSheetViewSet(UserLanguageMixin, mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    permission_classes = [CanUseReviewApi]
    serializer_class = ScoreSheetSerializer
    filterset_fields = ["status", "assignment__panel"]
    ordering_fields = ["submitted_at", "id"]

    def get_queryset(self):
        return selectors.sheets_visible_to(self.request.user).prefetch_related("scores__criterion").order_by("pk")

    @extend_schema(tags=["review"], request=None, responses=ScoreSheetSerializer,
                   summary="Submit the sheet: it is locked until the council reopens it")
    @action(detail=True, methods=["post"])
    def submit(self, request, pk=None):
        sheet = self.get_object()
        _require_reviewer(sheet.assignment, request.user)
        with refusals_as_400(*REFUSALS):
            sheet = services.submit_sheet(actor=request.user, assignment=sheet.assignment)
        return Response(ScoreSheetSerializer(self.get_queryset().get(pk=sheet.pk)).data)

    @extend_schema(tags=["review"], request=ReasonSerializer, responses=ScoreSheetSerializer,
                   summary="Reopen a submitted sheet (council), with the reason kept in its history")
    @action(detail=True, methods=["post"], permission_classes=[CanManageReview])
    def reopen(self, request, pk=None):
        data = ReasonSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        with refusals_as_400(*REFUSALS):
            sheet = services.reopen_sheet(actor=request.user, sheet=self.get_object(),
                                          reason=data.validated_data["reason"])
        return Response(ScoreSheetSerializer(self.get_queryset().get(pk=sheet.pk)).data, status=status.HTTP_200_OK)


class ContestResultsView(UserLanguageMixin, APIView):
    """Every panel's ranking for a contest, as on the ranking pages (council), read through the same
    visibility rule as the pages (``results_visible_to``)."""

    permission_classes = [CanManageReview]

    @extend_schema(tags=["review"], responses=RankedResultSerializer(many=True),
                   parameters=[OpenApiParameter("stage", str, description="Only this stage (its code).")])
    def get(self, request, pk: int):
        contest = get_object_or_404(Contest, pk=pk)
        wanted = request.query_params.get("stage")
        if wanted is not None:
            try:
                check_stage(contest, wanted)
            except services.AssignmentRefused as error:
                raise ValidationError({"stage": [str(error)]}) from error
        # the stages with a rubric, in the contest's order (one query)
        position = ContestStage.objects.filter(contest=contest, code=OuterRef("stage")).values("position")[:1]
        codes = (contest.rubrics.annotate(position=Subquery(position))
                 .order_by(F("position").asc(nulls_last=True), "stage").values_list("stage", flat=True))
        rows = []
        for stage in [code for code in codes if wanted in (None, code)]:
            for panel, results in selectors.stage_results(contest, stage).panels.items():
                if not permissions.can_view_results(request.user, panel):
                    continue
                results = selectors.results_visible_to(request.user, panel, results)
                rows.extend({**result.__dict__, "panel_id": panel.pk, "stage": panel.stage} for result in results)
        return Response(RankedResultSerializer(rows, many=True).data)
