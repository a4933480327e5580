"""The shape every permission predicate in the portal answers in.

A predicate returns a :class:`Decision`: truthy when allowed, and when refused it
carries a reason the user can read. Views, the API and querysets ask the same
predicates; this module only gives them a common form and the view glue.
"""
from dataclasses import dataclass

from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class Decision:
    allowed: bool
    reason: str | Promise = ""

    def __bool__(self) -> bool:
        return self.allowed


ALLOWED = Decision(True)


def deny(reason: str | Promise) -> Decision:
    return Decision(False, reason)


def refuse_unless(decision: Decision, refused: type[Exception]) -> None:
    """Raise ``refused`` with the decision's reason unless it allows.

    How a service asks the same predicate the page and the API ask, instead of restating its rule: the
    allowed states and the message live once, in the app's ``permissions.py``.
    """
    if not decision:
        raise refused(str(decision.reason))


NOT_SIGNED_IN = deny(_("You must sign in first."))


class DecisionRequiredMixin(LoginRequiredMixin):
    """Refuse the view with 403 and the predicate's reason unless ``decide`` allows it."""

    def decide(self, user) -> Decision:
        raise NotImplementedError

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return self.handle_no_permission()
        decision = self.decide(request.user)
        if not decision:
            raise PermissionDenied(decision.reason)
        return super().dispatch(request, *args, **kwargs)
