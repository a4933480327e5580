"""The selection's forms: the council's policy, runs, adjustments and answers; the applicant's objection;
the re-reviewer's pledge (the review's own), conflict and opinion."""
from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from core.fields import MAX_KRW
from core.uploads import check_upload
from reviews.forms import ConflictForm
from reviews.models import Reviewer

from .models import Outcome


class PolicyForm(forms.Form):
    """Per stage of the contest its weight (``<code>_weight_pct``, whole percent, adding up to 100 over the stages)
    and cut-off (``<code>_cutoff``, out of 100); the tie-break order and the reserves."""

    reserve_count = forms.IntegerField(label=_("Number of reserves"), min_value=0, max_value=1000)
    tie_break = forms.CharField(
        label=_("Tie-break order"), required=False, max_length=300,
        help_text=_("Stage codes separated by commas (the higher stage score first), or national_request (the "
                    "smaller national request first); the receipt number decides last. Empty: the stages from "
                    "the last to the first."))

    def __init__(self, *args, stages: list, policy, **kwargs):
        super().__init__(*args, **kwargs)
        self.stages = stages
        self.fields["reserve_count"].initial = policy.reserve_count
        self.fields["tie_break"].initial = ", ".join(policy.tie_break or [])
        for stage in stages:
            self.fields[f"{stage.code}_weight_pct"] = forms.IntegerField(
                label=_("%(stage)s weight (%%)") % {"stage": stage.name}, min_value=0, max_value=100,
                initial=stage.weight_pct)
            self.fields[f"{stage.code}_cutoff"] = forms.DecimalField(
                label=_("%(stage)s cut-off") % {"stage": stage.name}, max_digits=5, decimal_places=2,
                initial=stage.cutoff, help_text=_("Out of 100."))
        self.order_fields([name for stage in stages for name in (f"{stage.code}_weight_pct", f"{stage.code}_cutoff")])

    def clean_tie_break(self) -> list[str]:
        keys = [key.strip() for key in self.cleaned_data.get("tie_break", "").split(",") if key.strip()]
        known = {stage.code for stage in self.stages} | {"national_request"}
        unknown = [key for key in keys if key not in known]
        if unknown:
            raise forms.ValidationError(_("Not a stage of this contest: %(keys)s.") % {"keys": ", ".join(unknown)})
        if len(set(keys)) != len(keys):
            raise forms.ValidationError(_("Name each stage once."))
        return keys

    def clean(self):
        cleaned = super().clean()
        weights = [cleaned.get(f"{stage.code}_weight_pct") for stage in self.stages]
        if self.stages and None not in weights and sum(weights) != 100:
            self.add_error(f"{self.stages[-1].code}_weight_pct",
                           _("The weights add up to %(total)s%%; they must add up to 100%%.")
                           % {"total": sum(weights)})
        for stage in self.stages:
            value = cleaned.get(f"{stage.code}_cutoff")
            if value is not None and not 0 <= value <= 100:
                self.add_error(f"{stage.code}_cutoff", _("A cut-off lies between 0 and 100."))
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
    reasons = forms.CharField(label=pgettext_lazy("objection", "Reasons"), widget=forms.Textarea(attrs={"rows": 8}),
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


class ReReviewConflictForm(ConflictForm):
    """The review's conflict form, saying what a declared conflict does to a re-review."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["reason"].help_text = _("The re-review request closes for you without an opinion and the "
                                            "council is told.")


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
