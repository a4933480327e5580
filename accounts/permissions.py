"""Who a user is, in the portal's terms. Other apps' predicates build on these."""
from django.utils.translation import gettext_lazy as _

from core.permissions import ALLOWED, NOT_SIGNED_IN, Decision, deny

from .roles import Role


def has_role(user, *roles: str) -> bool:
    return bool(user and user.is_authenticated and user.is_active and user.role in roles)


def is_council(user) -> bool:
    """Council staff, and administrators who may act for the council."""
    return has_role(user, Role.COUNCIL_STAFF, Role.ADMINISTRATOR)


def is_local_official(user) -> bool:
    return has_role(user, Role.LOCAL_OFFICIAL) and user.local_government_id is not None


def is_provincial_officer(user) -> bool:
    return has_role(user, Role.PROVINCIAL_OFFICER) and user.province_id is not None


def is_ministry_staff(user) -> bool:
    return has_role(user, Role.MINISTRY_STAFF) and user.ministry_id is not None


def is_reviewer(user) -> bool:
    return has_role(user, Role.REVIEWER)


def is_signed_in(user) -> Decision:
    """Allowed for any active signed-in user: the base of everything public within the portal."""
    if user and user.is_authenticated and user.is_active:
        return ALLOWED
    return NOT_SIGNED_IN


def can_use_admin_site(user) -> Decision:
    if not (user and user.is_authenticated):
        return NOT_SIGNED_IN
    if user.is_active and user.is_staff and user.role == Role.ADMINISTRATOR:
        return ALLOWED
    return deny(_("Only administrators use the administration site."))
