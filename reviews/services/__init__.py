"""Writes of the review: panels, assignments, pledges, conflicts, score sheets, schedules, sign-off."""
from .assignment import (
    AssignmentRefused,
    AssignmentReport,
    assign_automatically,
    assign_reviewer,
    declare_conflict,
    sign_pledge,
)
from .panels import (
    add_proposals_to_panel,
    add_reviewer_to_pool,
    change_panel_members,
    create_panel,
    proposals_awaiting_panel,
    schedule_presentation,
    set_panel_deadline,
    update_reviewer,
)
from .rubric_rules import (
    RubricFrozen,
    change_criterion,
    change_rubric,
    remove_criterion,
    remove_rubric,
    save_rubric,
)
from .scoring import ScoringRefused, reopen_sheet, save_sheet, sign_off_panel, submit_sheet
from .stages import StageRefused, StagesFrozen, add_stage, change_stage, remove_stage, weights_sum

__all__ = [
    "AssignmentRefused",
    "AssignmentReport",
    "RubricFrozen",
    "ScoringRefused",
    "StageRefused",
    "StagesFrozen",
    "add_proposals_to_panel",
    "add_reviewer_to_pool",
    "add_stage",
    "assign_automatically",
    "assign_reviewer",
    "change_criterion",
    "change_panel_members",
    "change_rubric",
    "change_stage",
    "create_panel",
    "declare_conflict",
    "proposals_awaiting_panel",
    "remove_criterion",
    "remove_rubric",
    "remove_stage",
    "reopen_sheet",
    "save_rubric",
    "save_sheet",
    "schedule_presentation",
    "set_panel_deadline",
    "sign_off_panel",
    "sign_pledge",
    "submit_sheet",
    "update_reviewer",
    "weights_sum",
]
