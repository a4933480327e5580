from django.urls import path

from .views import companies, continuation, dashboard, desk, reports, support, tasks

app_name = "tracking"

urlpatterns = [
    path("", dashboard.TaskListView.as_view(), name="task-list"),
    path("dashboard/", dashboard.DashboardView.as_view(), name="dashboard"),
    path("desk/", desk.DeskView.as_view(), name="desk"),
    path("desk/template.xlsx", desk.DeskTemplateView.as_view(), name="desk-template"),
    path("desk/upload/", desk.DeskUploadView.as_view(), name="desk-upload"),
    path("contests/<int:pk>/rows/<slug:table>/", dashboard.RowsView.as_view(), name="rows"),
    path("tasks/<int:pk>/", tasks.TaskDetailView.as_view(), name="task"),
    path("tasks/<int:pk>/status/", tasks.StatusView.as_view(), name="task-status"),
    path("tasks/<int:pk>/agreement/", tasks.AgreementView.as_view(), name="task-agreement"),
    path("tasks/<int:pk>/disbursements/", tasks.DisbursementView.as_view(), name="task-disbursement"),
    path("tasks/<int:pk>/grade/", tasks.GradeView.as_view(), name="task-grade"),
    path("tasks/<int:pk>/condition/", continuation.ConditionView.as_view(), name="task-condition"),
    path("tasks/<int:pk>/continuation/", continuation.ContinuationView.as_view(), name="task-continuation"),
    path("tasks/<int:pk>/plan/", tasks.PlanInclusionView.as_view(), name="task-plan"),
    path("tasks/<int:pk>/milestones/", tasks.MilestoneView.as_view(), name="milestone-add"),
    path("tasks/<int:pk>/milestones/<int:milestone>/", tasks.MilestoneView.as_view(), name="milestone"),
    path("tasks/<int:pk>/support/<slug:line>/", support.SupportRowView.as_view(), name="support-add"),
    path("tasks/<int:pk>/support/<slug:line>/<int:row>/", support.SupportRowView.as_view(), name="support-row"),
    path("tasks/<int:pk>/support/<slug:line>/<int:row>/remove/", support.RemoveSupportRowView.as_view(),
         name="support-remove"),
    path("tasks/<int:pk>/recruitments/", companies.RecruitmentCreateView.as_view(), name="recruitment-add"),
    path("recruitments/<int:pk>/", companies.RecruitmentView.as_view(), name="recruitment"),
    path("applications/<int:pk>/decide/", companies.DecideApplicationView.as_view(), name="application-decide"),
    path("applications/<int:pk>/progress/", companies.CompanyProgressView.as_view(), name="application-progress"),
    path("reports/<int:pk>/", reports.ReportView.as_view(), name="report"),
    path("reports/<int:pk>/review/", reports.ReviewReportView.as_view(), name="report-review"),
    path("reports/<int:pk>/files/<int:file_pk>/", reports.ReportFileView.as_view(), name="report-file"),
    # Public: the page an announcement links to, where companies apply without an account.
    path("recruit/<int:pk>/", companies.ApplyView.as_view(), name="apply"),
]
