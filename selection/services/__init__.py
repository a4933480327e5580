from .decisions import SelectionRefused, adjust_decision
from .objections import (
    decide_objection,
    declare_re_review_conflict,
    file_objection,
    request_re_review,
    sign_re_review_pledge,
    submit_re_review,
)
from .runs import (
    approve_run,
    confirm_due_runs,
    confirm_run,
    execute_run,
    fail_stalled_run,
    is_stalled,
    policy_for,
    publish_run,
    save_policy,
    start_run,
)

__all__ = [
    "SelectionRefused", "adjust_decision", "approve_run", "confirm_due_runs", "confirm_run", "decide_objection",
    "declare_re_review_conflict", "execute_run", "fail_stalled_run", "file_objection",
    "is_stalled", "policy_for", "publish_run", "request_re_review", "save_policy", "sign_re_review_pledge",
    "start_run", "submit_re_review",
]
