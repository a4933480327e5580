"""The selection's forms: the council's policy, runs, adjustments and answers; the applicant's objection;
the re-reviewer's opinion."""
from django import forms
from django.utils.translation import gettext_lazy as _

from core.fields import MAX_KRW, BoundedModelForm
from core.uploads import check_upload
from reviews.models import Reviewer

from .models import Outcome, SelectionPolicy


class PolicyForm(BoundedModelForm):
    class Meta:
        model = SelectionPolicy
        fields = ["document_weight_pct", "presentation_weight_pct", "document_cutoff", "presentation_cutoff",
                  "reserve_count"]

    def clean(self):
        cleaned = super().clean()
        document, presentation = cleaned.get("document_weight_pct"), cleaned.get("presentation_weight_pct")
        if document is not None and presentation is not None and document + presentation != 100:
            self.add_error("presentation_weight_pct",
                           _("The weights add up to %(total)s %%; they must add up to 100 %%.")
                           % {"total": document + presentation})
        for name in ("document_cutoff", "presentation_cutoff"):
            value = cleaned.get(name)
            if value is not None and not 0 <= value <= 100:
                self.add_error(name, _("A cut-off lies between 0 and 100."))
        return cleaned


class StartRunForm(forms.Form):
    reason = forms.CharField(label=_("Why (optional)"), required=False, max_length=500,
                             widget=forms.TextInput(attrs={"placeholder": _("e.g. presentation scores complete")}))


class FailStalledRunForm(forms.Form):
    reason = forms.CharField(label=_("Why it is marked failed"), max_length=500,
                             widget=forms.Textarea(attrs={"rows": 2}))


class AdjustDecisionForm(forms.Form):
    outcome = forms.ChoiceField(label=_("Outcome"), choices=Outcome.choices)
    national_krw = forms.IntegerField(label=_("National funding (KRW)"), min_value=0, max_value=MAX_KRW,
                                      help_text=_("0 unless selected."))
    reason = forms.CharField(label=_("Why"), widget=forms.Textarea(attrs={"rows": 3}))


class ApproveForm(forms.Form):
    note = forms.CharField(label=_("Note (optional)"), required=False, widget=forms.Textarea(attrs={"rows": 2}))


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Several files in one field; each is checked like any upload and a refusal names the file."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput())
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        files = data if isinstance(data, list | tuple) else ([data] if data else [])
        if not files and self.required:
            raise forms.ValidationError(self.error_messages["required"], code="required")
        checked, errors = [], []
        for upload in files:
            try:
                checked.append(check_upload(super().clean(upload, initial)))
            except forms.ValidationError as error:
                errors.extend(f"{upload.name}: {message}" for message in error.messages)
        if errors:
            raise forms.ValidationError(errors)
        return checked


class ObjectionForm(forms.Form):
    reasons = forms.CharField(label=_("Reasons"), widget=forms.Textarea(attrs={"rows": 8}),
                              help_text=_("Say which part of the result you object to and why."))
    files = MultipleFileField(label=_("Supporting files (optional)"), required=False,
                              help_text=_("PDF, HWP, HWPX, DOCX, XLSX or PPTX."))


class ReviewerChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, reviewer):
        return f"{reviewer} · {reviewer.affiliation}"


class ReReviewRequestForm(forms.Form):
    reviewers = ReviewerChoiceField(label=_("Reviewers"), queryset=Reviewer.objects.none(),
                                    widget=forms.CheckboxSelectMultiple,
                                    help_text=_("Only reviewers who never scored this proposal and have no conflict."))

    def __init__(self, *args, eligible: list[Reviewer], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["reviewers"].queryset = Reviewer.objects.filter(pk__in=[reviewer.pk for reviewer in eligible]) \
            .select_related("user").order_by("user__last_name", "user__first_name", "pk")


class ReReviewForm(forms.Form):
    supports_objection = forms.TypedChoiceField(
        label=_("Your view"), widget=forms.RadioSelect, coerce=lambda value: value == "yes",
        choices=[("yes", _("The objection is well founded")), ("no", _("The result should stand"))])
    opinion = forms.CharField(label=_("Opinion"), widget=forms.Textarea(attrs={"rows": 6}))


class DecideObjectionForm(forms.Form):
    verdict = forms.ChoiceField(label=_("Decision"), widget=forms.RadioSelect,
                                choices=[("reject", _("Reject: the result stands")),
                                         ("accept", _("Accept: change the decision"))])
    outcome = forms.ChoiceField(label=_("New outcome"), required=False,
                                choices=[("", "—"), *Outcome.choices])
    national_krw = forms.IntegerField(label=_("New national funding (KRW)"), min_value=0, max_value=MAX_KRW,
                                      required=False)
    answer = forms.CharField(label=_("Written answer to the applicant"), widget=forms.Textarea(attrs={"rows": 6}))

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("verdict") == "accept" and not cleaned.get("outcome") and cleaned.get("national_krw") is None:
            self.add_error("outcome", _("Say how the decision changes."))
        return cleaned
