"""The dashboard's figures over the API: what ``/tracking/dashboard/`` shows for one contest, each line's summed
measures computed in SQL over the same rows its table (``/tracking/contests/<id>/rows/support/``) lists."""
from django.shortcuts import get_object_or_404
from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.response import Response
from rest_framework.views import APIView

from applications.models import Contest
from core.api.permissions import UserLanguageMixin, decision_permission
from tracking import permissions, selectors

CanViewDashboard = decision_permission(permissions.can_view_dashboard)


class MoneySerializer(serializers.Serializer):
    source = serializers.CharField()
    agreed_krw = serializers.IntegerField()
    disbursed_krw = serializers.IntegerField()


class LineFiguresSerializer(serializers.Serializer):
    line = serializers.CharField()
    ministry = serializers.CharField()
    rows = serializers.IntegerField()
    tasks = serializers.IntegerField()
    sums = serializers.DictField(child=serializers.IntegerField(), help_text="{summed measure code: total}")


class KpiFiguresSerializer(serializers.Serializer):
    indicator = serializers.CharField()
    target = serializers.IntegerField()
    actual = serializers.IntegerField()
    achievement_pct = serializers.IntegerField(allow_null=True)


class DashboardSerializer(serializers.Serializer):
    contest = serializers.IntegerField()
    task_count = serializers.IntegerField()
    by_status = serializers.DictField(child=serializers.IntegerField())
    by_province = serializers.DictField(child=serializers.IntegerField(), help_text="{province code: tasks}")
    money = MoneySerializer(many=True)
    agreed_total_krw = serializers.IntegerField()
    disbursed_total_krw = serializers.IntegerField()
    support = LineFiguresSerializer(many=True)
    kpis = KpiFiguresSerializer(many=True)
    late_report_count = serializers.IntegerField()


class ContestDashboardView(UserLanguageMixin, APIView):
    """One contest's dashboard figures (council and ministries)."""

    permission_classes = [CanViewDashboard]

    @extend_schema(tags=["tracking"], responses=DashboardSerializer, summary="A contest's dashboard figures")
    def get(self, request, pk: int):
        figures = selectors.dashboard_figures(get_object_or_404(Contest, pk=pk))
        return Response(DashboardSerializer({
            "contest": figures.contest.pk, "task_count": figures.task_count, "by_status": figures.by_status,
            "by_province": {province.code: count for province, count in figures.by_province},
            "money": figures.money, "agreed_total_krw": figures.agreed_total_krw,
            "disbursed_total_krw": figures.disbursed_total_krw,
            "support": [{"line": entry["line"].code, "ministry": entry["line"].ministry_code, "rows": entry["rows"],
                         "tasks": entry["tasks"], "sums": entry["sums"]} for entry in figures.support],
            "kpis": figures.kpis, "late_report_count": figures.late_report_count}).data)
