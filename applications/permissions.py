"""Who may see and change contests. Proposals' predicates join these as they are built."""
from django.utils.translation import gettext_lazy as _

from accounts.permissions import is_council
from portal.permissions import ALLOWED, NOT_SIGNED_IN, Decision, deny


def can_view_contests(user) -> Decision:
    """A contest's announcement, schedule and eligibility are public to every signed-in user."""
    if user and user.is_authenticated and user.is_active:
        return ALLOWED
    return NOT_SIGNED_IN


def can_manage_contests(user) -> Decision:
    if not (user and user.is_authenticated):
        return NOT_SIGNED_IN
    if is_council(user):
        return ALLOWED
    return deny(_("Only council staff create and change contests."))
