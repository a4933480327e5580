from .contest import BASIS_POINTS, SEOUL, Contest, ContestDesignationKind, PreliminarySelection
from .documents import AttachmentKind, ContestAttachment, ProposalAttachment
from .matching import ProvincialMatchConfirmation
from .proposal import (
    CORRECTABLE_STATUSES,
    EDITABLE_STATUSES,
    MATCHABLE_STATUSES,
    Proposal,
    ProposalPartner,
    ProposalStatus,
    ProposalVersion,
    content_checksum,
)
from .sections import (
    BudgetLine,
    BudgetSource,
    GrowthStage,
    KpiIndicator,
    KpiTarget,
    ParticipatingCompany,
    SupportRequest,
)
from .stages import RESERVED_STAGE_CODES, ContestStage, SlotLocation, StageKind

__all__ = [
    "BASIS_POINTS", "CORRECTABLE_STATUSES", "EDITABLE_STATUSES", "MATCHABLE_STATUSES", "RESERVED_STAGE_CODES", "SEOUL",
    "AttachmentKind", "BudgetLine", "BudgetSource", "Contest", "ContestAttachment", "ContestDesignationKind",
    "ContestStage", "GrowthStage", "KpiIndicator", "KpiTarget", "ParticipatingCompany", "PreliminarySelection",
    "Proposal", "ProposalAttachment", "ProposalPartner", "ProposalStatus", "ProposalVersion",
    "ProvincialMatchConfirmation", "SlotLocation", "StageKind", "SupportRequest", "content_checksum",
]
