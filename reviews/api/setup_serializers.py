"""Shapes of the council's review setup through the API: the pool, panels, assignment reports, rubrics. Types are
checked here; the rules are the pages' forms (``reviews/forms``) and the services'."""
from rest_framework import serializers

from applications.models import Contest
from core.api.fields import PlausibleDateTimeField
from reviews.models import Criterion, Panel, Reviewer, Rubric
from reviews.permissions import can_change_rubric


class ReviewerSerializer(serializers.ModelSerializer):
    username = serializers.CharField(source="user.username", read_only=True)
    name = serializers.CharField(source="user.get_full_name", read_only=True)
    home_local_government_code = serializers.CharField(source="home_local_government.code", read_only=True,
                                                       allow_null=True)
    home_province_code = serializers.CharField(source="home_province.code", read_only=True, allow_null=True)

    class Meta:
        model = Reviewer
        fields = ["id", "user", "username", "name", "affiliation", "affiliation_registration_number",
                  "home_local_government", "home_local_government_code", "home_province", "home_province_code",
                  "fields", "is_external"]


class ReviewerInputSerializer(serializers.Serializer):
    """A reviewer account (made by the administrator) into the pool. Ids: the account, the home local government
    and province (optional); they decide conflicts."""

    user = serializers.IntegerField(min_value=1, max_value=2**31 - 1)
    affiliation = serializers.CharField(max_length=200)
    affiliation_registration_number = serializers.CharField(max_length=14, required=False, allow_blank=True,
                                                            default="")
    home_local_government = serializers.IntegerField(min_value=1, max_value=2**31 - 1, required=False,
                                                     allow_null=True)
    home_province = serializers.IntegerField(min_value=1, max_value=2**31 - 1, required=False, allow_null=True)
    fields = serializers.CharField(max_length=300, required=False, allow_blank=True, default="")
    is_external = serializers.BooleanField(required=False, default=True)


class ReviewerChangeSerializer(ReviewerInputSerializer):
    """Only the fields sent change; the account stays."""

    user = None


class PanelSerializer(serializers.ModelSerializer):
    proposals = serializers.PrimaryKeyRelatedField(many=True, read_only=True)

    class Meta:
        model = Panel
        fields = ["id", "contest", "stage", "name", "reviewers_per_proposal", "members", "chair", "proposals",
                  "signed_off_at"]
        read_only_fields = fields


ID = {"min_value": 1, "max_value": 2**31 - 1}


class PanelInputSerializer(serializers.Serializer):
    contest = serializers.PrimaryKeyRelatedField(queryset=Contest.objects.all())
    stage = serializers.SlugField(max_length=16, help_text="The code of one of the contest's stages.")
    name = serializers.CharField(max_length=100)
    reviewers_per_proposal = serializers.IntegerField(min_value=1, max_value=20)
    members = serializers.ListField(child=serializers.IntegerField(**ID), max_length=200,
                                    help_text="Reviewer ids from the pool.")
    chair = serializers.IntegerField(**ID, required=False, allow_null=True, help_text="One of the members.")


class PanelMembersSerializer(serializers.Serializer):
    members = serializers.ListField(child=serializers.IntegerField(**ID), max_length=200)
    chair = serializers.IntegerField(**ID, required=False, allow_null=True)


class PanelProposalsSerializer(serializers.Serializer):
    proposals = serializers.ListField(child=serializers.IntegerField(**ID), min_length=1, max_length=500,
                                      help_text="Submitted proposals of the contest that no panel of the stage has.")


class DeadlineSerializer(serializers.Serializer):
    due_at = PlausibleDateTimeField()


class ManualAssignSerializer(serializers.Serializer):
    proposal = serializers.IntegerField(**ID)
    reviewer = serializers.IntegerField(**ID)


class ShortfallSerializer(serializers.Serializer):
    proposal = serializers.IntegerField()
    missing = serializers.IntegerField(help_text="Reviewers it still lacks: none free of conflict was left.")


class AssignmentReportSerializer(serializers.Serializer):
    created = serializers.ListField(child=serializers.IntegerField(), help_text="The assignments made now.")
    shortfalls = ShortfallSerializer(many=True)
    complete = serializers.BooleanField()


class CriterionSerializer(serializers.ModelSerializer):
    class Meta:
        model = Criterion
        fields = ["code", "name_ko", "name_en", "description", "max_points", "position", "tie_break_order"]


class RubricSerializer(serializers.ModelSerializer):
    criteria = CriterionSerializer(many=True, read_only=True)
    frozen = serializers.SerializerMethodField()

    class Meta:
        model = Rubric
        fields = ["id", "contest", "stage", "trim_min_sheets", "pass_mark", "criteria", "frozen"]

    def get_frozen(self, rubric) -> bool:
        return not can_change_rubric(rubric)


class CriterionInputSerializer(serializers.Serializer):
    code = serializers.SlugField(max_length=40)
    name_ko = serializers.CharField(max_length=100)
    name_en = serializers.CharField(max_length=150)
    description = serializers.CharField(required=False, allow_blank=True, default="")
    max_points = serializers.IntegerField(min_value=1, max_value=1000)
    position = serializers.IntegerField(min_value=0, max_value=1000, required=False, default=0)
    tie_break_order = serializers.IntegerField(min_value=1, max_value=1000, required=False, allow_null=True)


class RubricChangeSerializer(serializers.Serializer):
    trim_min_sheets = serializers.IntegerField(min_value=3, max_value=100)
    pass_mark = serializers.DecimalField(max_digits=6, decimal_places=2, min_value=0, max_value=1000)
    criteria = CriterionInputSerializer(many=True, min_length=1, max_length=50)


class RubricInputSerializer(RubricChangeSerializer):
    contest = serializers.PrimaryKeyRelatedField(queryset=Contest.objects.all())
    stage = serializers.SlugField(max_length=16, help_text="The code of one of the contest's stages.")
