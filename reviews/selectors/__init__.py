"""Reads of the review. Visibility is decided here and in ``reviews.permissions``; pages and the API ask both."""
from .assignments import (
    PanelRow,
    assignment_for_reviewer,
    assignments_of,
    assignments_visible_to,
    chaired_panels,
    criteria_of,
    panel_rows,
    panel_with_progress,
    panels_of_contest,
    pool_with_load,
    presentation_slots_of,
    schedule_of,
    sheet_history,
    sheets_visible_to,
    workload_of,
)
from .results import (
    OUTLIER_Z,
    RankedResult,
    ReviewerDeviation,
    StageResults,
    ranked_results,
    reviewer_deviations,
    rubric_of,
    stage_results,
)
from .visibility import (
    is_recused_from,
    own_sheets_pending,
    recused_proposal_ids,
    results_visible_to,
    withheld_count,
)

__all__ = [
    "OUTLIER_Z", "PanelRow", "RankedResult", "ReviewerDeviation", "StageResults", "assignment_for_reviewer",
    "assignments_of", "assignments_visible_to", "chaired_panels", "criteria_of", "is_recused_from",
    "own_sheets_pending", "panel_rows", "panel_with_progress", "panels_of_contest", "pool_with_load",
    "presentation_slots_of", "ranked_results", "recused_proposal_ids", "results_visible_to", "reviewer_deviations",
    "rubric_of", "schedule_of", "sheet_history", "sheets_visible_to", "stage_results", "withheld_count",
    "workload_of",
]
