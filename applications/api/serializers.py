"""The applications API's shapes: contests, proposals with their sections, versions and files.

Input serializers describe the shape for the schema; their rules come from the pages' forms (see
``applications/api/sections.py``), so the API refuses exactly what the pages refuse.
"""
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from applications.checklist import SECTION_FIELDS, completeness_checklist, missing_company_fields
from applications.extensions import outcome_api_result
from applications.models import (
    BudgetLine,
    Contest,
    GrowthStage,
    KpiTarget,
    ParticipatingCompany,
    Proposal,
    ProposalAttachment,
    ProposalVersion,
    SupportRequest,
)
from applications.selectors import review_dates
from applications.support_requests import request_gaps
from core.api.fields import PlausibleDateTimeField
from core.fields import MAX_KRW
from ministries.registry import spec_to_show

from .layout import LeadInRoundMixin, in_round_list


class ReviewDateField(serializers.DateField):
    """A date of the contest's document or presentation stage (``applications.selectors.REVIEW_DATE_FIELDS``), read
    from its stage rows: prefetch ``stages`` for a list."""

    def __init__(self, **kwargs):
        super().__init__(source="*", read_only=True, allow_null=True, **kwargs)

    def to_representation(self, contest: Contest) -> str | None:
        return super().to_representation(review_dates(contest)[self.field_name])


class ContestSerializer(serializers.ModelSerializer):
    name = serializers.CharField(read_only=True)
    document_review_starts_on = ReviewDateField(help_text="The document review stage's first day.")
    document_review_ends_on = ReviewDateField(help_text="The document review stage's last day.")
    presentation_review_starts_on = ReviewDateField(help_text="The presentation review stage's first day.")
    presentation_review_ends_on = ReviewDateField(help_text="The presentation review stage's last day.")
    accepted_designation_kinds = serializers.SlugRelatedField(many=True, read_only=True, slug_field="kind")
    participating_ministries = serializers.SlugRelatedField(many=True, read_only=True, slug_field="code")

    class Meta:
        model = Contest
        fields = ["id", "name", "name_ko", "name_en", "year", "announced_on", "briefing_on", "application_opens_at",
                  "application_closes_at", "document_review_starts_on", "document_review_ends_on",
                  "presentation_review_starts_on", "presentation_review_ends_on", "selection_on",
                  "results_published_on", "objection_period_days", "target_task_count", "funding_years",
                  "national_cap_per_task_krw", "provincial_match_min_bp", "local_match_min_bp",
                  "total_national_budget_krw", "company_support_cap_krw", "accepted_designation_kinds",
                  "participating_ministries", "preselection_for"]


class CompanySerializer(serializers.ModelSerializer):
    missing = serializers.SerializerMethodField(help_text=(
        "The fields this row still lacks before the proposal can be submitted (a draft keeps a row as far as "
        "it is typed); empty when it is complete."))

    class Meta:
        model = ParticipatingCompany
        fields = ["name", "business_registration_number", "growth_stage", "youth_led", "missing"]

    def get_missing(self, company: ParticipatingCompany) -> list[str]:
        return missing_company_fields({field: getattr(company, field) for field in self.Meta.fields[:3]})


class BudgetLineSerializer(serializers.ModelSerializer):
    class Meta:
        model = BudgetLine
        fields = ["year", "source", "amount_krw"]


class KpiTargetSerializer(serializers.ModelSerializer):
    class Meta:
        model = KpiTarget
        fields = ["indicator", "target"]


class SupportRequestSerializer(serializers.ModelSerializer):
    line = serializers.SlugRelatedField(slug_field="code", read_only=True,
                                        help_text="The support line's code (GET /api/v1/ministries/).")
    values = serializers.DictField(read_only=True, help_text=(
        "The line's requestable measures by code: integers for counts and KRW, option codes, text."))

    missing = serializers.SerializerMethodField(help_text=(
        "The required measures this request still lacks before the proposal can be submitted, by code; empty "
        "when it is complete."))

    class Meta:
        model = SupportRequest
        fields = ["line", "values", "description", "missing"]

    def get_missing(self, request: SupportRequest) -> list[str]:
        return list(request_gaps(spec_to_show(request.line), request.values))


class ChecklistItemSerializer(serializers.Serializer):
    part = serializers.CharField(source="field", help_text="A text section's field or a structured part's name.")
    label = serializers.CharField()
    done = serializers.BooleanField()
    hint = serializers.CharField(help_text="What is left to do, when not done.")
    rows = serializers.ListField(child=serializers.CharField(),
                                 help_text="Each saved row that still lacks something, named as the page names it.")


@extend_schema_field(ChecklistItemSerializer(many=True))
class ChecklistField(serializers.Field):
    """What the proposal still needs before submission, as the page's checklist says it."""

    def __init__(self, **kwargs):
        super().__init__(source="*", read_only=True, **kwargs)

    def to_representation(self, proposal: Proposal) -> list[dict]:
        return ChecklistItemSerializer(completeness_checklist(proposal), many=True).data


