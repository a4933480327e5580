from django.urls import path

from . import views

app_name = "ministries"

urlpatterns = [
    path("", views.MinistryListView.as_view(), name="list"),
]
