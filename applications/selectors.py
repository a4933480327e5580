"""Reads about contests and proposals."""
from django.db.models import QuerySet

from regions.models import Designation, LocalGovernment
from regions.selectors import eligibility_reasons, eligible_local_governments

from .models import Contest


def accepted_kinds(contest: Contest) -> list[str]:
    return [row.kind for row in contest.accepted_designation_kinds.all()]


def eligible_local_governments_for_contest(contest: Contest) -> QuerySet[LocalGovernment]:
    """Local governments with a designation of an accepted kind valid on the contest's eligibility date."""
    return eligible_local_governments(kinds=accepted_kinds(contest), on=contest.eligibility_date)


def eligibility_reasons_for_contest(*, contest: Contest, local_government: LocalGovernment) -> list[Designation]:
    return eligibility_reasons(local_government=local_government, kinds=accepted_kinds(contest),
                               on=contest.eligibility_date)


def contests_for_overview() -> QuerySet[Contest]:
    return Contest.objects.prefetch_related("accepted_designation_kinds", "participating_ministries")
