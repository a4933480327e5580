"""Tracking's API shapes: selected tasks, progress reports and the four support lines' rows."""
from rest_framework import serializers

from applications.api.layout import LeadInRoundMixin, in_round_list
from applications.models import KpiIndicator
from core.fields import MAX_KRW
from tracking.models import (
    AgreementLine,
    ContinuationEvaluation,
    ContinuationOutcome,
    KpiActual,
    Milestone,
    PerformanceGrade,
    PlanInclusion,
    ProgressReport,
    ReportAttachment,
    ReportSubmission,
    SelectedTask,
    TaskStatus,
)

IN_ROUND = {"local_government": "local_government"}


class RoundLayoutMixin(LeadInRoundMixin):
    """The task's local government by its current code, and by name, province and code as on its round's
    eligibility date (a 2026 round's Haenam in Jeollanam-do, 46; a 2027 round's in 전남광주통합특별시, 12): the
    proposals' and decisions' mixin (``applications.api.layout``), the task's own unit as the lead."""

    in_round = IN_ROUND
    local_government = serializers.SlugRelatedField(slug_field="code", read_only=True)
    local_government_name = serializers.SerializerMethodField()

    def get_local_government_name(self, task) -> str:
        return task.local_government.name


class SelectedTaskSerializer(RoundLayoutMixin, serializers.ModelSerializer):
    agreed_national_krw = serializers.IntegerField(read_only=True)
    disbursed_national_krw = serializers.IntegerField(read_only=True)
    late_report_count = serializers.IntegerField(read_only=True)

    class Meta:
        model = SelectedTask
        fields = ["id", "contest", "proposal", "decision", "local_government", "local_government_name", "title",
                  "status", "opened_at", "agreed_national_krw", "disbursed_national_krw", "late_report_count",
                  "province_code", "province_name", "round_code"]
        list_serializer_class = in_round_list(**IN_ROUND)


class AgreementLineSerializer(serializers.ModelSerializer):
    disbursed_krw = serializers.IntegerField(read_only=True)

    class Meta:
        model = AgreementLine
        fields = ["id", "year", "source", "amount_krw", "disbursed_krw"]

    def to_representation(self, instance):
        data = super().to_representation(instance)
        data["disbursed_krw"] = data["disbursed_krw"] or 0
        return data


class MilestoneSerializer(serializers.ModelSerializer):
    class Meta:
        model = Milestone
        fields = ["id", "title", "due_on", "completed_on"]


class GradeSerializer(serializers.ModelSerializer):
    graded_by = serializers.SlugRelatedField(slug_field="username", read_only=True)

    class Meta:
        model = PerformanceGrade
        fields = ["year", "grade", "reasons", "graded_by", "graded_at"]


class PlanInclusionSerializer(serializers.ModelSerializer):
    confirmed_by = serializers.SlugRelatedField(slug_field="username", read_only=True)

    class Meta:
        model = PlanInclusion
        fields = ["year", "plan_title", "confirmed_by", "confirmed_at"]


class ReportSummarySerializer(serializers.ModelSerializer):
    class Meta:
        model = ProgressReport
        fields = ["id", "year", "half", "due_on", "status", "submitted_at"]


class ContinuationSerializer(serializers.ModelSerializer):
    decided_by = serializers.StringRelatedField()

    class Meta:
        model = ContinuationEvaluation
        fields = ["id", "task", "year", "outcome", "national_krw", "reason", "decided_by", "decided_at"]


class ContinuationInputSerializer(serializers.Serializer):
    """A year's continuation decision. ``national_krw`` (whole KRW) is the reduced amount, for ``reduced`` only;
    ``continue`` keeps the amount planned, ``stop`` pays nothing from the year on."""

    year = serializers.IntegerField(min_value=2000, max_value=2100)
    outcome = serializers.ChoiceField(choices=ContinuationOutcome.choices)
    national_krw = serializers.IntegerField(min_value=0, max_value=MAX_KRW, required=False, allow_null=True)
    reason = serializers.CharField(max_length=1000)


class ConditionInputSerializer(serializers.Serializer):
    """From ``from_year`` on, the task's years are paid only after a continuation evaluation; ``null``: none."""

    from_year = serializers.IntegerField(min_value=2000, max_value=2100, allow_null=True)
    reason = serializers.CharField(max_length=1000)


class SelectedTaskDetailSerializer(RoundLayoutMixin, serializers.ModelSerializer):
    agreement_lines = AgreementLineSerializer(many=True, read_only=True)
    milestones = MilestoneSerializer(many=True, read_only=True)
    grades = GradeSerializer(many=True, read_only=True)
    plan_inclusions = PlanInclusionSerializer(many=True, read_only=True)
    reports = ReportSummarySerializer(many=True, read_only=True)
    continuation_evaluations = ContinuationSerializer(many=True, read_only=True)

    class Meta:
        model = SelectedTask
        fields = ["id", "contest", "proposal", "decision", "local_government", "local_government_name", "title",
                  "status", "opened_at", "agreement_lines", "milestones", "grades", "plan_inclusions", "reports",
                  "conditional_from_year", "continuation_evaluations", "province_code", "province_name",
                  "round_code"]


class StatusChangeSerializer(serializers.Serializer):
    status = serializers.ChoiceField(choices=TaskStatus.choices)
    reason = serializers.CharField(max_length=1000)


class KpiActualSerializer(serializers.ModelSerializer):
    class Meta:
        model = KpiActual
        fields = ["indicator", "actual"]


class ReportFileSerializer(serializers.ModelSerializer):
    class Meta:
        model = ReportAttachment
        fields = ["id", "original_name", "file_format", "size_bytes", "sha256", "uploaded_at"]


class ReportSubmissionSerializer(serializers.ModelSerializer):
    submitted_by = serializers.SlugRelatedField(slug_field="username", read_only=True)

    class Meta:
        model = ReportSubmission
        fields = ["number", "submitted_by", "submitted_at", "content"]


class ProgressReportSerializer(serializers.ModelSerializer):
    reviewed_by = serializers.SlugRelatedField(slug_field="username", read_only=True, allow_null=True)

    class Meta:
        model = ProgressReport
        fields = ["id", "task", "year", "half", "due_on", "status", "submitted_at", "reviewed_by", "reviewed_at",
                  "review_comment"]


class ProgressReportDetailSerializer(ProgressReportSerializer):
    kpi_actuals = KpiActualSerializer(many=True, read_only=True)
    attachments = ReportFileSerializer(many=True, read_only=True)
    submissions = ReportSubmissionSerializer(many=True, read_only=True)

    class Meta(ProgressReportSerializer.Meta):
        fields = [*ProgressReportSerializer.Meta.fields, "narrative", "kpi_actuals", "attachments", "submissions"]


class ReportInputSerializer(serializers.Serializer):
    """The narrative and this half-year's figures for the proposal's indicators (checked by the page's form)."""

    narrative = serializers.CharField(allow_blank=True)
    actuals = serializers.ListField(child=KpiActualSerializer(), max_length=len(KpiIndicator.values), default=list)


class ReportFileInputSerializer(serializers.Serializer):
    file = serializers.FileField()


class ReviewInputSerializer(serializers.Serializer):
    accept = serializers.BooleanField()
    comment = serializers.CharField(required=False, allow_blank=True, default="",
                                    help_text="Required when the report is returned.")
