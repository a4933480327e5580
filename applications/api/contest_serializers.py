"""The contests API's input shapes. Types are checked here; the rules (window order, review after the deadline,
one name per year) are the page's ``ContestForm``'s, run by ``applications/api/contests.py``."""
from rest_framework import serializers

from applications.forms import ContestForm
from applications.models import Contest, ContestAttachment
from core.api.fields import PlausibleDateTimeField
from core.fields import percent_of_basis_points
from ministries.models import Ministry
from regions.models import DesignationKind


class ContestInputSerializer(serializers.Serializer):
    """A contest's settings. Times are instants (an offset or KST); amounts whole KRW; shares basis points."""

    name_ko = serializers.CharField(max_length=200)
    name_en = serializers.CharField(max_length=200, required=False, allow_blank=True)
    year = serializers.IntegerField(min_value=2000, max_value=2100)
    announced_on = serializers.DateField(required=False, allow_null=True)
    briefing_on = serializers.DateField(required=False, allow_null=True)
    application_opens_at = PlausibleDateTimeField()
    application_closes_at = PlausibleDateTimeField()
    document_review_starts_on = serializers.DateField(
        required=False, allow_null=True, help_text="The document review stage's first day: its stage's starts_on.")
    document_review_ends_on = serializers.DateField(
        required=False, allow_null=True, help_text="The document review stage's last day: its stage's ends_on.")
    presentation_review_starts_on = serializers.DateField(
        required=False, allow_null=True, help_text="The presentation review stage's first day: its stage's starts_on.")
    presentation_review_ends_on = serializers.DateField(
        required=False, allow_null=True, help_text="The presentation review stage's last day: its stage's ends_on.")
    selection_on = serializers.DateField(required=False, allow_null=True)
    results_published_on = serializers.DateField(required=False, allow_null=True)
    objection_period_days = serializers.IntegerField(min_value=0, max_value=365, required=False)
    target_task_count = serializers.IntegerField(min_value=1, max_value=1000, required=False)
    funding_years = serializers.IntegerField(min_value=1, max_value=10, required=False)
    national_cap_per_task_krw = serializers.IntegerField(min_value=1, max_value=10**15)
    provincial_match_min_bp = serializers.IntegerField(min_value=0, max_value=10_000, required=False)
    local_match_min_bp = serializers.IntegerField(min_value=0, max_value=10_000, required=False)
    total_national_budget_krw = serializers.IntegerField(min_value=0, max_value=10**15, required=False,
                                                         allow_null=True)
    accepted_designation_kinds = serializers.ListField(child=serializers.ChoiceField(choices=DesignationKind.choices),
                                                       min_length=1, max_length=len(DesignationKind.choices))
    participating_ministries = serializers.SlugRelatedField(slug_field="code", many=True,
                                                            queryset=Ministry.objects.all())
    preselection_for = serializers.PrimaryKeyRelatedField(
        queryset=Contest.objects.all(), required=False, allow_null=True,
        help_text="The later contest this one pre-selects for: its confirmed selection is recorded there as "
                  "preliminary selections.")


class ContestChangeSerializer(ContestInputSerializer):
    """Only the fields sent change; the reason is kept in the contest's history."""

    reason = serializers.CharField(max_length=500)


SHARES = ("provincial_match_min_bp", "local_match_min_bp")  # basis points here, percentages on the page's form


def _as_percent(data: dict) -> dict:
    """The API's (and the model's) basis points as the percentages the page's form reads."""
    return {name: percent_of_basis_points(value) if name in SHARES else value for name, value in data.items()}


def form_data(values: dict) -> dict:
    """The API's names and values as ``ContestForm`` data (Python values pass its fields unchanged; shares in
    basis points become the form's percentages)."""
    data = _as_percent({name: value for name, value in values.items()
                        if name in ContestForm.base_fields and name != "participating_ministries"})
    if "accepted_designation_kinds" in values:
        data["accepted_kinds"] = list(values["accepted_designation_kinds"])
    if "participating_ministries" in values:
        data["participating_ministries"] = [ministry.pk for ministry in values["participating_ministries"]]
    if "reason" in values:
        data["reason"] = values["reason"]
    return data


def defaults_form_data() -> dict:
    """The model's defaults for what a new contest's request leaves out (objection days, target, years, shares)."""
    return _as_percent({field.name: field.get_default() for field in Contest._meta.concrete_fields
                        if field.has_default() and field.name in ContestForm.base_fields})


def current_form_data(contest) -> dict:
    """A contest's current settings as ``ContestForm`` data, so a change names only what it changes."""
    form = ContestForm(instance=contest, editing=True)
    data = {name: form.initial.get(name) for name in form.fields if name != "reason"}
    data["accepted_kinds"] = list(contest.accepted_designation_kinds.values_list("kind", flat=True))
    data["participating_ministries"] = list(contest.participating_ministries.values_list("pk", flat=True))
    return _as_percent({name: value for name, value in data.items() if value is not None})


class ContestFileSerializer(serializers.ModelSerializer):
    class Meta:
        model = ContestAttachment
        fields = ["id", "title", "original_name", "file_format", "size_bytes", "sha256", "uploaded_at"]


class ContestFileInputSerializer(serializers.Serializer):
    title = serializers.CharField(max_length=200)
    file = serializers.FileField(help_text="PDF, HWP, HWPX, PPTX or XLSX; checked by its content.")
