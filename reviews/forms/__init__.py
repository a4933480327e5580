"""Forms of the review: the reviewer's pledge, conflict and score sheet; the council's panel work."""
from .council import (
    AddProposalsForm,
    DeadlineForm,
    ManualAssignForm,
    PanelForm,
    PresentationSlotForm,
    ReopenForm,
    ReviewerProfileForm,
)
from .reviewer import ConflictForm, PledgeForm, ScoreSheetForm

__all__ = [
    "AddProposalsForm", "ConflictForm", "DeadlineForm", "ManualAssignForm", "PanelForm", "PledgeForm",
    "PresentationSlotForm", "ReopenForm", "ReviewerProfileForm", "ScoreSheetForm",
]
