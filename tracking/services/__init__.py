from .companies import apply_to_recruitment, decide_application, is_open, publish_recruitment, update_company
from .continuation import hold_for_year, payment_hold, record_continuation, set_condition
from .opening import open_task, open_tasks_for_run
from .refusals import TrackingRefused
from .reports import add_report_file, review_report, save_report, submit_report
from .support import remove_support_row, save_support_row
from .tasks import (
    change_status,
    confirm_plan_inclusion,
    grade_task,
    record_disbursement,
    save_milestone,
    set_agreement_line,
)

__all__ = [
    "TrackingRefused", "add_report_file", "apply_to_recruitment", "change_status", "confirm_plan_inclusion",
    "decide_application", "grade_task", "hold_for_year", "is_open", "open_task", "open_tasks_for_run",
    "payment_hold", "publish_recruitment", "record_continuation", "record_disbursement", "remove_support_row",
    "review_report", "save_milestone", "save_report", "save_support_row", "set_agreement_line", "set_condition",
    "submit_report", "update_company",
]
