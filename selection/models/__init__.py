from .objections import (
    OPEN_OBJECTION_STATUSES,
    Objection,
    ObjectionAttachment,
    ObjectionReview,
    ObjectionStatus,
    ReReviewStatus,
)
from .policy import SelectionPolicy
from .runs import (
    ACTIVE_STATUSES,
    APPROVED_STATUSES,
    PUBLIC_STATUSES,
    DecisionAdjustment,
    Outcome,
    RunStatus,
    SelectionDecision,
    SelectionRun,
)

__all__ = [
    "ACTIVE_STATUSES", "APPROVED_STATUSES", "OPEN_OBJECTION_STATUSES", "PUBLIC_STATUSES", "DecisionAdjustment",
    "Objection", "ObjectionAttachment", "ObjectionReview", "ObjectionStatus", "Outcome", "ReReviewStatus",
    "RunStatus", "SelectionDecision", "SelectionPolicy", "SelectionRun",
]
