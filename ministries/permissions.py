"""Who may see and change the ministries and their support lines. Pages, the API and the services ask these."""
from django.utils.translation import gettext_lazy as _

from accounts.permissions import is_council, is_signed_in
from core.permissions import ALLOWED, NOT_SIGNED_IN, Decision, deny


def can_view_ministries(user) -> Decision:
    """Which ministries take part and what each line counts is no secret to anyone signed in."""
    return is_signed_in(user)


def can_manage_ministries(user) -> Decision:
    """Adding a ministry or a support line: council staff and administrators."""
    if not is_signed_in(user):
        return NOT_SIGNED_IN
    if is_council(user):
        return ALLOWED
    return deny(_("Only council staff add ministries and support lines."))
