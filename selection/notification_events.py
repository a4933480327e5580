"""The notification events of the final selection: published results, objections, their re-review and
decision. A new event of this app is one more ``Event`` here and its two templates under
``templates/selection/notifications/`` (README, "Adding an audit action or a notification event")."""
from django.urls import reverse

from applications.selectors.layout import in_round_layout
from notifications.events import (
    Event,
    council_staff,
    if_active,
    officials_and_provinces_of,
    officials_of,
    register_events,
)

OBJECTION = ("selection.Objection", ("decision__proposal", "decision__run__contest"))


def _in_its_round(path: str):
    """Prepares a row whose proposal (at the ``__`` path) names its lead and partners in the round's layout."""
    return lambda row: in_round_layout([row], local_government=f"{path}__lead_local_government",
                                       contest=f"{path}__contest", partners=f"{path}__partners")[0]


def _objection_link(objection) -> str:
    return reverse("selection:objection-detail", args=[objection.pk])


def _lead_officials(objection):
    return officials_of(objection.decision.proposal.lead_local_government_id)


register_events("selection", [
    Event("selection.result_published", "selection.SelectionDecision", ("run__contest", "proposal"),
          lambda decision: officials_and_provinces_of(decision.proposal),
          lambda decision: reverse("applications:proposal-detail", args=[decision.proposal_id]),
          prepare=_in_its_round("proposal")),
    Event("selection.objection_filed", *OBJECTION, lambda objection: [*_lead_officials(objection),
                                                                       *council_staff()], _objection_link,
          prepare=_in_its_round("decision__proposal")),
    Event("selection.objection_decided", *OBJECTION, _lead_officials, _objection_link,
          prepare=_in_its_round("decision__proposal")),
    Event("selection.re_review_requested", "selection.ObjectionReview",
          ("objection__decision__proposal", "reviewer__user"), lambda review: if_active(review.reviewer.user),
          lambda review: reverse("selection:re-review", args=[review.pk]),
          prepare=_in_its_round("objection__decision__proposal")),
    Event("selection.re_review_conflict_declared", "selection.ObjectionReview",
          ("objection__decision__proposal", "reviewer__user"), lambda review: council_staff(),
          lambda review: reverse("selection:objection-detail", args=[review.objection_id]),
          prepare=_in_its_round("objection__decision__proposal")),
])
