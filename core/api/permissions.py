"""DRF glue for the portal's permission predicates: the API asks the same predicates as the pages."""
from collections.abc import Callable

from django.utils import translation
from rest_framework.exceptions import PermissionDenied
from rest_framework.permissions import BasePermission

from core.middleware import chosen_language
from core.permissions import Decision


def decision_permission(predicate: Callable[[object], Decision]) -> type[BasePermission]:
    """A DRF permission class that allows a request when ``predicate(user)`` does, and says why not."""

    class DecisionPermission(BasePermission):
        def has_permission(self, request, view) -> bool:
            decision = predicate(request.user)
            if not decision:
                self.message = str(decision.reason)
            return bool(decision)

    DecisionPermission.__name__ = f"Permission_{predicate.__name__}"
    return DecisionPermission


def require(decision: Decision) -> None:
    """A 403 that says why, where a predicate refuses an action on an object the caller may see."""
    if not decision:
        raise PermissionDenied(str(decision.reason))


class UserLanguageMixin:
    """Answer in the language the caller chose. The locale middleware runs before DRF authenticates a token,
    so the account's preference is applied again once the user is known."""

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        translation.activate(chosen_language(request))
