from django.urls import path

from . import views

app_name = "applications"
urlpatterns = [
    path("", views.ContestListView.as_view(), name="contest-list"),
    path("new/", views.ContestCreateView.as_view(), name="contest-create"),
    path("<int:pk>/", views.ContestDetailView.as_view(), name="contest-detail"),
    path("<int:pk>/edit/", views.ContestUpdateView.as_view(), name="contest-update"),
    path("<int:pk>/eligible/", views.ContestEligibleView.as_view(), name="contest-eligible"),
    path("<int:pk>/preliminary-selections/", views.PreliminarySelectionAddView.as_view(),
         name="preliminary-add"),
    path("<int:pk>/preliminary-selections/<int:selection_pk>/remove/", views.PreliminarySelectionRemoveView.as_view(),
         name="preliminary-remove"),
]
