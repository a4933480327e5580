"""DRF glue for the portal's permission predicates: the API asks the same predicates as the pages."""
from collections.abc import Callable

from rest_framework.permissions import BasePermission

from portal.permissions import Decision


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
