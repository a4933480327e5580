"""A contest's selection policy through the API (council): read it (the defaults until set) and set it with the
page's ``PolicyForm`` (per stage ``<code>_weight_pct`` adding up to 100 and ``<code>_cutoff`` within 0–100, the
tie-break order, the reserves) and ``save_policy`` (refused once a run is approved), audited the same."""
from django.shortcuts import get_object_or_404
from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.response import Response
from rest_framework.views import APIView

from applications.models import Contest
from applications.selectors import contest_stages
from core.api.errors import refusals_as_400
from core.api.forms import body_object, validated
from core.api.permissions import UserLanguageMixin, decision_permission
from selection import forms, permissions, services
from selection.computation import policy_values

CanManageSelection = decision_permission(permissions.can_manage_selection)


class PolicySerializer(serializers.Serializer):
    """Besides these, per stage ``<code>_weight_pct`` (whole percent) and ``<code>_cutoff`` (out of 100)."""

    contest = serializers.IntegerField()
    stages = serializers.ListField(child=serializers.CharField(), help_text="The stage codes in order.")
    tie_break = serializers.ListField(child=serializers.CharField(),
                                      help_text="Stage codes or national_request, then receipt_number.")
    reserve_count = serializers.IntegerField()
    updated_at = serializers.DateTimeField(allow_null=True)
    saved = serializers.BooleanField(help_text="False while the contest runs on the defaults.")


class PolicyInputSerializer(serializers.Serializer):
    """Per stage ``<code>_weight_pct`` (whole percent, adding up to 100) and ``<code>_cutoff`` (out of 100)."""

    reserve_count = serializers.IntegerField(min_value=0, max_value=1000)
    tie_break = serializers.ListField(child=serializers.CharField(max_length=40), required=False,
                                      help_text="Stage codes or national_request; the receipt number decides last.")


def policy_data(contest: Contest) -> dict:
    policy, stages = services.policy_for(contest), contest_stages(contest)
    return {"contest": contest.pk, **policy_values(policy, stages), "updated_at": policy.updated_at,
            "saved": policy.pk is not None}


class SelectionPolicyView(UserLanguageMixin, APIView):
    permission_classes = [CanManageSelection]

    @extend_schema(tags=["selection"], responses=PolicySerializer, summary="The contest's selection policy")
    def get(self, request, pk: int):
        contest = get_object_or_404(Contest, pk=pk)
        return Response(policy_data(contest))

    @extend_schema(tags=["selection"], request=PolicyInputSerializer, responses=PolicySerializer,
                   summary="Set the selection policy (until a run is approved)")
    def put(self, request, pk: int):
        contest = get_object_or_404(Contest, pk=pk)
        data = {**body_object(request)}
        if isinstance(data.get("tie_break"), list):
            data["tie_break"] = ",".join(str(key) for key in data["tie_break"])
        form = validated(forms.PolicyForm(data, stages=contest_stages(contest), policy=services.policy_for(contest)))
        with refusals_as_400(services.SelectionRefused):
            services.save_policy(actor=request.user, contest=contest, values=form.cleaned_data)
        return Response(policy_data(contest))
