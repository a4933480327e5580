"""What each role sees first after signing in: the context of its landing page."""
from django.contrib.auth import get_user_model
from django.db.models import Count, Prefetch, prefetch_related_objects
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts.roles import Role
from applications.selectors import (
    all_designations,
    contests_for_overview,
    designations_held_by,
    eligibility_for_contests,
    eligible_counts,
)
from applications.window import WindowState, window_of
from regions.models import DesignationKind, LocalGovernmentPeriod
from regions.selectors import (
    count_designations,
    in_province_on,
    local_governments_for_registry,
    recent_designation_imports,
)
from reviews.selectors import workload_of

TEMPLATES = {
    Role.LOCAL_OFFICIAL: "portal/landing/local_official.html",
    Role.PROVINCIAL_OFFICER: "portal/landing/provincial_officer.html",
    Role.REVIEWER: "portal/landing/reviewer.html",
    Role.MINISTRY_STAFF: "portal/landing/ministry_staff.html",
    Role.COUNCIL_STAFF: "portal/landing/council_staff.html",
    Role.ADMINISTRATOR: "portal/landing/administrator.html",
}


def _contest_overview(contests, designations) -> list[dict]:
    contests = list(contests)
    counts = eligible_counts(contests, designations)
    return [{"contest": contest, "eligible_count": counts[contest.pk]} for contest in contests]


def local_official_context(user) -> dict:
    """The official's local government (with its province), the three latest contests with its eligibility
    and its designations valid today: the designations are read once for both."""
    today = timezone.localdate()
    local_government = user.local_government  # with its province (accounts.backends.BOUND_TO)
    # Its dated names (one query), so each contest's eligibility names it as on that contest's date (issue 20).
    prefetch_related_objects([local_government], Prefetch(
        "periods", queryset=LocalGovernmentPeriod.objects.select_related("province")))
    held = designations_held_by(local_government)
    contests = list(contests_for_overview()[:3])
    contests = [{"contest": contest, "eligibility": eligibility,
                 "closed": window_of(contest).state == WindowState.CLOSED}  # eligible then, but no more applying
                for contest, eligibility in zip(contests, eligibility_for_contests(contests, local_government, held),
                                                strict=True)]
    return {
        "local_government": local_government,
        "current_designations": [designation for designation in held if designation.is_valid_on(today)],
        "contests": contests,
    }


def provincial_officer_context(user) -> dict:
    today = timezone.localdate()
    # Today's members of the province (for 전남광주통합특별시: Jeollanam-do's and Gwangju's former units).
    local_governments = list(local_governments_for_registry().filter(pk__in=in_province_on(user.province, today)))
    rows = [(lg, [d for d in lg.designations.all() if d.is_valid_on(today)]) for lg in local_governments]
    return {"province": user.province, "rows": rows,
            "designated_count": sum(1 for _lg, designations in rows if designations)}


def reviewer_context(user) -> dict:
    return {"organisation": user.organisation, **workload_of(user)}


def ministry_staff_context(user) -> dict:
    ministry = user.ministry
    return {"ministry": ministry,
            "line_kinds": ministry.support_line_kinds.prefetch_related("measures")}


def council_context(user) -> dict:
    today = timezone.localdate()
    designations = all_designations()  # read once for today's counts and each contest's eligible count
    counts = count_designations(designations, on=today)
    return {"today": today, "counts": counts,
            "count_cards": [(kind, label, counts[kind]) for kind, label in COUNT_CARD_LABELS],
            "contests": _contest_overview(contests_for_overview()[:5], designations),
            "imports": recent_designation_imports(5)}


def administrator_context(user) -> dict:
    context = council_context(user)
    totals = dict(get_user_model().objects.values_list("role").annotate(total=Count("id")).order_by())
    context["users_by_role"] = [(label, totals.get(value, 0)) for value, label in Role.choices]
    return context


COUNT_CARD_LABELS = [
    (DesignationKind.POPULATION_DECLINING, _("Population-declining areas")),
    (DesignationKind.INTEREST_AREA, _("Areas of interest")),
    (DesignationKind.RURAL_AGREEMENT, _("Rural Agreement local governments")),
]

BUILDERS = {
    Role.LOCAL_OFFICIAL: local_official_context,
    Role.PROVINCIAL_OFFICER: provincial_officer_context,
    Role.REVIEWER: reviewer_context,
    Role.MINISTRY_STAFF: ministry_staff_context,
    Role.COUNCIL_STAFF: council_context,
    Role.ADMINISTRATOR: administrator_context,
}
