"""Every event the portal tells people about: what it is about, who hears of it and where the link goes.

Templates live in ``templates/notifications/email/<event>_subject.txt`` and ``_body.txt`` (dots in the event's
name become underscores) and are rendered in each recipient's language.
"""
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from django.apps import apps
from django.contrib.auth import get_user_model
from django.db.models import Model, Q, QuerySet
from django.urls import reverse

from accounts.roles import Role
from regions.models import LocalGovernment


def officials_of(local_government_id: int) -> QuerySet:
    return get_user_model().objects.filter(role=Role.LOCAL_OFFICIAL, local_government_id=local_government_id,
                                           is_active=True)


def officials_and_provinces_of(proposal) -> QuerySet:
    """Everyone a joint proposal's result concerns: the officials of the lead and of every partner local
    government, and the provincial officers of each of their provinces. A user is one row however many of
    those he belongs to, so he hears of it once."""
    local_governments = [proposal.lead_local_government_id, *proposal.partners.values_list("pk", flat=True)]
    provinces = LocalGovernment.objects.filter(pk__in=local_governments).values("province_id")
    return get_user_model().objects.filter(
        Q(role=Role.LOCAL_OFFICIAL, local_government_id__in=local_governments)
        | Q(role=Role.PROVINCIAL_OFFICER, province_id__in=provinces), is_active=True).order_by("pk")


def officials_and_province_of(local_government_id: int) -> QuerySet:
    """A local government's officials and the officers of its province, each once."""
    province = LocalGovernment.objects.filter(pk=local_government_id).values("province_id")
    return get_user_model().objects.filter(
        Q(role=Role.LOCAL_OFFICIAL, local_government_id=local_government_id)
        | Q(role=Role.PROVINCIAL_OFFICER, province_id__in=province), is_active=True).order_by("pk")


def council_staff() -> QuerySet:
    return get_user_model().objects.filter(role=Role.COUNCIL_STAFF, is_active=True)


def _proposal_link(proposal_id: int) -> str:
    return reverse("applications:proposal-detail", args=[proposal_id])


def _slot_audience(slot) -> Iterable:
    status = apps.get_model("reviews", "Assignment").Status
    reviewers = get_user_model().objects.filter(
        reviewer_profile__assignments__panel_id=slot.panel_id,
        reviewer_profile__assignments__proposal_id=slot.proposal_id,
        reviewer_profile__assignments__status__in=[status.ASSIGNED, status.CONFIRMED], is_active=True)
    return [*officials_of(slot.proposal.lead_local_government_id), *reviewers]


@dataclass(frozen=True)
class Event:
    code: str
    model: str
    related: tuple[str, ...]
    recipients: Callable[[Model], Iterable]
    link: Callable[[Model], str]

    @property
    def template_stem(self) -> str:
        return "notifications/email/" + self.code.replace(".", "_")

    def load(self, target_id: int) -> Model:
        return apps.get_model(self.model).objects.select_related(*self.related).get(pk=target_id)


_EVENTS = [
    Event("proposal.submitted", "applications.Proposal", ("contest", "lead_local_government"),
          lambda proposal: officials_of(proposal.lead_local_government_id),
          lambda proposal: _proposal_link(proposal.pk)),
    Event("proposal.resubmitted", "applications.Proposal", ("contest", "lead_local_government"),
          lambda proposal: [*officials_of(proposal.lead_local_government_id), *council_staff()],
          lambda proposal: _proposal_link(proposal.pk)),
    Event("proposal.correction_requested", "applications.Proposal", ("contest", "lead_local_government"),
          lambda proposal: officials_of(proposal.lead_local_government_id),
          lambda proposal: _proposal_link(proposal.pk)),
    Event("review.assigned", "reviews.Assignment", ("panel", "proposal", "reviewer__user"),
          lambda assignment: [assignment.reviewer.user] if assignment.reviewer.user.is_active else [],
          lambda assignment: reverse("reviews:assignment-detail", args=[assignment.pk])),
    Event("review.conflict_declared", "reviews.Assignment", ("panel", "proposal", "reviewer__user"),
          lambda assignment: council_staff(),
          lambda assignment: reverse("reviews:panel-detail", args=[assignment.panel_id])),
    Event("review.slot_scheduled", "reviews.PresentationSlot", ("panel", "proposal"), _slot_audience,
          lambda slot: _proposal_link(slot.proposal_id)),
    Event("review.slot_moved", "reviews.PresentationSlot", ("panel", "proposal"), _slot_audience,
          lambda slot: _proposal_link(slot.proposal_id)),
    Event("review.scoring_reminder", "accounts.User", (), lambda user: [user] if user.is_active else [],
          lambda user: reverse("reviews:assignment-list")),
    Event("selection.result_published", "selection.SelectionDecision", ("run__contest", "proposal"),
          lambda decision: officials_and_provinces_of(decision.proposal),
          lambda decision: _proposal_link(decision.proposal_id)),
    Event("selection.objection_filed", "selection.Objection", ("decision__proposal", "decision__run__contest"),
          lambda objection: [*officials_of(objection.decision.proposal.lead_local_government_id),
                             *council_staff()],
          lambda objection: reverse("selection:objection-detail", args=[objection.pk])),
    Event("selection.objection_decided", "selection.Objection", ("decision__proposal", "decision__run__contest"),
          lambda objection: officials_of(objection.decision.proposal.lead_local_government_id),
          lambda objection: reverse("selection:objection-detail", args=[objection.pk])),
    Event("selection.re_review_requested", "selection.ObjectionReview",
          ("objection__decision__proposal", "reviewer__user"),
          lambda review: [review.reviewer.user] if review.reviewer.user.is_active else [],
          lambda review: reverse("selection:re-review", args=[review.pk])),
    Event("tracking.continuation_decided", "tracking.ContinuationEvaluation", ("task__local_government",),
          lambda evaluation: officials_and_province_of(evaluation.task.local_government_id),
          lambda evaluation: reverse("tracking:task", args=[evaluation.task_id]) + "#continuation"),
]
EVENTS: dict[str, Event] = {event.code: event for event in _EVENTS}
