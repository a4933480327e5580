"""The navigation each role sees. Pages add themselves here as they are built."""
from dataclasses import dataclass

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from accounts.permissions import can_use_admin_site
from accounts.roles import Role
from regions.permissions import can_import_designations


@dataclass(frozen=True)
class NavItem:
    label: str
    url_name: str

    @property
    def url(self) -> str:
        return reverse(self.url_name)


REGISTRY = NavItem(_("Region registry"), "regions:list")
PROVINCES = NavItem(_("Provinces"), "regions:provinces")
IMPORT = NavItem(_("Designation import"), "regions:import")
CONTESTS = NavItem(_("Contests"), "applications:contest-list")
PROPOSALS = NavItem(_("Proposals"), "applications:proposal-list")
MY_REVIEWS = NavItem(_("My reviews"), "reviews:assignment-list")
POOL = NavItem(_("Reviewer pool"), "reviews:pool")
OBJECTIONS = NavItem(_("Objections"), "selection:objection-list")
RE_REVIEWS = NavItem(_("Re-reviews"), "selection:re-review-list")
TASKS = NavItem(_("Selected tasks"), "tracking:task-list")
DASHBOARD = NavItem(_("Dashboard"), "tracking:dashboard")
MINISTRIES = NavItem(_("Ministries"), "ministries:list")

_BY_ROLE = {
    Role.LOCAL_OFFICIAL: [PROPOSALS, TASKS, CONTESTS, OBJECTIONS, REGISTRY],
    Role.PROVINCIAL_OFFICER: [PROPOSALS, TASKS, CONTESTS, PROVINCES, REGISTRY],
    Role.REVIEWER: [MY_REVIEWS, RE_REVIEWS, REGISTRY],
    Role.MINISTRY_STAFF: [TASKS, DASHBOARD, CONTESTS, MINISTRIES, REGISTRY, PROVINCES],
    Role.COUNCIL_STAFF: [CONTESTS, PROPOSALS, POOL, OBJECTIONS, TASKS, DASHBOARD, MINISTRIES, REGISTRY, PROVINCES,
                         IMPORT],
    Role.ADMINISTRATOR: [CONTESTS, PROPOSALS, POOL, OBJECTIONS, TASKS, DASHBOARD, MINISTRIES, REGISTRY, PROVINCES,
                         IMPORT],
}


def items_for(user) -> list[NavItem]:
    if not user.is_authenticated:
        return []
    items = [item for item in _BY_ROLE.get(user.role, [REGISTRY])
             if item is not IMPORT or can_import_designations(user)]
    return items


def shows_admin_link(user) -> bool:
    return bool(can_use_admin_site(user))
