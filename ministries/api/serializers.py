from rest_framework import serializers

from ministries.models import Ministry, SupportLineKind


class SupportLineKindSerializer(serializers.ModelSerializer):
    class Meta:
        model = SupportLineKind
        fields = ["code", "name_ko", "name_en", "description_ko", "description_en"]


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
