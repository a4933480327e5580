"""Sign-in abuse: whose address a request comes from, and when django-axes locks.

The client address is trusted from ``X-Forwarded-For`` only through the ``TRUSTED_PROXY_COUNT`` reverse
proxies the deployment declares (0 by default: ``REMOTE_ADDR``, and the header is ignored), by Django REST
framework's own rule (``NUM_PROXIES``, set from the same number), so the sign-in page, the token endpoint's
lockout and its throttle and the public forms' limits all see one address.

django-axes locks a username from one address after ``AXES_FAILURE_LIMIT`` failures; :class:`PortalAxesHandler`
also locks an address after ``AXES_ADDRESS_FAILURE_LIMIT`` failures across every account (password
spraying), within the same cool-off.
"""
from axes.attempts import get_cool_off_threshold
from axes.handlers.database import AxesDatabaseHandler
from axes.helpers import get_failure_limit
from axes.models import AccessAttempt
from django.conf import settings
from django.db.models import Sum
from django.http import HttpRequest
from rest_framework.throttling import BaseThrottle, SimpleRateThrottle


def client_address(request: HttpRequest) -> str:
    """The caller's address: ``REMOTE_ADDR``, or the address the last trusted proxy saw (``TRUSTED_PROXY_COUNT``
    entries from the right of ``X-Forwarded-For``)."""
    return BaseThrottle().get_ident(request)


def address_failures(request: HttpRequest) -> int:
    """Failed sign-ins from the request's address within the cool-off, whatever the username. One query."""
    attempts = AccessAttempt.objects.filter(ip_address=request.axes_ip_address)
    if settings.AXES_COOLOFF_TIME is not None:
        attempts = attempts.filter(attempt_time__gte=get_cool_off_threshold(request))
    return attempts.aggregate(total=Sum("failures_since_start"))["total"] or 0


class PortalAxesHandler(AxesDatabaseHandler):
    """axes' database handler, with the address's failures across accounts counted too.

    axes compares one number with one limit; the address's count is offered to it less the headroom its own
    higher limit gives, so a username locks at ``AXES_FAILURE_LIMIT`` and an address at
    ``AXES_ADDRESS_FAILURE_LIMIT``."""

    def get_failures(self, request, credentials: dict | None = None) -> int:
        per_account = super().get_failures(request, credentials)
        headroom = settings.AXES_ADDRESS_FAILURE_LIMIT - get_failure_limit(request, credentials)
        return max(per_account, address_failures(request) - headroom)


def is_locked_out(request) -> bool:
    """Whether axes refused (or just locked) the sign-in made with ``request``."""
    return bool(getattr(request, "axes_locked_out", False))


class AddressRateThrottle(SimpleRateThrottle):
    """DRF's rate throttle for a plain Django view, counted per client address (``client_address``) under a
    scope whose rate is in ``REST_FRAMEWORK["DEFAULT_THROTTLE_RATES"]``. Every call of ``allow`` counts."""

    def __init__(self, scope: str):
        self.scope = scope
        super().__init__()

    def get_cache_key(self, request, view) -> str:
        return self.cache_format % {"scope": self.scope, "ident": client_address(request)}

    def allow(self, request: HttpRequest) -> bool:
        return self.allow_request(request, None)

    def minutes_to_wait(self) -> int:
        return max(1, -(-int(self.wait() or 0) // 60))
