"""API rows in their rounds' layouts (issue 20): a page of rows stands every row's local government first, in
a fixed number of queries (``applications.selectors.layout``), before each row is serialized; a single row
stands itself."""
from operator import attrgetter

from rest_framework import serializers

from applications.selectors.layout import in_round_layout


def in_round_list(**paths: str) -> type[serializers.ListSerializer]:
    """A ``list_serializer_class`` standing the rows with ``in_round_layout(rows, **paths)``."""

    class InRoundList(serializers.ListSerializer):
        def to_representation(self, data):
            return super().to_representation(in_round_layout(data.all() if hasattr(data, "all") else data,
                                                             **paths))

    return InRoundList


class LeadInRoundMixin(serializers.Serializer):
    """The lead local government's province as on the contest's eligibility date (a 2025 round's Gokseong-gun:
    46, 전라남도). ``in_round`` holds the ``in_round_layout`` paths; its ``local_government`` is the lead."""

    in_round: dict[str, str] = {}
    province_code = serializers.SerializerMethodField(
        help_text="The lead's province's 2-digit code on the contest's eligibility date.")
    province_name = serializers.SerializerMethodField(
        help_text="The lead's province's name on the contest's eligibility date.")
    round_code = serializers.SerializerMethodField(
        help_text="The lead's 5-digit code on the contest's eligibility date (a 2025 round's Gokseong-gun: 46720; "
                  "the lead's own field is its code today, 12720).")

    def lead(self, instance):
        return attrgetter(self.in_round["local_government"].replace("__", "."))(instance)

    def to_representation(self, instance):
        if getattr(self.lead(instance), "as_of", None) is None:
            in_round_layout([instance], **self.in_round)
        return super().to_representation(instance)

    def get_province_code(self, instance) -> str:
        return self.lead(instance).layout_province.code

    def get_province_name(self, instance) -> str:
        return self.lead(instance).layout_province.name

    def get_round_code(self, instance) -> str:
        return self.lead(instance).layout_code
