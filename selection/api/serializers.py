"""The selection's API shapes."""
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from applications.api.layout import LeadInRoundMixin, in_round_list
from applications.models import Contest
from core.api.filters import BIGINT_MAX
from core.fields import MAX_KRW
from selection import permissions
from selection.models import Objection, ObjectionReview, Outcome, SelectionDecision, SelectionRun

IN_ROUND = {"local_government": "proposal__lead_local_government", "contest": "run__contest"}


class DecisionSerializer(LeadInRoundMixin, serializers.ModelSerializer):
    """The lead by its current code, and by name and province as on the contest's eligibility date (issue 20)."""

    receipt_number = serializers.CharField(source="proposal.receipt_number", read_only=True)
    local_government = serializers.CharField(source="proposal.lead_local_government.code", read_only=True)
    local_government_name = serializers.SerializerMethodField(
        help_text="The lead local government's name on the contest's eligibility date.")

    class Meta:
        model = SelectionDecision
        fields = ["id", "proposal", "receipt_number", "local_government", "local_government_name", "province_code",
                  "province_name", "rank", "stage_scores", "document_score", "presentation_score", "combined_score",
                  "requested_national_krw", "computed_outcome", "computed_national_krw", "outcome", "national_krw",
                  "funding_reduced", "tie_at_boundary", "round_code"]
        list_serializer_class = in_round_list(**IN_ROUND)

    in_round = IN_ROUND

    def get_local_government_name(self, decision) -> str:
        return decision.proposal.lead_local_government.name


class SelectionRunSerializer(serializers.ModelSerializer):
    class Meta:
        model = SelectionRun
        fields = ["id", "contest", "number", "status", "requested_by", "requested_at", "reason", "finished_at",
                  "inputs_digest", "warnings", "error", "approved_by", "approved_at", "approval_note",
                  "published_at", "objection_closes_at", "confirmed_at"]


class SelectionRunDetailSerializer(SelectionRunSerializer):
    decisions = DecisionSerializer(many=True, read_only=True)

    class Meta(SelectionRunSerializer.Meta):
        fields = [*SelectionRunSerializer.Meta.fields, "inputs", "decisions"]


class StartRunSerializer(serializers.Serializer):
    contest = serializers.PrimaryKeyRelatedField(queryset=Contest.objects.all())
    reason = serializers.CharField(required=False, allow_blank=True, default="")


class NoteSerializer(serializers.Serializer):
    note = serializers.CharField(required=False, allow_blank=True, default="")


class ObjectionSerializer(serializers.ModelSerializer):
    proposal = serializers.IntegerField(source="decision.proposal_id", read_only=True)
    run = serializers.IntegerField(source="decision.run_id", read_only=True)

    class Meta:
        model = Objection
        fields = ["id", "decision", "run", "proposal", "filed_at", "reasons", "status", "answer", "decided_at"]
        read_only_fields = ["status", "answer", "decided_at"]


class ReReviewSerializer(serializers.ModelSerializer):
    """A re-review as its reviewer reads it: the objection's reasons only while the proposal opens to him
    through it (``permissions.can_read_through_re_review``), else null."""

    proposal = serializers.IntegerField(source="objection.decision.proposal_id", read_only=True)
    receipt_number = serializers.CharField(source="objection.decision.proposal.receipt_number", read_only=True)
    proposal_title = serializers.CharField(source="objection.decision.proposal.title", read_only=True)
    objection_status = serializers.CharField(source="objection.status", read_only=True)
    reads_proposal = serializers.SerializerMethodField(
        help_text="Whether the proposal, its files and the objection open to him now: pledge signed, objection "
                  "undecided.")
    objection_reasons = serializers.SerializerMethodField()

    class Meta:
        model = ObjectionReview
        fields = ["id", "objection", "proposal", "receipt_number", "proposal_title", "objection_status", "status",
                  "requested_at", "pledge_signed_at", "conflict_reason", "reads_proposal", "objection_reasons",
                  "supports_objection", "opinion", "submitted_at"]
        read_only_fields = fields

    def _reading(self, review: ObjectionReview) -> bool:
        return bool(permissions.can_read_through_re_review(self.context["request"].user, review))

    def get_reads_proposal(self, review: ObjectionReview) -> bool:
        return self._reading(review)

    @extend_schema_field(serializers.CharField(allow_null=True))
    def get_objection_reasons(self, review: ObjectionReview) -> str | None:
        return review.objection.reasons if self._reading(review) else None


class ReReviewOpinionSerializer(serializers.Serializer):
    supports_objection = serializers.BooleanField()
    opinion = serializers.CharField(max_length=20000)


class FileObjectionSerializer(serializers.Serializer):
    decision = serializers.IntegerField(min_value=1, max_value=BIGINT_MAX)
    reasons = serializers.CharField()


class DecideObjectionSerializer(serializers.Serializer):
    accept = serializers.BooleanField()
    answer = serializers.CharField()
    outcome = serializers.ChoiceField(choices=Outcome.choices, required=False)
    national_krw = serializers.IntegerField(min_value=0, max_value=MAX_KRW, required=False)


class ProposalResultSerializer(serializers.Serializer):
    """A proposal's published result as its local governments and provinces see it: the decision to object to
    (``decision``), the outcome, the rank, the stage and combined scores out of 100 (never a reviewer's sheet),
    the national funding in KRW over the contest's years, and the objection window (KST instant; ``can_object``
    tells whether the caller may file one now)."""

    decision = serializers.IntegerField(source="pk")
    run = serializers.IntegerField(source="run_id")
    run_status = serializers.CharField(source="run.status")
    published_at = serializers.DateTimeField(source="run.published_at")
    confirmed_at = serializers.DateTimeField(source="run.confirmed_at", allow_null=True)
    outcome = serializers.ChoiceField(choices=Outcome.choices)
    outcome_label = serializers.CharField(source="get_outcome_display")
    rank = serializers.IntegerField(allow_null=True)
    stage_scores = serializers.DictField(child=serializers.CharField(allow_null=True),
                                         help_text="Per stage code: the score out of 100, or null.")
    document_score = serializers.DecimalField(max_digits=5, decimal_places=2, allow_null=True,
                                              help_text="The document stage's score (stage_scores has every stage).")
    presentation_score = serializers.DecimalField(max_digits=5, decimal_places=2, allow_null=True,
                                                  help_text="The presentation stage's score.")
    combined_score = serializers.DecimalField(max_digits=5, decimal_places=2, allow_null=True)
    national_krw = serializers.IntegerField()
    funding_years = serializers.IntegerField(source="run.contest.funding_years")
    objection_closes_at = serializers.DateTimeField(source="run.objection_closes_at")
    can_object = serializers.SerializerMethodField()
    objection = serializers.SerializerMethodField()

    def get_can_object(self, decision) -> bool:
        request = self.context.get("request")
        return bool(request and permissions.can_file_objection(request.user, decision))

    def get_objection(self, decision) -> int | None:
        objection = getattr(decision, "objection", None)
        return objection.pk if objection is not None else None
