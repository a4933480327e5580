"""Forms of the applications app, by what they edit."""
from .contests import ContestAttachmentForm, ContestForm, PreliminarySelectionForm
from .proposals import CorrectionRequestForm, ProposalForm, WithdrawForm
from .sections import (
    AttachmentForm,
    BudgetForm,
    CompanyFormSet,
    KpiTargetForm,
    ProvincialMatchForm,
    company_initial,
)
from .support_requests import SupportRequestsForm, support_request_initial

__all__ = [
    "AttachmentForm", "BudgetForm", "CompanyFormSet", "ContestAttachmentForm", "ContestForm",
    "CorrectionRequestForm", "KpiTargetForm", "PreliminarySelectionForm", "ProposalForm", "ProvincialMatchForm",
    "SupportRequestsForm", "WithdrawForm", "company_initial", "support_request_initial",
]
