"""Tracking's forms. Every change that needs a reason asks for one; amounts are whole won."""
import unicodedata

from django import forms
from django.core.validators import MaxLengthValidator
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from applications.models import BudgetSource, KpiIndicator
from applications.registration_number import validate_business_registration_number
from core.fields import DATE_INPUT, MAX_COUNT, BoundedModelForm, KRWField, PlausibleDateField
from core.uploads import check_table_size, check_upload
from ministries.forms import LineValuesForm, line_values_form
from ministries.registry import LineSpec

from .models import STATUS_MOVES, AgreementLine, CompanyApplication, Grade, Milestone, Recruitment, TaskStatus
from .services.companies import check_first_application
from .services.refusals import TrackingRefused

DATE = DATE_INPUT


def reason_field(required: bool = True) -> forms.CharField:
    return forms.CharField(label=_("Why"), required=required, max_length=1000,
                           widget=forms.Textarea(attrs={"rows": 2}))


class StatusForm(forms.Form):
    status = forms.ChoiceField(label=_("New status"))
    reason = reason_field()

    def __init__(self, *args, current: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["status"].choices = [(status, TaskStatus(status).label)
                                         for status in STATUS_MOVES[TaskStatus(current)]]


class AgreementLineForm(forms.Form):
    year = forms.IntegerField(label=_("Year"), min_value=2000, max_value=2100)
    source = forms.ChoiceField(label=_("Source"), choices=BudgetSource.choices)
    amount_krw = KRWField(label=_("Amount agreed (KRW)"))
    reason = reason_field()


class DisbursementForm(forms.Form):
    line = forms.ModelChoiceField(label=_("Agreement line"), queryset=AgreementLine.objects.none())
    amount_krw = KRWField(label=_("Amount paid (KRW)"), min_value=1)
    paid_on = PlausibleDateField(label=_("Paid on"), widget=DATE)
    reference = forms.CharField(label=_("Reference"), max_length=200, required=False,
                                help_text=_("e.g. the payment order number"))

    def __init__(self, *args, task, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["line"].queryset = task.agreement_lines.order_by("year", BudgetSource.ordering())


class MilestoneForm(BoundedModelForm):
    class Meta:
        model = Milestone
        fields = ["title", "due_on", "completed_on"]
        widgets = {"due_on": DATE, "completed_on": DATE}


class GradeForm(forms.Form):
    year = forms.IntegerField(label=_("Year"), min_value=2000, max_value=2100)
    grade = forms.ChoiceField(label=_("Grade"), choices=Grade.choices, widget=forms.RadioSelect)
    reasons = forms.CharField(label=_("Reasons"), widget=forms.Textarea(attrs={"rows": 3}))


class PlanInclusionForm(forms.Form):
    year = forms.IntegerField(label=_("Year"), min_value=2000, max_value=2100)
    plan_title = forms.CharField(label=_("Plan"), max_length=300,
                                 help_text=_("e.g. 2026 Gyeongsangnam-do regional industry promotion plan"))


class ReportForm(forms.Form):
    narrative = forms.CharField(label=_("Progress in the period"), required=False,
                                widget=forms.Textarea(attrs={"rows": 6}))
    file = forms.FileField(label=_("Add a file"), required=False,
                           help_text=_("PDF, HWP, HWPX, DOCX or XLSX"))

    def __init__(self, *args, indicators: list[str], **kwargs):
        super().__init__(*args, **kwargs)
        labels = dict(KpiIndicator.choices)
        for indicator in indicators:
            field_class = KRWField if indicator == KpiIndicator.SALES_KRW else forms.IntegerField
            self.fields[f"kpi_{indicator}"] = field_class(
                label=labels[indicator], required=False, min_value=0,
                **({} if field_class is KRWField else {"max_value": MAX_COUNT}),
                help_text=_("Achieved in this half-year"))

    def clean_file(self):
        upload = self.cleaned_data.get("file")
        return check_upload(upload) if upload else None

    def actuals(self) -> dict[str, int | None]:
        return {name.removeprefix("kpi_"): value for name, value in self.cleaned_data.items()
                if name.startswith("kpi_")}


class ReviewReportForm(forms.Form):
    verdict = forms.ChoiceField(label=_("Decision"), widget=forms.RadioSelect,
                                choices=[("accept", _("Accept")), ("return", _("Return for correction"))])
    comment = forms.CharField(label=_("Comments"), required=False, widget=forms.Textarea(attrs={"rows": 3}))


def support_row_form(line: LineSpec) -> type[LineValuesForm]:
    """A form for one row of ``line``, a field per measure, with a reason for the change."""
    return line_values_form(line, extra={"reason": reason_field()})


def desk_row_form(line: LineSpec, task, row=None) -> LineValuesForm:
    """The same form as :func:`support_row_form`, for the ministry desk's line tables in place: filled with
    ``row``'s values to change it, or empty (``row`` None) to add the first row of ``line`` to ``task``. Each
    field belongs to the HTML form :func:`desk_form_id` names (its ``form`` attribute), which posts to the row's
    own page or the task's add page, so the service, the checks and the history are those of a single edit."""
    key = desk_form_id(line, task, row)
    form = support_row_form(line)(initial=dict(row.values) if row else None, auto_id=f"{key}-%s")
    for name, field in form.fields.items():
        label = field.label if name != "reason" else _("Why")
        field.widget.attrs.update({"form": key, "class": "form-control form-control-sm",
                                   "aria-label": f"{label} ({task.title})"})
    form.fields["reason"].widget = forms.TextInput(attrs={**form.fields["reason"].widget.attrs,
                                                          "maxlength": 1000, "size": 12})
    return form


def desk_form_id(line: LineSpec, task, row=None) -> str:
    """The id of the desk's HTML form for ``row`` (``desk-row-<id>``) or for a new row of ``line`` to ``task``
    (``desk-new-<task id>-<line code>``)."""
    return f"desk-row-{row.pk}" if row is not None else f"desk-new-{task.pk}-{line.code}"


class RemoveRowForm(forms.Form):
    reason = reason_field()


class RecruitmentForm(BoundedModelForm):
    class Meta:
        model = Recruitment
        fields = ["title", "published_through", "body", "opens_on", "closes_on"]
        labels = {"title": pgettext_lazy("recruitment", "title")}
        widgets = {"opens_on": DATE, "closes_on": DATE, "body": forms.Textarea(attrs={"rows": 5})}


# The longest plan the anonymous application form takes, in characters (about two pages of Korean).
PLAN_MAX_CHARS = 4000


class CompanyApplicationForm(BoundedModelForm):
    """The public (anonymous) application: every field capped in length (the model's caps, and the plan's
    here); a company that applied already to this recruitment, by number or by name, is told so beside the
    field. The service refuses a repeat by number again under the database's constraint."""

    business_registration_number = forms.CharField(label=_("Business registration number"), max_length=14,
                                                   help_text=_("10 digits; dashes are allowed."))

    class Meta:
        model = CompanyApplication
        fields = ["company_name", "business_registration_number", "representative", "email", "growth_stage",
                  "youth_led", "plan"]
        widgets = {"plan": forms.Textarea(attrs={"rows": 4, "maxlength": PLAN_MAX_CHARS})}

    def __init__(self, *args, recruitment=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.recruitment = recruitment
        self.fields["plan"].max_length = PLAN_MAX_CHARS
        self.fields["plan"].validators.append(MaxLengthValidator(PLAN_MAX_CHARS))

    def clean_business_registration_number(self):
        number = validate_business_registration_number(self.cleaned_data["business_registration_number"])
        if self.recruitment is not None:
            try:
                check_first_application(self.recruitment, number)
            except TrackingRefused as error:
                raise forms.ValidationError(str(error)) from error
        return number

    def clean_company_name(self):
        name = self.cleaned_data["company_name"]
        if self.recruitment is not None and same_company_name(name) in {
                same_company_name(other) for other in self.recruitment.applications.values_list("company_name",
                                                                                                 flat=True)}:
            raise forms.ValidationError(_("A company of this name has applied already."))
        return name


def same_company_name(name: str) -> str:
    """A company name as compared for repeats: compatibility-normalised, without spaces, case-folded."""
    return "".join(unicodedata.normalize("NFKC", name).split()).casefold()

    def validate_unique(self):
        """The recruitment is set by the service, which refuses a second application of the same number."""


class DecideApplicationForm(forms.Form):
    select = forms.TypedChoiceField(label=_("Decision"), coerce=lambda value: value == "yes",
                                    choices=[("yes", _("Select")), ("no", _("Do not select"))])


class CompanyProgressForm(BoundedModelForm):
    support_received_krw = KRWField(label=_("Support received (KRW)"))
    reason = reason_field()

    class Meta:
        model = CompanyApplication
        fields = ["growth_stage", "support_received_krw"]


class SupportUploadForm(forms.Form):
    """The desk's upload: the filled template (XLSX, at most 5 MB) and, optionally, why."""

    file = forms.FileField(label=_("Filled template (XLSX)"),
                           help_text=_("Columns task_id, line and your lines' measure codes, as in the template. "
                                       "All rows are saved, or none. At most 5 MB."))
    reason = reason_field(required=False)

    def clean_file(self):
        upload = self.cleaned_data["file"]
        check_table_size(upload)
        if not upload.name.lower().endswith(".xlsx"):
            raise forms.ValidationError(_("Upload the template as an XLSX file."))
        return upload
