from rest_framework import serializers

from regions.models import AdministrativeCode, Designation, LocalGovernment, Province


class ProvinceSerializer(serializers.ModelSerializer):
    class Meta:
        model = Province
        fields = ["id", "code", "legacy_code", "name_ko", "name_en", "former_name_ko", "code_changed_on"]


class DesignationSerializer(serializers.ModelSerializer):
    local_government_code = serializers.CharField(source="local_government.code", read_only=True)

    class Meta:
        model = Designation
        fields = ["id", "local_government", "local_government_code", "kind", "valid_from", "valid_to", "source",
                  "note"]


class AdministrativeCodeSerializer(serializers.ModelSerializer):
    class Meta:
        model = AdministrativeCode
        fields = ["code", "valid_from", "valid_to"]


class LocalGovernmentSerializer(serializers.ModelSerializer):
    province = ProvinceSerializer(read_only=True)
    designations = DesignationSerializer(many=True, read_only=True)
    codes = AdministrativeCodeSerializer(many=True, read_only=True)

    class Meta:
        model = LocalGovernment
        fields = ["id", "code", "name_ko", "name_en", "kind", "is_autonomous", "valid_from", "valid_to", "province",
                  "codes", "designations"]
