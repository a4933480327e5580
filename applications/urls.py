from django.urls import path

from .views import contests, proposals

app_name = "applications"
urlpatterns = [
    path("contests/", contests.ContestListView.as_view(), name="contest-list"),
    path("contests/new/", contests.ContestCreateView.as_view(), name="contest-create"),
    path("contests/<int:pk>/", contests.ContestDetailView.as_view(), name="contest-detail"),
    path("contests/<int:pk>/edit/", contests.ContestUpdateView.as_view(), name="contest-update"),
    path("contests/<int:pk>/eligible/", contests.ContestEligibleView.as_view(), name="contest-eligible"),
    path("contests/<int:pk>/preliminary-selections/", contests.PreliminarySelectionAddView.as_view(),
         name="preliminary-add"),
    path("contests/<int:pk>/preliminary-selections/<int:selection_pk>/remove/",
         contests.PreliminarySelectionRemoveView.as_view(), name="preliminary-remove"),
    path("proposals/", proposals.ProposalListView.as_view(), name="proposal-list"),
    path("proposals/new/", proposals.ProposalCreateView.as_view(), name="proposal-create"),
    path("proposals/<int:pk>/", proposals.ProposalDetailView.as_view(), name="proposal-detail"),
    path("proposals/<int:pk>/edit/", proposals.ProposalUpdateView.as_view(), name="proposal-update"),
    path("proposals/<int:pk>/submit/", proposals.ProposalSubmitView.as_view(), name="proposal-submit"),
    path("proposals/<int:pk>/withdraw/", proposals.ProposalWithdrawView.as_view(), name="proposal-withdraw"),
    path("proposals/<int:pk>/request-correction/", proposals.ProposalCorrectionView.as_view(),
         name="proposal-correction"),
    path("proposals/<int:pk>/versions/", proposals.ProposalVersionsView.as_view(), name="proposal-versions"),
]
