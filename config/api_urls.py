"""The REST API, version 1. Every app registers its viewsets here."""
from django.urls import include, path
from rest_framework.routers import DefaultRouter

from applications.api.views import ContestViewSet, ProposalViewSet
from ministries.api.views import MinistryViewSet
from notifications.api.views import NotificationViewSet
from portal.api.auth import TokenView
from regions.api.views import DesignationViewSet, LocalGovernmentViewSet, ProvinceViewSet
from reviews.api.views import AssignmentViewSet, ContestResultsView, ScoreSheetViewSet
from selection.api.views import ObjectionViewSet, SelectionRunViewSet
from tracking.api.support import SupportLineViewSet, row_viewset
from tracking.api.views import ProgressReportViewSet, SelectedTaskViewSet
from tracking.support_lines import LINES

router = DefaultRouter()
router.register("provinces", ProvinceViewSet, basename="province")
router.register("local-governments", LocalGovernmentViewSet, basename="local-government")
router.register("designations", DesignationViewSet, basename="designation")
router.register("ministries", MinistryViewSet, basename="ministry")
router.register("contests", ContestViewSet, basename="contest")
router.register("proposals", ProposalViewSet, basename="proposal")
router.register("assignments", AssignmentViewSet, basename="assignment")
router.register("score-sheets", ScoreSheetViewSet, basename="score-sheet")
router.register("selection-runs", SelectionRunViewSet, basename="selection-run")
router.register("objections", ObjectionViewSet, basename="objection")
router.register("selected-tasks", SelectedTaskViewSet, basename="selected-task")
router.register("progress-reports", ProgressReportViewSet, basename="progress-report")
# A line's rows before the list of lines, so that support-lines/<code>/ reaches the rows.
for code, line in LINES.items():
    router.register(f"support-lines/{code}", row_viewset(line), basename=f"support-{code}")
router.register("support-lines", SupportLineViewSet, basename="support-line")
router.register("notifications", NotificationViewSet, basename="notification")

urlpatterns = [
    path("auth/token/", TokenView.as_view(), name="api-token"),
    path("contests/<int:pk>/results/", ContestResultsView.as_view(), name="api-contest-results"),
    path("", include(router.urls)),
]
