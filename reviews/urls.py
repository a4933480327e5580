from django.urls import path

from .views import council, files, papers, results, reviewer, stages

app_name = "reviews"
urlpatterns = [
    path("", reviewer.AssignmentListView.as_view(), name="assignment-list"),
    path("assignments/<int:pk>/", reviewer.AssignmentDetailView.as_view(), name="assignment-detail"),
    path("assignments/<int:pk>/pledge/", reviewer.PledgeView.as_view(), name="assignment-pledge"),
    path("assignments/<int:pk>/conflict/", reviewer.ConflictView.as_view(), name="assignment-conflict"),
    path("assignments/<int:pk>/sheet/", reviewer.SheetView.as_view(), name="assignment-sheet"),
    path("assignments/<int:pk>/files.zip", files.AssignmentFilesZipView.as_view(), name="assignment-files-zip"),
    path("pool/", council.PoolView.as_view(), name="pool"),
    path("contests/<int:pk>/", council.ContestReviewView.as_view(), name="contest-review"),
    path("contests/<int:pk>/stages/", stages.ContestStagesView.as_view(), name="contest-stages"),
    path("stages/<int:pk>/", stages.StageChangeView.as_view(), name="stage-change"),
    path("contests/<int:pk>/panels/new/", council.PanelCreateView.as_view(), name="panel-create"),
    path("panels/<int:pk>/", council.PanelDetailView.as_view(), name="panel-detail"),
    path("panels/<int:pk>/proposals/", council.AddProposalsView.as_view(), name="panel-add-proposals"),
    path("panels/<int:pk>/assign/", council.ManualAssignView.as_view(), name="panel-assign"),
    path("panels/<int:pk>/assign-automatically/", council.AutomaticAssignView.as_view(), name="panel-assign-auto"),
    path("panels/<int:pk>/deadline/", council.DeadlineView.as_view(), name="panel-deadline"),
    path("panels/<int:pk>/slots/", council.PresentationSlotView.as_view(), name="panel-slot"),
    path("panels/<int:pk>/schedule.xlsx", results.ScheduleExportView.as_view(), name="panel-schedule"),
    path("panels/<int:pk>/results/", results.PanelResultsView.as_view(), name="panel-results"),
    path("panels/<int:pk>/results.xlsx", results.PanelResultsExportView.as_view(), name="panel-results-export"),
    path("panels/<int:pk>/sign-off/", results.SignOffView.as_view(), name="panel-sign-off"),
    path("sheets/<int:pk>/", council.SheetDetailView.as_view(), name="sheet-detail"),
    path("sheets/<int:pk>/sheet.pdf", papers.SheetPaperView.as_view(), name="sheet-pdf"),
    path("panels/<int:pk>/results.pdf", papers.PanelResultsPaperView.as_view(), name="panel-results-pdf"),
]
