"""The notification events of the review: assignments, declared conflicts, presentation slots and scoring
reminders. A new event of this app is one more ``Event`` here and its two templates under
``templates/reviews/notifications/`` (README, "Adding an audit action or a notification event")."""
from collections.abc import Iterable

from django.contrib.auth import get_user_model
from django.urls import reverse

from applications.selectors.layout import in_round_layout
from notifications.events import Event, council_staff, if_active, officials_of, register_events
from reviews.models import AssignmentStatus

ASSIGNMENT = ("reviews.Assignment", ("panel", "proposal", "reviewer__user"))
SLOT = ("reviews.PresentationSlot", ("panel", "proposal"))


def _in_its_round(row):
    """An assignment or slot whose proposal names its lead and partners in the round's layout (issue 20)."""
    return in_round_layout([row], local_government="proposal__lead_local_government", contest="proposal__contest",
                           partners="proposal__partners")[0]


def _slot_audience(slot) -> Iterable:
    reviewers = get_user_model().objects.filter(
        reviewer_profile__assignments__panel_id=slot.panel_id,
        reviewer_profile__assignments__proposal_id=slot.proposal_id,
        reviewer_profile__assignments__status__in=[AssignmentStatus.ASSIGNED, AssignmentStatus.CONFIRMED],
        is_active=True)
    return [*officials_of(slot.proposal.lead_local_government_id), *reviewers]


def _slot_link(slot) -> str:
    return reverse("applications:proposal-detail", args=[slot.proposal_id])


register_events("reviews", [
    Event("review.assigned", *ASSIGNMENT, lambda assignment: if_active(assignment.reviewer.user),
          lambda assignment: reverse("reviews:assignment-detail", args=[assignment.pk]), prepare=_in_its_round),
    Event("review.conflict_declared", *ASSIGNMENT, lambda assignment: council_staff(),
          lambda assignment: reverse("reviews:panel-detail", args=[assignment.panel_id]), prepare=_in_its_round),
    Event("review.slot_scheduled", *SLOT, _slot_audience, _slot_link, prepare=_in_its_round),
    Event("review.slot_moved", *SLOT, _slot_audience, _slot_link, prepare=_in_its_round),
    Event("review.scoring_reminder", "accounts.User", (), if_active,
          lambda user: reverse("reviews:assignment-list")),
])
