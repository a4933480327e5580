"""The notification events of proposals: who hears of a submission, a resubmission and a correction request.
A new event of this app is one more ``Event`` here and its two templates under
``templates/applications/notifications/`` (README, "Adding an audit action or a notification event")."""
from django.urls import reverse

from notifications.events import Event, council_staff, officials_of, register_events

PROPOSAL = ("applications.Proposal", ("contest", "lead_local_government"))


def _proposal_link(proposal) -> str:
    return reverse("applications:proposal-detail", args=[proposal.pk])


register_events("applications", [
    Event("proposal.submitted", *PROPOSAL, lambda proposal: officials_of(proposal.lead_local_government_id),
          _proposal_link),
    Event("proposal.resubmitted", *PROPOSAL,
          lambda proposal: [*officials_of(proposal.lead_local_government_id), *council_staff()], _proposal_link),
    Event("proposal.correction_requested", *PROPOSAL,
          lambda proposal: officials_of(proposal.lead_local_government_id), _proposal_link),
])
