"""``/api/v1/auth/token/``: a token for officials' systems in exchange for a username and password (POST),
revoked by its owner (DELETE). Tokens are django-rest-knox's (``accounts.tokens``): they expire, end at a
password change and at sign-out. The exchange is throttled per client address (``accounts.signin``), and
under the sign-in page's lockout it answers 429 saying so."""
from django.conf import settings
from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiResponse, extend_schema, inline_serializer
from knox.models import AuthToken
from rest_framework import serializers, status
from rest_framework.authentication import SessionAuthentication
from rest_framework.authtoken.serializers import AuthTokenSerializer
from rest_framework.permissions import AllowAny, IsAuthenticated
from rest_framework.response import Response
from rest_framework.throttling import ScopedRateThrottle
from rest_framework.views import APIView

from accounts.signin import is_locked_out
from accounts.tokens import PortalTokenAuthentication, issue_token, revoke_all_tokens, revoke_token

TokenResponse = inline_serializer("IssuedToken", {
    "token": serializers.CharField(help_text="Send as `Authorization: Token <token>`; shown only once."),
    "expiry": serializers.DateTimeField(allow_null=True)})


def locked_out_message() -> str:
    minutes = round(float(settings.AXES_COOLOFF_TIME) * 60)
    return _("Sign-in is locked after repeated failures (for this account, or from your address across "
             "accounts); try again in %(minutes)d minutes.") % {"minutes": minutes}


class TokenView(APIView):
    authentication_classes = [SessionAuthentication, PortalTokenAuthentication]
    throttle_classes = [ScopedRateThrottle]
    throttle_scope = "auth"

    def get_permissions(self):
        return [AllowAny()] if self.request.method == "POST" else [IsAuthenticated()]

    @extend_schema(tags=["auth"], summary="Exchange username and password for an API token",
                   request=AuthTokenSerializer,
                   responses={200: TokenResponse, 400: OpenApiResponse(description="wrong credentials"),
                              429: OpenApiResponse(description="locked out or throttled")})
    def post(self, request):
        data = AuthTokenSerializer(data=request.data, context={"request": request})
        if not data.is_valid():
            if is_locked_out(request):
                return Response({"detail": locked_out_message()}, status=status.HTTP_429_TOO_MANY_REQUESTS)
            return Response(data.errors, status=status.HTTP_400_BAD_REQUEST)
        token, secret = issue_token(data.validated_data["user"])
        return Response({"token": secret, "expiry": token.expiry})

    @extend_schema(tags=["auth"], summary="Revoke the token this request carries (with a session: all yours)",
                   request=None, responses={204: None})
    def delete(self, request):
        if isinstance(request.auth, AuthToken):
            revoke_token(request.auth)
        else:
            revoke_all_tokens(request.user)
        return Response(status=status.HTTP_204_NO_CONTENT)
