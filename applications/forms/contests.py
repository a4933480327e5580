"""Forms of contests: the contest itself, preliminary selections and announcement files."""
from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from applications.models import Contest, PreliminarySelection
from applications.models.contest import BASIS_POINTS
from applications.selectors import REVIEW_DATE_FIELDS, contest_stages, review_dates
from applications.services.stages import no_stage_to_date
from core.fields import DATE_INPUT, BoundedModelForm, PercentAsBasisPointsField, PlausibleDateField
from core.uploads import check_upload
from ministries.models import Ministry
from regions.models import DesignationKind, LocalGovernment
from regions.selectors import local_government_by_code

DATE = DATE_INPUT
MAX_MATCH_PERCENT = BASIS_POINTS * 10 // 100  # the database's bound on a matching share (1,000%)
DATE_FIELDS = ("announced_on", "briefing_on", "selection_on", "results_published_on")
DATETIME = forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")


def _review_date(label: str) -> PlausibleDateField:
    return PlausibleDateField(label=label, required=False, widget=DATE)


class ContestForm(BoundedModelForm):
    """Create or change a contest. Times are entered in Asia/Seoul, to the minute. The document and presentation
    review dates are those stages' dates (the stage rows hold them; ``review_dates`` gives them for the
    services), shown and set here as on the stages page."""

    accepted_kinds = forms.MultipleChoiceField(label=_("Designations that make a local government eligible"),
                                               choices=DesignationKind.choices,
                                               widget=forms.CheckboxSelectMultiple)
    document_review_starts_on = _review_date(_("document review starts"))
    document_review_ends_on = _review_date(_("document review ends"))
    presentation_review_starts_on = _review_date(_("presentation review starts"))
    presentation_review_ends_on = _review_date(_("presentation review ends"))
    provincial_match_min_bp = PercentAsBasisPointsField(
        label=_("Minimum provincial matching (percent of national)"), max_percent=MAX_MATCH_PERCENT,
        help_text=_("A percentage with up to two decimals, e.g. 5 or 12.5."))
    local_match_min_bp = PercentAsBasisPointsField(
        label=_("Minimum local matching (percent of national)"), max_percent=MAX_MATCH_PERCENT,
        help_text=_("A percentage with up to two decimals, e.g. 5 or 12.5."))
    reason = forms.CharField(label=_("Reason for the change"), max_length=500, required=False,
                             widget=forms.Textarea(attrs={"rows": 2}),
                             help_text=_("Recorded in the contest's history with your name and the time."))

    class Meta:
        model = Contest
        fields = [
            "name_ko", "name_en", "year", "announced_on", "briefing_on", "application_opens_at",
            "application_closes_at", "selection_on", "results_published_on", "objection_period_days",
            "target_task_count", "funding_years",
            "national_cap_per_task_krw", "provincial_match_min_bp", "local_match_min_bp",
            "total_national_budget_krw", "company_support_cap_krw", "participating_ministries",
            "preselection_for",
        ]
        widgets = {
            "participating_ministries": forms.CheckboxSelectMultiple,
            "application_opens_at": DATETIME, "application_closes_at": DATETIME,
            **dict.fromkeys(DATE_FIELDS, DATE),
        }

    def __init__(self, *args, editing: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["participating_ministries"].queryset = Ministry.objects.all()
        self.fields["preselection_for"].queryset = Contest.objects.exclude(pk=self.instance.pk)
        for name in ("application_opens_at", "application_closes_at"):
            self.fields[name].input_formats = ["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M"]
        self.stage_codes = {stage.code for stage in contest_stages(self.instance)} if self.instance.pk else set()
        if self.instance.pk:
            self.initial.setdefault("accepted_kinds", list(
                self.instance.accepted_designation_kinds.values_list("kind", flat=True)))
            for name, value in review_dates(self.instance).items():
                self.initial.setdefault(name, value)
        if editing:
            self.fields["reason"].required = True
        else:
            del self.fields["reason"]

    def clean(self):
        cleaned = super().clean()
        opens, closes = cleaned.get("application_opens_at"), cleaned.get("application_closes_at")
        if opens and closes and closes <= opens:
            self.add_error("application_closes_at", _("The deadline must come after the window opens."))
        ordered = [("document_review_starts_on", "document_review_ends_on"),
                   ("presentation_review_starts_on", "presentation_review_ends_on")]
        for start, end in ordered:
            if cleaned.get(start) and cleaned.get(end) and cleaned[end] < cleaned[start]:
                self.add_error(end, _("The end cannot come before the start."))
        review = cleaned.get("document_review_starts_on")
        if closes and review and review < closes.date():
            self.add_error("document_review_starts_on", _("Document review starts after the application deadline."))
        for name, (code, _field) in REVIEW_DATE_FIELDS.items():
            if self.instance.pk and code not in self.stage_codes and cleaned.get(name) and name in self.changed_data:
                self.add_error(name, no_stage_to_date(code))
        return cleaned

    def model_values(self) -> dict:
        return {name: self.cleaned_data[name] for name in self.Meta.fields if name != "participating_ministries"}

    def review_dates(self) -> dict:
        """The document and presentation stages' dates as entered (names of ``REVIEW_DATE_FIELDS``)."""
        return {name: self.cleaned_data.get(name) for name in REVIEW_DATE_FIELDS}


class PreliminarySelectionForm(BoundedModelForm):
    local_government_code = forms.CharField(label=_("Local government code"), max_length=5,
                                            help_text=_("The 5-digit administrative code, current or earlier."))
    reason = forms.CharField(label=_("Reason"), max_length=500, required=False)
    field_order = ["local_government_code", "programme", "task_title", "selected_on", "source", "reason"]

    class Meta:
        model = PreliminarySelection
        fields = ["programme", "task_title", "selected_on", "source"]
        widgets = {"selected_on": DATE}

    def clean_local_government_code(self) -> LocalGovernment:
        local_government = local_government_by_code(self.cleaned_data["local_government_code"])
        if local_government is None:
            raise forms.ValidationError(_("No local government has this code."))
        return local_government


class DocumentUploadMixin:
    """Checks the uploaded ``file`` by content; the checked file is in ``self.checked_upload``."""

    def clean_file(self):
        self.checked_upload = check_upload(self.cleaned_data["file"])
        return self.cleaned_data["file"]


class ContestAttachmentForm(DocumentUploadMixin, forms.Form):
    title = forms.CharField(label=pgettext_lazy("document", "Title"), max_length=200,
                            help_text=_("E.g. announcement, guidelines, application forms."))
    file = forms.FileField(label=_("File"), help_text=_("PDF, HWP, HWPX, PPTX or XLSX."))
