from drf_spectacular.utils import extend_schema
from rest_framework.authtoken.views import ObtainAuthToken
from rest_framework.throttling import ScopedRateThrottle


@extend_schema(tags=["auth"], summary="Exchange username and password for an API token")
class TokenView(ObtainAuthToken):
    """Token for officials' systems. Throttled, and subject to the same lockout as the sign-in page."""

    throttle_classes = [ScopedRateThrottle]
    throttle_scope = "auth"
