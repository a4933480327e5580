from .companies import ApplicationStatus, CompanyApplication, Recruitment
from .continuation import FUNDED_OUTCOMES, ContinuationEvaluation, ContinuationOutcome
from .reports import (
    REPORT_EDITABLE,
    KpiActual,
    ProgressReport,
    ReportAttachment,
    ReportStatus,
    ReportSubmission,
)
from .support import SupportLineRow
from .tasks import (
    STATUS_MOVES,
    AgreementLine,
    Disbursement,
    Grade,
    Milestone,
    PerformanceGrade,
    PlanInclusion,
    SelectedTask,
    TaskStatus,
)

__all__ = [
    "FUNDED_OUTCOMES", "REPORT_EDITABLE", "STATUS_MOVES", "AgreementLine", "ApplicationStatus", "CompanyApplication",
    "ContinuationEvaluation", "ContinuationOutcome", "Disbursement",
    "Grade", "KpiActual", "Milestone", "PerformanceGrade", "PlanInclusion", "ProgressReport", "Recruitment",
    "ReportAttachment", "ReportStatus", "ReportSubmission", "SelectedTask", "SupportLineRow", "TaskStatus",
]
