"""Writes of the applications app: contests, proposals, their sections and files."""
from .contests import (
    add_contest_attachment,
    add_preliminary_selection,
    create_contest,
    record_preselection_results,
    remove_contest_attachment,
    remove_preliminary_selection,
    update_contest,
)
from .drafts import DraftConflict, fingerprints_of, save_section
from .matching import confirm_provincial_match
from .proposals import (
    SubmissionRefused,
    create_proposal,
    request_correction,
    submit_proposal,
    update_proposal,
    withdraw_proposal,
)
from .sections import (
    add_attachment,
    remove_attachment,
    save_budget,
    save_companies,
    save_kpi_targets,
    save_support_requests,
)
from .stages import ensure_stages

__all__ = [
    "DraftConflict", "SubmissionRefused", "add_attachment", "add_contest_attachment", "add_preliminary_selection",
    "confirm_provincial_match", "create_contest", "create_proposal", "ensure_stages", "fingerprints_of",
    "record_preselection_results", "remove_attachment",
    "remove_contest_attachment", "remove_preliminary_selection", "request_correction", "save_budget",
    "save_companies", "save_kpi_targets", "save_section", "save_support_requests", "submit_proposal",
    "update_contest", "update_proposal", "withdraw_proposal",
]
