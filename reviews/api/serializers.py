"""The review's API shapes. Reviewers' names appear only in what the council may read."""
from decimal import Decimal

from rest_framework import serializers

from reviews.models import Assignment, Score, ScoreSheet


class AssignmentSerializer(serializers.ModelSerializer):
    contest = serializers.IntegerField(source="panel.contest_id", read_only=True)
    stage = serializers.CharField(source="panel.stage", read_only=True)
    proposal_title = serializers.CharField(source="proposal.title", read_only=True)
    receipt_number = serializers.CharField(source="proposal.receipt_number", read_only=True)
    sheet = serializers.PrimaryKeyRelatedField(read_only=True)

    class Meta:
        model = Assignment
        fields = ["id", "contest", "panel", "stage", "proposal", "receipt_number", "proposal_title", "reviewer",
                  "status", "due_at", "pledge_signed_at", "sheet"]


class ScoreSerializer(serializers.ModelSerializer):
    criterion = serializers.SlugRelatedField(slug_field="code", read_only=True)

    class Meta:
        model = Score
        fields = ["criterion", "points", "comment"]


class ScoreSheetSerializer(serializers.ModelSerializer):
    proposal = serializers.IntegerField(source="assignment.proposal_id", read_only=True)
    scores = ScoreSerializer(many=True, read_only=True)

    class Meta:
        model = ScoreSheet
        fields = ["id", "assignment", "proposal", "status", "submitted_at", "overall_comment", "scores"]


class ScoreInputSerializer(serializers.Serializer):
    criterion = serializers.SlugField()
    points = serializers.DecimalField(max_digits=5, decimal_places=1, min_value=Decimal(0))
    comment = serializers.CharField(required=False, allow_blank=True, default="")


class SheetInputSerializer(serializers.Serializer):
    """A draft: any subset of the rubric's criteria. Bounds per criterion are checked by the service."""

    scores = ScoreInputSerializer(many=True)
    overall_comment = serializers.CharField(required=False, allow_blank=True, default="")


class RankedResultSerializer(serializers.Serializer):
    panel = serializers.IntegerField(source="panel_id")
    stage = serializers.CharField()
    rank = serializers.IntegerField(allow_null=True)
    proposal = serializers.IntegerField(source="proposal.pk")
    receipt_number = serializers.CharField(source="proposal.receipt_number")
    sheets = serializers.IntegerField()
    raw_mean = serializers.DecimalField(max_digits=8, decimal_places=2, allow_null=True)
    trimmed_mean = serializers.DecimalField(max_digits=8, decimal_places=2, allow_null=True)
    trimmed = serializers.BooleanField()
    spread = serializers.DecimalField(max_digits=8, decimal_places=2, allow_null=True)
    passed = serializers.BooleanField(allow_null=True)
