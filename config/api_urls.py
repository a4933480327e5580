"""The REST API, version 1. Every app registers its viewsets here."""
from django.urls import include, path
from rest_framework.routers import DefaultRouter

from accounts.api_auth import TokenView
from applications.api.contests import ContestViewSet
from applications.api.views import ProposalViewSet
from ministries.api.views import MinistryViewSet, SupportLineKindViewSet
from notifications.api.views import NotificationViewSet
from regions.api.imports import DesignationImportViewSet
from regions.api.views import DesignationViewSet, LocalGovernmentViewSet, ProvinceViewSet
from reviews.api.pool import ReviewerPoolViewSet, RubricViewSet
from reviews.api.setup import PanelViewSet
from reviews.api.stages import ContestStagesView, ContestStageView
from reviews.api.views import AssignmentViewSet, ContestResultsView, ScoreSheetViewSet
from selection.api.policy import SelectionPolicyView
from selection.api.views import ObjectionViewSet, ReReviewViewSet, SelectionRunViewSet
from tracking.api.dashboard import ContestDashboardView
from tracking.api.support import SupportLineViewSet, SupportRowViewSet
from tracking.api.views import ProgressReportViewSet, SelectedTaskViewSet

router = DefaultRouter()
router.register("provinces", ProvinceViewSet, basename="province")
router.register("local-governments", LocalGovernmentViewSet, basename="local-government")
router.register("designations", DesignationViewSet, basename="designation")
router.register("ministries", MinistryViewSet, basename="ministry")
router.register("support-line-kinds", SupportLineKindViewSet, basename="support-line-kind")
router.register("designation-imports", DesignationImportViewSet, basename="designation-import")
router.register("contests", ContestViewSet, basename="contest")
router.register("proposals", ProposalViewSet, basename="proposal")
router.register("reviewer-pool", ReviewerPoolViewSet, basename="reviewer")
router.register("panels", PanelViewSet, basename="panel")
router.register("rubrics", RubricViewSet, basename="rubric")
router.register("assignments", AssignmentViewSet, basename="assignment")
router.register("score-sheets", ScoreSheetViewSet, basename="score-sheet")
router.register("selection-runs", SelectionRunViewSet, basename="selection-run")
router.register("objections", ObjectionViewSet, basename="objection")
router.register("re-reviews", ReReviewViewSet, basename="re-review")
router.register("selected-tasks", SelectedTaskViewSet, basename="selected-task")
router.register("progress-reports", ProgressReportViewSet, basename="progress-report")
router.register("support-lines", SupportLineViewSet, basename="support-line")
router.register("notifications", NotificationViewSet, basename="notification")

support_rows = "support-lines/<slug:line_code>/"
urlpatterns = [
    # Every line's rows, whatever lines the registry holds: the line is data, not a route of its own.
    path(support_rows, SupportRowViewSet.as_view({"get": "list", "post": "create"}), name="support-row-list"),
    path(f"{support_rows}<int:pk>/", SupportRowViewSet.as_view({"get": "retrieve", "put": "update"}),
         name="support-row-detail"),
    path(f"{support_rows}<int:pk>/remove/", SupportRowViewSet.as_view({"post": "remove"}),
         name="support-row-remove"),
    path("auth/token/", TokenView.as_view(), name="api-token"),
    path("contests/<int:pk>/results/", ContestResultsView.as_view(), name="api-contest-results"),
    path("contests/<int:pk>/stages/", ContestStagesView.as_view(), name="api-contest-stages"),
    path("contest-stages/<int:pk>/", ContestStageView.as_view(), name="api-contest-stage"),
    path("contests/<int:pk>/dashboard/", ContestDashboardView.as_view(), name="api-contest-dashboard"),
    path("contests/<int:pk>/selection-policy/", SelectionPolicyView.as_view(), name="api-selection-policy"),
    path("", include(router.urls)),
]
