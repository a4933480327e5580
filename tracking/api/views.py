"""Tracking's API: selected tasks and their progress reports. Visibility is ``tasks_for_user`` (a task the caller
may not see is a 404); each action asks the predicate its page asks and calls the same service."""
from django.utils.translation import gettext as _
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import mixins, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response

from applications.models import KpiTarget
from core.api.errors import refusals_as_400
from core.api.forms import refuse_repeated_rows, refuse_rows, validated
from core.api.parsers import JSONParser, MultiPartParser
from core.api.permissions import UserLanguageMixin, decision_permission, require
from core.api.serializers import validated_data
from tracking import forms, permissions, selectors, services
from tracking.models import ProgressReport

from .filters import ProgressReportFilter, SelectedTaskFilter
from .serializers import (
    ConditionInputSerializer,
    ContinuationInputSerializer,
    ContinuationSerializer,
    ProgressReportDetailSerializer,
    ProgressReportSerializer,
    ReportFileInputSerializer,
    ReportFileSerializer,
    ReportInputSerializer,
    ReviewInputSerializer,
    SelectedTaskDetailSerializer,
    SelectedTaskSerializer,
    StatusChangeSerializer,
)

CanViewTracking = decision_permission(permissions.can_view_tracking)
REFUSALS = (services.TrackingRefused,)
TAG = ["tracking"]




@extend_schema_view(list=extend_schema(tags=TAG), retrieve=extend_schema(tags=TAG))
class SelectedTaskViewSet(UserLanguageMixin, viewsets.ReadOnlyModelViewSet):
    """The tasks the caller may see, with national funding agreed and paid and the late reports counted."""

    permission_classes = [CanViewTracking]
    filterset_class = SelectedTaskFilter
    ordering_fields = ["id", "opened_at", "title"]

    def get_queryset(self):
        if self.action == "list":
            return selectors.task_list(self.request.user)
        return selectors.with_details(permissions.tasks_for_user(self.request.user)).order_by("pk")

    def get_serializer_class(self):
        return SelectedTaskSerializer if self.action == "list" else SelectedTaskDetailSerializer

    @extend_schema(tags=TAG, request=StatusChangeSerializer, responses=SelectedTaskDetailSerializer,
                   summary="Move the task to another status, with the reason (council)")
    @action(detail=True, methods=["post"], url_path="change-status")
    def change_status(self, request, pk=None):
        task = self.get_object()
        require(permissions.can_manage_task(request.user))
        data = validated_data(StatusChangeSerializer, request)
        with refusals_as_400(*REFUSALS):
            services.change_status(actor=request.user, task=task, status=data["status"], reason=data["reason"])
        return Response(SelectedTaskDetailSerializer(self.get_queryset().get(pk=task.pk)).data)

    @extend_schema(tags=TAG, request=ConditionInputSerializer, responses=SelectedTaskDetailSerializer,
                   summary="Fund the task's years from one on only after a continuation evaluation (council)")
    @action(detail=True, methods=["post"], url_path="continuation-condition")
    def continuation_condition(self, request, pk=None):
        task = self.get_object()
        require(permissions.can_evaluate_continuation(request.user))
        data = validated_data(ConditionInputSerializer, request)
        with refusals_as_400(*REFUSALS):
            services.set_condition(actor=request.user, task=task, from_year=data["from_year"], reason=data["reason"])
        return Response(SelectedTaskDetailSerializer(self.get_queryset().get(pk=task.pk)).data)

    @extend_schema(tags=TAG, request=ContinuationInputSerializer, responses={201: ContinuationSerializer},
                   summary="Record a year's continuation evaluation (계속 지원 평가): continue, reduced or stop "
                           "(council)")
    @action(detail=True, methods=["post"])
    def continuation(self, request, pk=None):
        """A task the caller may not see is a 404; one he sees but may not decide, a 403. The year's national
        line follows the outcome; the lead local government and its province are notified."""
        task = self.get_object()
        require(permissions.can_evaluate_continuation(request.user))
        data = validated_data(ContinuationInputSerializer, request)
        with refusals_as_400(*REFUSALS):
            evaluation = services.record_continuation(
                actor=request.user, task=task, year=data["year"], outcome=data["outcome"],
                national_krw=data.get("national_krw"), reason=data["reason"])
        return Response(ContinuationSerializer(evaluation).data, status=201)


