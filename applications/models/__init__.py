from .contest import BASIS_POINTS, SEOUL, Contest, ContestDesignationKind, PreliminarySelection
from .proposal import (
    EDITABLE_STATUSES,
    Proposal,
    ProposalPartner,
    ProposalStatus,
    ProposalVersion,
    content_checksum,
)

__all__ = [
    "BASIS_POINTS", "EDITABLE_STATUSES", "SEOUL", "Contest", "ContestDesignationKind", "PreliminarySelection",
    "Proposal", "ProposalPartner", "ProposalStatus", "ProposalVersion", "content_checksum",
]
