"""Filters of the tracking API."""
import django_filters

from core.api.filters import WholeNumberFilter
from tracking.models import ProgressReport, ReportStatus, SelectedTask, TaskStatus


class SelectedTaskFilter(django_filters.FilterSet):
    contest = WholeNumberFilter(field_name="contest")
    status = django_filters.ChoiceFilter(choices=TaskStatus.choices)
    local_government = django_filters.CharFilter(field_name="local_government__code",
                                                 help_text="The lead local government's 5-digit code.")
    province = django_filters.CharFilter(field_name="local_government__province__code",
                                         help_text="The province's 2-digit code.")

    class Meta:
        model = SelectedTask
        fields = ["contest", "status", "local_government", "province"]


class ProgressReportFilter(django_filters.FilterSet):
    task = WholeNumberFilter(field_name="task")
    status = django_filters.ChoiceFilter(choices=ReportStatus.choices)
    year = WholeNumberFilter(field_name="year", max_value=9999)
    half = WholeNumberFilter(field_name="half", max_value=2)

    class Meta:
        model = ProgressReport
        fields = ["task", "status", "year", "half"]
