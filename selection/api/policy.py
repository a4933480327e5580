"""A contest's selection policy through the API (council): read it (the defaults until set) and set it with the
page's ``PolicyForm`` (weights adding up to 100, cut-offs within 0–100) and ``save_policy`` (refused once a run
is approved), audited the same."""
from django.shortcuts import get_object_or_404
from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.response import Response
from rest_framework.views import APIView

from applications.models import Contest
from core.api.errors import refusals_as_400
from core.api.forms import validated
from core.api.permissions import UserLanguageMixin, decision_permission
from core.api.serializers import validated_data
from selection import forms, permissions, services
from selection.models import SelectionPolicy

CanManageSelection = decision_permission(permissions.can_manage_selection)


class PolicySerializer(serializers.ModelSerializer):
    saved = serializers.SerializerMethodField(help_text="False while the contest runs on the defaults.")
    updated_at = serializers.DateTimeField(read_only=True, allow_null=True)

    class Meta:
        model = SelectionPolicy
        fields = ["contest", "document_weight_pct", "presentation_weight_pct", "document_cutoff",
                  "presentation_cutoff", "reserve_count", "updated_at", "saved"]

    def get_saved(self, policy) -> bool:
        return policy.pk is not None


class PolicyInputSerializer(serializers.Serializer):
    """Weights in whole percent adding up to 100; cut-offs out of 100."""

    document_weight_pct = serializers.IntegerField(min_value=0, max_value=100)
    presentation_weight_pct = serializers.IntegerField(min_value=0, max_value=100)
    document_cutoff = serializers.DecimalField(max_digits=5, decimal_places=2, min_value=0, max_value=100)
    presentation_cutoff = serializers.DecimalField(max_digits=5, decimal_places=2, min_value=0, max_value=100)
    reserve_count = serializers.IntegerField(min_value=0, max_value=1000)


class SelectionPolicyView(UserLanguageMixin, APIView):
    permission_classes = [CanManageSelection]

    @extend_schema(tags=["selection"], responses=PolicySerializer, summary="The contest's selection policy")
    def get(self, request, pk: int):
        contest = get_object_or_404(Contest, pk=pk)
        return Response(PolicySerializer(services.policy_for(contest)).data)

    @extend_schema(tags=["selection"], request=PolicyInputSerializer, responses=PolicySerializer,
                   summary="Set the selection policy (until a run is approved)")
    def put(self, request, pk: int):
        contest = get_object_or_404(Contest, pk=pk)
        data = validated_data(PolicyInputSerializer, request)
        form = validated(forms.PolicyForm(data, instance=services.policy_for(contest)))
        with refusals_as_400(services.SelectionRefused):
            policy = services.save_policy(actor=request.user, contest=contest, values=form.cleaned_data)
        return Response(PolicySerializer(policy).data)
