"""What the portal's probes ask: the database, the broker, the cache and the outbox.

`/healthz` (for the proxy and the containers' health checks) and `manage.py healthcheck` (for the Celery
containers) read the same `report()`. The probe answers whatever host name it is asked by: a container
probes itself as 127.0.0.1 and a proxy by the replica's address, neither of which is in `ALLOWED_HOSTS`
once the real domain is set, so `ProbeMiddleware` answers `/healthz` before `CommonMiddleware` validates
the host (and `/metrics` when a bearer token is presented; see `core.metrics`).
"""
import uuid

from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.http import JsonResponse

OK, DOWN = "ok", "down"


def check_database() -> str:
    """``ok`` when a query runs, else ``down``."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
        return OK
    except Exception:  # any database failure means unhealthy
        return DOWN


def check_broker() -> str:
    """``ok`` when the Celery broker takes a connection, ``down`` if not, ``eager`` without a broker."""
    if not settings.CELERY_BROKER_URL:
        return "eager"
    from config.celery import app

    try:
        with app.connection_for_write() as conn:
            conn.ensure_connection(max_retries=1, timeout=2)
        return OK
    except Exception:  # a broker that cannot be reached, for whatever reason
        return DOWN


def check_cache() -> str:
    """``ok`` when a value written to the cache reads back, else ``down``.

    A cache that is down does not make the portal unhealthy (pages are then rendered, see
    `core.page_cache`), so it is reported but does not turn the answer into a 503.
    """
    key, value = "portal:healthz", uuid.uuid4().hex
    try:
        cache.set(key, value, 30)
        return OK if cache.get(key) == value else DOWN
    except Exception:  # Redis refusing, timing out or answering nonsense
        return DOWN


def oldest_pending_outbox_age_seconds() -> float | None:
    """Seconds the oldest pending outbox work has waited (issue 22's outbox), None when nothing is pending.

    Reported, not judged: a few seconds is normal, minutes mean the broker or every worker is down, which the
    broker check or the workers' own health checks say.
    """
    from outbox.selectors import oldest_pending_age

    try:
        age = oldest_pending_age()
    except Exception:  # the database is down: check_database says so
        return None
    return None if age is None else round(age.total_seconds(), 1)


def report() -> tuple[dict, bool]:
    """The probe's answer: ``({"database", "broker", "cache", "outbox_oldest_pending_seconds"}, healthy)``.

    Healthy means the database answers and the broker does (or tasks run eagerly).
    """
    status = {"database": check_database(), "broker": check_broker(), "cache": check_cache(),
              "outbox_oldest_pending_seconds": oldest_pending_outbox_age_seconds()}
    healthy = status["database"] == OK and status["broker"] != DOWN
    return status, healthy


def healthz_response() -> JsonResponse:
    status, healthy = report()
    return JsonResponse(status, status=200 if healthy else 503)


class ProbeMiddleware:
    """First in the stack: answers the machines' probes without host validation, session or CSRF."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path == "/healthz" and request.method in ("GET", "HEAD"):
            return healthz_response()
        if request.path == "/metrics" and request.headers.get("Authorization", "").startswith("Bearer "):
            from core.metrics import metrics_for_token

            return metrics_for_token(request)
        return self.get_response(request)
