from .dashboard import dashboard_figures
from .support import contest_rows, line_sums, lines_for_contest, rows_by_line
from .tasks import kpi_rollup, late_reports, task_detail, task_list, with_details

__all__ = ["contest_rows", "dashboard_figures", "kpi_rollup", "late_reports", "line_sums", "lines_for_contest",
           "rows_by_line", "task_detail", "task_list", "with_details"]
