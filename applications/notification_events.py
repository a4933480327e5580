"""The notification events of proposals: who hears of a submission, a resubmission and a correction request.
A new event of this app is one more ``Event`` here and its two templates under
``templates/applications/notifications/`` (README, "Adding an audit action or a notification event")."""
from django.urls import reverse

from applications.selectors.layout import in_round_layout
from notifications.events import Event, council_staff, officials_of, register_events

PROPOSAL = ("applications.Proposal", ("contest", "lead_local_government"))


def in_its_round(proposal):
    """The proposal with its lead and partners named in its round's layout (issue 20)."""
    return in_round_layout([proposal], local_government="lead_local_government", partners="partners")[0]


def _proposal_link(proposal) -> str:
    return reverse("applications:proposal-detail", args=[proposal.pk])


register_events("applications", [
    Event("proposal.submitted", *PROPOSAL, lambda proposal: officials_of(proposal.lead_local_government_id),
          _proposal_link, prepare=in_its_round),
    Event("proposal.resubmitted", *PROPOSAL,
          lambda proposal: [*officials_of(proposal.lead_local_government_id), *council_staff()], _proposal_link,
          prepare=in_its_round),
    Event("proposal.correction_requested", *PROPOSAL,
          lambda proposal: officials_of(proposal.lead_local_government_id), _proposal_link, prepare=in_its_round),
])