class AttachmentSerializer(serializers.ModelSerializer):
    class Meta:
        model = ProposalAttachment
        fields = ["id", "kind", "original_name", "file_format", "size_bytes", "sha256", "uploaded_at", "frozen"]


IN_ROUND = {"local_government": "lead_local_government", "partners": "partners"}


class ProposalSerializer(LeadInRoundMixin, serializers.ModelSerializer):
    """The lead and partners by their current codes (any code a unit carried finds it), and by name and
    province as on the contest's eligibility date (issue 20: a 2025 round's Gokseong-gun in 전라남도, 46)."""

    lead_local_government = serializers.SlugRelatedField(slug_field="code", read_only=True)
    lead_local_government_name = serializers.SerializerMethodField(
        help_text="The lead local government's name on the contest's eligibility date.")
    partners = serializers.SlugRelatedField(slug_field="code", many=True, read_only=True)
    partner_names = serializers.SerializerMethodField(
        help_text="Each partner, province and name, on the contest's eligibility date (in the order of partners).")

    class Meta:
        model = Proposal
        fields = ["id", "contest", "lead_local_government", "lead_local_government_name", "province_code",
                  "province_name", "partners", "partner_names", "status", "title", "receipt_number",
                  "first_submitted_at", "correction_due_at", "correction_reason", "created_at", "updated_at",
                  "round_code"]
        read_only_fields = fields
        list_serializer_class = in_round_list(**IN_ROUND)

    in_round = IN_ROUND

    def get_lead_local_government_name(self, proposal) -> str:
        return proposal.lead_local_government.name

    def get_partner_names(self, proposal) -> list[str]:
        return [str(partner) for partner in proposal.partners.all()]


class ProposalResultField(serializers.Field):
    """The proposal's published result, read through ``applications.extensions`` (selection fills it in and
    gives its schema with an OpenAPI field extension, ``selection/api/schema.py``)."""

    def __init__(self, **kwargs):
        super().__init__(source="*", read_only=True, **kwargs)

    def to_representation(self, proposal) -> dict | None:
        request = self.context.get("request")
        return outcome_api_result(request, proposal, self.context) if request else None


class ProposalDetailSerializer(ProposalSerializer):
    result = ProposalResultField(
        help_text="The published selection result, for those it concerns; null before publication.")
    companies = CompanySerializer(many=True, read_only=True)
    budget_lines = BudgetLineSerializer(many=True, read_only=True)
    kpi_targets = KpiTargetSerializer(many=True, read_only=True)
    support_requests = SupportRequestSerializer(many=True, read_only=True)
    attachments = AttachmentSerializer(source="current_attachments", many=True, read_only=True)
    checklist = ChecklistField(help_text=(
        "Every part and whether it is ready for submission; a part's rows name what each saved row lacks."))

    class Meta(ProposalSerializer.Meta):
        fields = [*ProposalSerializer.Meta.fields, "draft_version", "result", *SECTION_FIELDS[1:], "companies",
                  "budget_lines",
                  "kpi_targets", "support_requests", "attachments", "checklist"]
        read_only_fields = fields



class ProposalVersionSerializer(serializers.ModelSerializer):
    submitted_by = serializers.SlugRelatedField(slug_field="username", read_only=True)
    checksum_matches = serializers.BooleanField(read_only=True)

    class Meta:
        model = ProposalVersion
        fields = ["number", "submitted_at", "submitted_by", "content_sha256", "checksum_matches", "content"]


# ---- input -------------------------------------------------------------------------------------------------------

class ProposalInputSerializer(serializers.Serializer):
    """The text sections and the partners (5-digit codes); checked by the page's ``ProposalForm``."""

    title = serializers.CharField(max_length=300)
    summary = serializers.CharField(required=False, allow_blank=True, default="")
    specialty_resource = serializers.CharField(required=False, allow_blank=True, default="")
    industry = serializers.CharField(required=False, allow_blank=True, default="")
    extinction_strategy = serializers.CharField(required=False, allow_blank=True, default="")
    support_programme = serializers.CharField(required=False, allow_blank=True, default="")
    partners = serializers.ListField(child=serializers.CharField(max_length=10), required=False, default=list)


class ProposalUpdateSerializer(ProposalInputSerializer):
    draft_version = serializers.IntegerField(
        required=False, allow_null=True, min_value=0, max_value=10**9 - 1,
        help_text="The draft_version this text was written from (as read). When the draft has been saved since, "
                  "nothing is saved over a text that changed there: the answer is a 409 with both texts. "
                  "Leave it out to save regardless (the last save wins).")


class DraftConflictSerializer(serializers.Serializer):
    detail = serializers.CharField()
    fields = serializers.ListField(child=serializers.CharField(), help_text="The sections changed on both sides.")
    saved = serializers.DictField(child=serializers.CharField(allow_blank=True),
                                  help_text="Every text section as saved meanwhile.")
    yours = serializers.DictField(child=serializers.CharField(allow_blank=True),
                                  help_text="Your text where both changed, the merge elsewhere.")
    draft_version = serializers.IntegerField(help_text="The current version, to send with the merged text.")


