"""Filters of the tracking API."""
import django_filters

from tracking.models import ProgressReport, ReportStatus, SelectedTask, TaskStatus


class SelectedTaskFilter(django_filters.FilterSet):
    contest = django_filters.NumberFilter(field_name="contest")
    status = django_filters.ChoiceFilter(choices=TaskStatus.choices)
    local_government = django_filters.CharFilter(field_name="local_government__code",
                                                 help_text="The lead local government's 5-digit code.")
    province = django_filters.CharFilter(field_name="local_government__province__code",
                                         help_text="The province's 2-digit code.")

    class Meta:
        model = SelectedTask
        fields = ["contest", "status", "local_government", "province"]


class ProgressReportFilter(django_filters.FilterSet):
    task = django_filters.NumberFilter(field_name="task")
    status = django_filters.ChoiceFilter(choices=ReportStatus.choices)
    year = django_filters.NumberFilter(field_name="year")
    half = django_filters.NumberFilter(field_name="half")

    class Meta:
        model = ProgressReport
        fields = ["task", "status", "year", "half"]
