from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView

from accounts.forms import PortalLoginForm
from core.metrics import metrics
from portal import views as portal_views
from tracking.views import public as public_results

urlpatterns = [
    path("", portal_views.home, name="home"),
    path("accounts/login/", auth_views.LoginView.as_view(authentication_form=PortalLoginForm,
                                                         redirect_authenticated_user=True), name="login"),
    path("accounts/logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("accounts/password/", auth_views.PasswordChangeView.as_view(), name="password_change"),
    path("accounts/password/done/", auth_views.PasswordChangeDoneView.as_view(), name="password_change_done"),
    path("language/", portal_views.switch_language, name="set_language"),
    path("healthz", portal_views.healthz, name="healthz"),
    # Browsers and crawlers ask for /favicon.ico whatever the page says; the page names the SVG.
    path("favicon.ico", portal_views.favicon, name="favicon"),
    path("metrics", metrics, name="metrics"),
    path("regions/", include("regions.urls")),
    path("ministries/", include("ministries.urls")),
    path("", include("applications.urls")),
    path("reviews/", include("reviews.urls")),
    path("selection/", include("selection.urls")),
    path("notifications/", include("notifications.urls")),
    path("tracking/", include("tracking.urls")),
    path("results/", public_results.PublicResultsView.as_view(), name="public-results"),
    path("results/selected-tasks.csv", public_results.public_results_download, {"file_format": "csv"},
         name="public-results-csv"),
    path("results/selected-tasks.xlsx", public_results.public_results_download, {"file_format": "xlsx"},
         name="public-results-xlsx"),
    path("results/selected-tasks.json", public_results.public_results_download, {"file_format": "json"},
         name="public-results-json"),
    path("api/v1/", include("config.api_urls")),
    path("api/schema/", SpectacularAPIView.as_view(), name="api-schema"),
    # the split view serves Swagger UI's start-up script as a file, which the Content-Security-Policy allows
    path("api/docs/", SpectacularSwaggerSplitView.as_view(url_name="api-schema"), name="api-docs"),
    path("admin/", admin.site.urls),
]
