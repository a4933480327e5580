"""The REST API, version 1. Every app registers its viewsets here."""
from django.urls import include, path
from rest_framework.routers import DefaultRouter

from portal.api.auth import TokenView
from regions.api.views import DesignationViewSet, LocalGovernmentViewSet, ProvinceViewSet

router = DefaultRouter()
router.register("provinces", ProvinceViewSet, basename="province")
router.register("local-governments", LocalGovernmentViewSet, basename="local-government")
router.register("designations", DesignationViewSet, basename="designation")

urlpatterns = [
    path("auth/token/", TokenView.as_view(), name="api-token"),
    path("", include(router.urls)),
]
