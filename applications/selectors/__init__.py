"""Reads of the applications app: contests, eligibility and proposals."""
from .contests import (
    Eligibility,
    accepted_kinds,
    contest_detail,
    contests_for_overview,
    eligibility_for_contest,
    eligible_local_governments_for_contest,
    eligible_rows_for_contest,
    preliminary_selections_of,
    support_lines_for_contest,
)
from .proposals import (
    attachment_for_user,
    compare_versions,
    kpi_rows,
    latest_provincial_confirmation,
    proposal_for_user,
    proposal_reading,
    proposals_visible_to,
    versions_of,
)

__all__ = [
    "Eligibility",
    "accepted_kinds",
    "attachment_for_user",
    "compare_versions",
    "contest_detail",
    "contests_for_overview",
    "eligibility_for_contest",
    "eligible_local_governments_for_contest",
    "eligible_rows_for_contest",
    "kpi_rows",
    "latest_provincial_confirmation",
    "preliminary_selections_of",
    "proposal_for_user",
    "proposal_reading",
    "proposals_visible_to",
    "support_lines_for_contest",
    "versions_of",
]
