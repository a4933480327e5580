from rest_framework import serializers

from ministries.models import Measure, MeasureType, Ministry, SupportLineKind
from ministries.services import DESCRIPTION_LENGTH


class MeasureSerializer(serializers.ModelSerializer):
    class Meta:
        model = Measure
        fields = ["code", "name_ko", "name_en", "type", "choices", "required", "summed", "requestable", "key"]


class SupportLineKindSerializer(serializers.ModelSerializer):
    ministry = serializers.SlugRelatedField(slug_field="code", read_only=True)
    measures = MeasureSerializer(many=True, read_only=True)
    rules = serializers.SerializerMethodField()

    class Meta:
        model = SupportLineKind
        fields = ["code", "ministry", "name_ko", "name_en", "description_ko", "description_en", "measures", "rules"]

    def get_rules(self, line) -> list[dict[str, str]]:
        return [{"left": rule.left.code, "op": rule.op, "right": rule.right.code} for rule in line.rules.all()]


class MinistrySerializer(serializers.ModelSerializer):
    support_lines = SupportLineKindSerializer(source="support_line_kinds", many=True, read_only=True)

    class Meta:
        model = Ministry
        fields = ["code", "name_ko", "name_en", "is_lead", "support_lines"]


class MinistryCreateSerializer(serializers.Serializer):
    code = serializers.CharField(max_length=8)
    name_ko = serializers.CharField(max_length=100)
    name_en = serializers.CharField(max_length=150)
    reason = serializers.CharField(max_length=2000, required=False, allow_blank=True, default="")


class OptionSerializer(serializers.Serializer):
    code = serializers.CharField(max_length=40)
    name_ko = serializers.CharField(max_length=100)
    name_en = serializers.CharField(max_length=150)


class MeasureInputSerializer(serializers.Serializer):
    code = serializers.CharField(max_length=32)
    name_ko = serializers.CharField(max_length=100)
    name_en = serializers.CharField(max_length=150)
    type = serializers.ChoiceField(choices=MeasureType.choices)
    choices = OptionSerializer(many=True, required=False, default=list)
    required = serializers.BooleanField(required=False, default=False)
    summed = serializers.BooleanField(required=False, default=False)
    requestable = serializers.BooleanField(required=False, default=False)
    key = serializers.BooleanField(required=False, default=False)


class MeasureTypeSerializer(serializers.Serializer):
    type = serializers.ChoiceField(choices=MeasureType.choices)


class RuleInputSerializer(serializers.Serializer):
    left = serializers.CharField(max_length=32)
    op = serializers.ChoiceField(choices=[("lte", "lte")], default="lte")
    right = serializers.CharField(max_length=32)


class RuleChangeSerializer(RuleInputSerializer):
    """A rule to add to a line, or to remove from it, and why (required; kept in the audit trail)."""

    reason = serializers.CharField(max_length=2000, required=False, allow_blank=True, default="")


class SupportLineKindCreateSerializer(serializers.Serializer):
    ministry = serializers.CharField(max_length=8)
    code = serializers.CharField(max_length=32)
    name_ko = serializers.CharField(max_length=100)
    name_en = serializers.CharField(max_length=150)
    description_ko = serializers.CharField(required=False, allow_blank=True, default="",
                                           max_length=DESCRIPTION_LENGTH)
    description_en = serializers.CharField(required=False, allow_blank=True, default="",
                                           max_length=DESCRIPTION_LENGTH)
    measures = MeasureInputSerializer(many=True)
    rules = RuleInputSerializer(many=True, required=False, default=list)
    reason = serializers.CharField(max_length=2000, required=False, allow_blank=True, default="")
