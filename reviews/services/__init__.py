"""Writes of the review: assignments, pledges, conflicts, score sheets, sign-off."""
from .assignment import (
    AssignmentRefused,
    AssignmentReport,
    add_proposals_to_panel,
    assign_automatically,
    assign_reviewer,
    declare_conflict,
    sign_pledge,
)
from .scoring import ScoringRefused, reopen_sheet, save_sheet, sign_off_panel, submit_sheet

__all__ = [
    "AssignmentRefused", "AssignmentReport", "ScoringRefused", "add_proposals_to_panel", "assign_automatically",
    "assign_reviewer", "declare_conflict", "reopen_sheet", "save_sheet", "sign_off_panel", "sign_pledge",
    "submit_sheet",
]
