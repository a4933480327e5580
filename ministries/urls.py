from django.urls import path

from . import setup_views, views

app_name = "ministries"

urlpatterns = [
    path("", views.MinistryListView.as_view(), name="list"),
    path("<str:code>/lines/new/", setup_views.LineKindCreateView.as_view(), name="line-create"),
    path("lines/<str:line_code>/measures/new/", setup_views.MeasureAddView.as_view(), name="measure-add"),
    path("lines/<str:line_code>/measures/<str:measure>/remove/", setup_views.MeasureRemoveView.as_view(),
         name="measure-remove"),
    path("lines/<str:line_code>/rules/", setup_views.RulesView.as_view(), name="rules"),
    path("lines/<str:line_code>/rules/remove/", setup_views.RuleRemoveView.as_view(), name="rule-remove"),
]
