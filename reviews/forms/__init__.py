"""Forms of the review: the reviewer's pledge, conflict and score sheet; the council's panel work."""
from .council import (
    AddProposalsForm,
    DeadlineForm,
    ManualAssignForm,
    PanelForm,
    PanelMembersForm,
    PresentationSlotForm,
    ReopenForm,
    ReviewerProfileForm,
)
from .reviewer import ConflictForm, PledgeForm, ScoreSheetForm
from .rubrics import CriterionFormSet, RubricForm

__all__ = [
    "AddProposalsForm", "ConflictForm", "CriterionFormSet", "DeadlineForm", "ManualAssignForm", "PanelForm",
    "PanelMembersForm", "PledgeForm", "PresentationSlotForm", "ReopenForm", "ReviewerProfileForm", "RubricForm",
    "ScoreSheetForm",
]
