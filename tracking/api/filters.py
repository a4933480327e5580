"""Filters of the tracking API."""
import django_filters

from applications.selectors.layout import in_round_province
from core.api.filters import WholeNumberFilter
from regions.selectors import carrying_code
from tracking.models import ProgressReport, ReportStatus, SelectedTask, TaskStatus


class SelectedTaskFilter(django_filters.FilterSet):
    contest = WholeNumberFilter(field_name="contest")
    status = django_filters.ChoiceFilter(choices=TaskStatus.choices)
    local_government = django_filters.CharFilter(method="filter_local_government",
                                                 help_text="The lead local government's 5-digit code, current or "
                                                           "earlier (46720 or 12720 finds Gokseong-gun's tasks).")
    province = django_filters.CharFilter(method="filter_province",
                                         help_text="The province's 2-digit code on each task's round's eligibility "
                                                   "date (46 finds a 2026 round's Jeonnam tasks, 12 a 2027 round's).")

    class Meta:
        model = SelectedTask
        fields = ["contest", "status", "local_government", "province"]

    def filter_province(self, queryset, name, value):
        return in_round_province(queryset, value)

    def filter_local_government(self, queryset, name, value):
        return queryset.filter(local_government__in=carrying_code(value))


class ProgressReportFilter(django_filters.FilterSet):
    task = WholeNumberFilter(field_name="task")
    status = django_filters.ChoiceFilter(choices=ReportStatus.choices)
    year = WholeNumberFilter(field_name="year", max_value=9999)
    half = WholeNumberFilter(field_name="half", max_value=2)

    class Meta:
        model = ProgressReport
        fields = ["task", "status", "year", "half"]
