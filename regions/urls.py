from django.urls import path

from . import views

app_name = "regions"
urlpatterns = [
    path("", views.LocalGovernmentListView.as_view(), name="list"),
    path("provinces/", views.ProvinceListView.as_view(), name="provinces"),
    path("local-governments/<int:pk>/", views.LocalGovernmentDetailView.as_view(), name="detail"),
    path("designations/import/", views.DesignationImportView.as_view(), name="import"),
]
