from datetime import date

from django.utils import timezone
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from regions.models import AdministrativeCode, Designation, DesignationState, LocalGovernment, Province
from regions.selectors import code_on, period_on
from regions.succession import undecided_designation_ids


class ProvinceSerializer(serializers.ModelSerializer):
    successor_code = serializers.CharField(source="successor.code", read_only=True, default=None, allow_null=True)

    class Meta:
        model = Province
        fields = ["id", "code", "legacy_code", "name_ko", "name_en", "name_en_provisional", "short_name_ko",
                  "former_name_ko", "code_changed_on", "valid_from", "valid_to", "successor_code"]


class DesignationSerializer(serializers.ModelSerializer):
    """``source`` and ``note`` as cited in the data file or typed; ``source_localized`` and ``note_localized``
    in the caller's language (a shipped notice's Korean or English citation), as the registry shows them."""

    local_government_code = serializers.CharField(source="local_government.code", read_only=True)
    state = serializers.SerializerMethodField(
        help_text="On the request's day (``on``, today by default): valid, not_valid, awaiting_successor (its "
                  "unit no longer exists and the council has not decided on the successor) or ended_with_unit.")
    source_localized = serializers.CharField(source="localized_source", read_only=True)
    note_localized = serializers.CharField(source="localized_note", read_only=True)

    class Meta:
        model = Designation
        fields = ["id", "local_government", "local_government_code", "kind", "valid_from", "valid_to", "source",
                  "note", "state", "source_localized", "note_localized"]

    @extend_schema_field(serializers.ChoiceField(choices=DesignationState.choices))
    def get_state(self, obj) -> str:
        context = self.context
        if "undecided_designation_ids" not in context:  # one query for the whole response
            context["undecided_designation_ids"] = undecided_designation_ids()
        day = context.get("day") or timezone.localdate()
        return str(obj.state_on(day, successor_undecided=obj.pk in context["undecided_designation_ids"]))


class AdministrativeCodeSerializer(serializers.ModelSerializer):
    class Meta:
        model = AdministrativeCode
        fields = ["code", "valid_from", "valid_to", "verified", "source"]


class LocalGovernmentSerializer(serializers.ModelSerializer):
    """A local government as it stood on the request's day (``on``, today by default): ``code``,
    ``name_ko``, ``name_en`` and ``province`` are that day's; ``current_code`` is today's."""

    code = serializers.SerializerMethodField()
    name_ko = serializers.SerializerMethodField()
    name_en = serializers.SerializerMethodField()
    province = serializers.SerializerMethodField()
    on = serializers.SerializerMethodField()
    current_code = serializers.CharField(source="code", read_only=True)
    designations = DesignationSerializer(many=True, read_only=True)
    codes = AdministrativeCodeSerializer(many=True, read_only=True)

    class Meta:
        model = LocalGovernment
        fields = ["id", "on", "code", "current_code", "name_ko", "name_en", "kind", "is_autonomous", "valid_from",
                  "valid_to", "province", "codes", "designations"]

    def _day(self) -> date:
        return self.context.get("day") or timezone.localdate()

    def _period(self, obj):
        return period_on(obj, self._day())

    def get_on(self, obj) -> date:
        return self._day()

    def get_code(self, obj) -> str:
        return code_on(obj, self._day())

    def get_name_ko(self, obj) -> str:
        period = self._period(obj)
        return period.name_ko if period else obj.name_ko

    def get_name_en(self, obj) -> str:
        period = self._period(obj)
        return period.name_en if period else obj.name_en

    @extend_schema_field(ProvinceSerializer)
    def get_province(self, obj) -> dict:
        period = self._period(obj)
        return ProvinceSerializer(period.province if period else obj.province, context=self.context).data