class ProposalCreateSerializer(ProposalInputSerializer):
    contest = serializers.PrimaryKeyRelatedField(queryset=Contest.objects.all())


class CompanyInputSerializer(serializers.Serializer):
    """A company row. A draft keeps it as far as it is sent (a name without its number yet); the detail's
    ``missing`` and ``checklist`` say what submission still asks of it."""

    name = serializers.CharField(max_length=200, required=False, allow_blank=True, default="")
    business_registration_number = serializers.CharField(max_length=14, required=False, allow_blank=True, default="",
                                                         help_text="10 digits; dashes are allowed.")
    growth_stage = serializers.ChoiceField(choices=GrowthStage.choices, required=False, allow_blank=True, default="")
    youth_led = serializers.BooleanField(required=False, default=False)


class CompaniesInputSerializer(serializers.Serializer):
    companies = CompanyInputSerializer(many=True, max_length=200)


class BudgetInputSerializer(serializers.Serializer):
    lines = BudgetLineSerializer(many=True, max_length=100)


class KpiTargetsInputSerializer(serializers.Serializer):
    targets = KpiTargetSerializer(many=True, max_length=20)


# The first round's fixed request fields (before requests were rows against the ministries' lines), still
# accepted from clients written against it: each names the measure of its line that now holds it.
FIRST_ROUND_FIELDS = {
    "regional_visa": {"visa_type": "visa_type", "persons": "requested"},
    "extinction_fund": {"project_name": "name", "amount_krw": "approved_krw"},
    "rural_agreement_facility": {"project_name": "name", "amount_krw": "amount_krw"},
    "sme_commercialization": {"support_item": "item", "companies": "companies", "amount_krw": "amount_krw"},
}
FIRST_ROUND_FIELD_NAMES = sorted({field for fields in FIRST_ROUND_FIELDS.values() for field in fields})


class SupportRequestInputSerializer(serializers.Serializer):
    """One request: ``line`` and ``values`` by measure code. A client of the first round may still send the
    fixed fields it knew (``visa_type``, ``persons``, ``project_name``, ``support_item``, ``companies``,
    ``amount_krw``) instead of ``values``; they are read as the measures that hold them now, and then checked
    by the same rule."""

    line = serializers.CharField(max_length=32, help_text="A support line's code (GET /api/v1/ministries/).")
    values = serializers.DictField(required=False, help_text=(
        "The line's requestable measures by code (e.g. regional_visa: visa_type, requested); a value of the "
        "wrong type, an unknown measure or a missing required one is a 400 naming the measure."))
    description = serializers.CharField(required=False, allow_blank=True, default="", max_length=2000)
    visa_type = serializers.CharField(required=False, allow_blank=True, max_length=32,
                                      help_text="Deprecated (first round): values.visa_type.")
    persons = serializers.IntegerField(required=False, allow_null=True, min_value=0, max_value=MAX_KRW,
                                       help_text="Deprecated (first round): values.requested.")
    project_name = serializers.CharField(required=False, allow_blank=True, max_length=300,
                                         help_text="Deprecated (first round): values.name.")
    support_item = serializers.CharField(required=False, allow_blank=True, allow_null=True, max_length=32,
                                         help_text="Deprecated (first round): values.item.")
    companies = serializers.IntegerField(required=False, allow_null=True, min_value=0, max_value=MAX_KRW,
                                         help_text="Deprecated (first round): values.companies.")
    amount_krw = serializers.IntegerField(required=False, allow_null=True, min_value=0, max_value=MAX_KRW,
                                          help_text="Deprecated (first round): values.approved_krw or amount_krw.")

    def validate(self, attrs: dict) -> dict:
        legacy = {name: attrs.pop(name) for name in FIRST_ROUND_FIELD_NAMES if name in attrs}
        if "values" in attrs:
            return attrs
        fields = FIRST_ROUND_FIELDS.get(attrs["line"], {})
        attrs["values"] = {measure: legacy[field] for field, measure in fields.items()
                           if legacy.get(field) not in (None, "")}
        return attrs


class SupportRequestsInputSerializer(serializers.Serializer):
    requests = SupportRequestInputSerializer(many=True, max_length=100)


class AttachmentInputSerializer(serializers.Serializer):
    kind = serializers.ChoiceField(choices=ProposalAttachment._meta.get_field("kind").choices)
    file = serializers.FileField()


class CorrectionRequestSerializer(serializers.Serializer):
    reason = serializers.CharField()
    due_at = PlausibleDateTimeField()


class ProvincialMatchSerializer(serializers.Serializer):
    amount_krw = serializers.IntegerField(min_value=0, max_value=MAX_KRW)
    note = serializers.CharField(required=False, allow_blank=True, default="")


class SubmittedSerializer(serializers.Serializer):
    """What a submission answers: the receipt and the version it froze."""

    receipt_number = serializers.CharField()
    version = ProposalVersionSerializer()
    proposal = ProposalDetailSerializer()
