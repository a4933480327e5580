from .dashboard import dashboard_figures
from .tasks import kpi_rollup, late_reports, task_detail, task_list, with_details

__all__ = ["dashboard_figures", "kpi_rollup", "late_reports", "task_detail", "task_list", "with_details"]
