from django.urls import path

from .views import council, objections, papers

app_name = "selection"

urlpatterns = [
    path("contests/<int:pk>/", council.ContestSelectionView.as_view(), name="contest"),
    path("contests/<int:pk>/policy/", council.PolicyView.as_view(), name="policy"),
    path("contests/<int:pk>/runs/", council.StartRunView.as_view(), name="run-start"),
    path("runs/<int:pk>/", council.RunDetailView.as_view(), name="run"),
    path("runs/<int:pk>/fail/", council.FailStalledRunView.as_view(), name="run-fail"),
    path("runs/<int:pk>/approve/", council.ApproveRunView.as_view(), name="run-approve"),
    path("runs/<int:pk>/publish/", council.PublishRunView.as_view(), name="run-publish"),
    path("runs/<int:pk>/confirm/", council.ConfirmRunView.as_view(), name="run-confirm"),
    path("runs/<int:pk>/decisions.xlsx", council.RunExportView.as_view(), name="run-export"),
    path("decisions/<int:pk>/adjust/", council.DecisionAdjustView.as_view(), name="decision-adjust"),
    path("decisions/<int:pk>/letter.pdf", papers.DecisionLetterView.as_view(), name="decision-letter"),
    path("decisions/<int:pk>/objection/", objections.ObjectionCreateView.as_view(), name="objection-create"),
    path("objections/", objections.ObjectionListView.as_view(), name="objection-list"),
    path("objections/<int:pk>/", objections.ObjectionDetailView.as_view(), name="objection-detail"),
    path("objections/<int:pk>/re-review/", objections.ReReviewRequestView.as_view(), name="objection-re-review"),
    path("objections/<int:pk>/decide/", objections.DecideObjectionView.as_view(), name="objection-decide"),
    path("objections/<int:pk>/files/<int:file_pk>/", objections.ObjectionFileView.as_view(), name="objection-file"),
    path("re-reviews/", objections.ReReviewListView.as_view(), name="re-review-list"),
    path("re-reviews/<int:pk>/", objections.ReReviewView.as_view(), name="re-review"),
    path("re-reviews/<int:pk>/pledge/", objections.ReReviewPledgeView.as_view(), name="re-review-pledge"),
    path("re-reviews/<int:pk>/conflict/", objections.ReReviewConflictView.as_view(), name="re-review-conflict"),
    path("re-reviews/<int:pk>/files/<int:file_pk>/", objections.ReReviewFileView.as_view(),
         name="re-review-file"),
]
