"""The Prometheus metrics of this process (django-prometheus), for the administrators or a scraper's token.

Two doors, one page: a signed-in user the admin site lets in (`admin.site.has_permission`: active staff),
or `Authorization: Bearer <PORTAL_METRICS_TOKEN>` from the environment (no token set: that door is shut).
Under gunicorn each worker process keeps its own counters; with `PROMETHEUS_MULTIPROC_DIR` set (the compose
file and `config/gunicorn.py` do) the page adds up every process of the node.
"""
import hmac

from django.conf import settings
from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse, HttpResponseForbidden
from django.views.decorators.cache import never_cache
from django_prometheus.exports import ExportToDjangoView


def token_matches(request: HttpRequest) -> bool:
    """True when a token is configured and the request's bearer token equals it (constant-time)."""
    expected = settings.PORTAL_METRICS_TOKEN
    presented = request.headers.get("Authorization", "").removeprefix("Bearer ").strip()
    return bool(expected) and hmac.compare_digest(presented.encode(), expected.encode())


@never_cache
def metrics_for_token(request: HttpRequest) -> HttpResponse:
    """The scraper's door: answered before host validation, like /healthz (`portal.health.ProbeMiddleware`)."""
    if request.method not in ("GET", "HEAD") or not token_matches(request):
        return HttpResponseForbidden("metrics: wrong or missing token\n", content_type="text/plain")
    return ExportToDjangoView(request)


@never_cache
def metrics(request: HttpRequest) -> HttpResponse:
    """The administrators' door: the admin site's own access rule."""
    if not admin.site.has_permission(request):
        raise PermissionDenied
    return ExportToDjangoView(request)
