"""Writes of the applications app: contests and proposals."""
from .contests import (
    add_preliminary_selection,
    create_contest,
    remove_preliminary_selection,
    update_contest,
)
from .proposals import (
    SubmissionRefused,
    create_proposal,
    request_correction,
    submit_proposal,
    update_proposal,
    withdraw_proposal,
)

__all__ = [
    "SubmissionRefused", "add_preliminary_selection", "create_contest", "create_proposal",
    "remove_preliminary_selection", "request_correction", "submit_proposal", "update_contest",
    "update_proposal", "withdraw_proposal",
]
