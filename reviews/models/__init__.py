from .panels import Assignment, AssignmentStatus, Panel, PanelProposal, ReviewStage
from .pool import DeclaredConflict, Reviewer
from .schedule import PresentationSlot
from .scoring import Criterion, Rubric, Score, ScoreSheet, SheetEvent, SheetStatus

__all__ = [
    "Assignment", "AssignmentStatus", "Criterion", "DeclaredConflict", "Panel", "PanelProposal", "PresentationSlot",
    "ReviewStage", "Reviewer", "Rubric", "Score", "ScoreSheet", "SheetEvent", "SheetStatus",
]
