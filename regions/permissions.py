"""Who may read the region registry and who may change its designations."""
from django.utils.translation import gettext_lazy as _

from accounts.permissions import is_council, is_signed_in
from core.permissions import ALLOWED, NOT_SIGNED_IN, Decision, deny


def can_view_registry(user) -> Decision:
    """The registry is public knowledge: anyone signed in may browse it."""
    return is_signed_in(user)


def can_import_designations(user) -> Decision:
    if not (user and user.is_authenticated):
        return NOT_SIGNED_IN
    if is_council(user):
        return ALLOWED
    return deny(_("Only council staff import designation lists."))


def can_decide_designation_successor(user) -> Decision:
    """Only the council decides where a designation of an abolished or split unit goes."""
    if not (user and user.is_authenticated):
        return NOT_SIGNED_IN
    if is_council(user):
        return ALLOWED
    return deny(_("Only council staff decide on designations of reorganised local governments."))
