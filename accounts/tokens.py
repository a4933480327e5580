"""API tokens (django-rest-knox): kept only as digests, each expiring ``API_TOKEN_TTL_HOURS`` after it is
issued; every token of a user ends when his password changes or he signs out, and the owner revokes a
token with ``DELETE /api/v1/auth/token/``."""
from django.contrib.auth.signals import user_logged_out
from django.db.models.signals import pre_save
from django.utils import timezone
from django.utils.translation import gettext as _
from drf_spectacular.contrib.knox_auth_token import KnoxTokenScheme
from knox.auth import TokenAuthentication
from knox.models import AuthToken
from rest_framework import exceptions


class PortalTokenAuthentication(TokenAuthentication):
    """knox's ``Authorization: Token <secret>``, with a secret that is not ASCII refused as a wrong token (401).
    knox decoded it as UTF-8 unchecked: a header carrying byte 0xE9 (``Token é``) raised UnicodeDecodeError,
    a 500 on every endpoint of the API."""

    def authenticate_credentials(self, token: bytes):
        if not token.isascii():
            raise exceptions.AuthenticationFailed(_("Invalid token."))
        return super().authenticate_credentials(token)


class PortalTokenScheme(KnoxTokenScheme):
    """The API schema's description of ``PortalTokenAuthentication``: knox's own (``Authorization: Token …``),
    registered for the subclass so ``/api/v1/schema/`` names it and generates without a warning."""

    target_class = PortalTokenAuthentication


def issue_token(user) -> tuple[AuthToken, str]:
    """A new token for ``user`` (its expired ones cleared first): the stored row and the secret, which is
    shown once and never stored."""
    AuthToken.objects.filter(user=user, expiry__lt=timezone.now()).delete()
    return AuthToken.objects.create(user=user)


def revoke_token(token: AuthToken) -> None:
    token.delete()


def revoke_all_tokens(user) -> int:
    """Ends every API token of ``user``; how many there were."""
    deleted, _ = AuthToken.objects.filter(user=user).delete()
    return deleted


def revoke_on_password_change(sender, instance, **kwargs) -> None:
    """``set_password`` keeps the new raw password until the user is saved: a change of a stored user
    ends his tokens (the page, the admin and ``changepassword`` alike)."""
    if instance.pk is not None and getattr(instance, "_password", None) is not None:
        revoke_all_tokens(instance)


def revoke_on_logout(sender, request, user, **kwargs) -> None:
    if user is not None:
        revoke_all_tokens(user)


def connect() -> None:
    from django.contrib.auth import get_user_model

    pre_save.connect(revoke_on_password_change, sender=get_user_model(), dispatch_uid="tokens-password-change")
    user_logged_out.connect(revoke_on_logout, dispatch_uid="tokens-logout")