@extend_schema_view(list=extend_schema(tags=TAG), retrieve=extend_schema(tags=TAG))
class ProgressReportViewSet(UserLanguageMixin, mixins.UpdateModelMixin, viewsets.ReadOnlyModelViewSet):
    """Half-year reports of the tasks the caller may see. The lead local government writes and submits; the
    council accepts or returns them."""

    permission_classes = [CanViewTracking]
    filterset_class = ProgressReportFilter
    ordering_fields = ["due_on", "id", "submitted_at"]
    parser_classes = [JSONParser, MultiPartParser]
    http_method_names = ["get", "post", "put", "head", "options"]

    def get_queryset(self):
        visible = permissions.tasks_for_user(self.request.user).values("pk")
        reports = ProgressReport.objects.filter(task__in=visible).select_related("reviewed_by")
        if self.action != "list":
            reports = reports.select_related("task__local_government__province").prefetch_related(
                "kpi_actuals", "attachments", "submissions__submitted_by")
        return reports.order_by("due_on", "task_id", "pk")

    def get_serializer_class(self):
        return ProgressReportSerializer if self.action == "list" else ProgressReportDetailSerializer

    def _answer(self, report) -> Response:
        return Response(ProgressReportDetailSerializer(self.get_queryset().get(pk=report.pk)).data)

    def _authored(self) -> ProgressReport:
        report = self.get_object()
        require(permissions.can_run_task(self.request.user, report.task))
        return report

    @extend_schema(tags=TAG, request=ReportInputSerializer, responses=ProgressReportDetailSerializer,
                   summary="Save the report's narrative and KPI figures (lead local government)")
    def update(self, request, *args, **kwargs):
        report = self._authored()
        data = validated_data(ReportInputSerializer, request)
        indicators = list(KpiTarget.objects.filter(proposal__task=report.task_id).order_by("indicator")
                          .values_list("indicator", flat=True))
        rows = data["actuals"]
        refuse_repeated_rows(rows, lambda row: row["indicator"], "actuals", _("This indicator is listed twice."),
                             field="indicator")
        refuse_rows("actuals", [{} if row["indicator"] in indicators
                                else {"indicator": [_("The proposal set no target for this indicator.")]}
                                for row in rows])
        form = validated(forms.ReportForm({"narrative": data["narrative"],
                                           **{f"kpi_{row['indicator']}": row["actual"] for row in rows}},
                                          indicators=indicators))
        with refusals_as_400(*REFUSALS):
            services.save_report(actor=request.user, report=report, narrative=form.cleaned_data["narrative"],
                                 actuals=form.actuals())
        return self._answer(report)

    @extend_schema(tags=TAG, request={"multipart/form-data": ReportFileInputSerializer},
                   responses={201: ReportFileSerializer}, summary="Attach a file (checked by its content)")
    @action(detail=True, methods=["post"])
    def attachments(self, request, pk=None):
        report = self._authored()
        data = validated_data(ReportFileInputSerializer, request)
        form = validated(forms.ReportForm({"narrative": report.narrative}, {"file": data["file"]}, indicators=[]))
        with refusals_as_400(*REFUSALS):
            attachment = services.add_report_file(actor=request.user, report=report, upload=form.cleaned_data["file"])
        return Response(ReportFileSerializer(attachment).data, status=201)

    @extend_schema(tags=TAG, request=None, responses=ProgressReportDetailSerializer,
                   summary="Submit the report to the council; the submission is kept as sent")
    @action(detail=True, methods=["post"])
    def submit(self, request, pk=None):
        report = self._authored()
        with refusals_as_400(*REFUSALS):
            services.submit_report(actor=request.user, report=report)
        return self._answer(report)

    @extend_schema(tags=TAG, request=ReviewInputSerializer, responses=ProgressReportDetailSerializer,
                   summary="Accept a submitted report, or return it with comments (council)")
    @action(detail=True, methods=["post"])
    def review(self, request, pk=None):
        report = self.get_object()
        require(permissions.can_manage_task(request.user))
        data = validated_data(ReviewInputSerializer, request)
        with refusals_as_400(*REFUSALS):
            services.review_report(actor=request.user, report=report, accept=data["accept"], comment=data["comment"])
        return self._answer(report)
