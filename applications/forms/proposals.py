"""Forms of a proposal's text sections and its transitions."""
import json

from django import forms
from django.utils.translation import gettext_lazy as _

from applications.checklist import SECTION_FIELDS
from applications.models import Proposal
from applications.services.drafts import fingerprints_of
from applications.services.proposals import SubmissionRefused, check_correction_due
from core.fields import BoundedModelForm, PlausibleDateTimeField
from regions.models import LocalGovernment
from regions.selectors import local_government_by_code

from .contests import DATETIME


class ProposalForm(BoundedModelForm):
    """The proposal's sections. Everything may stay empty in a draft; the checklist says what is missing."""

    partner_codes = forms.CharField(
        label=_("Partner local governments"), required=False,
        help_text=_("For a joint proposal: the partners' 5-digit codes, separated by commas."))

    # What the official started from: the draft's version and each field's fingerprint (services.drafts).
    draft_version = forms.IntegerField(widget=forms.HiddenInput, required=False)
    draft_base = forms.CharField(widget=forms.HiddenInput, required=False)

    class Meta:
        model = Proposal
        fields = SECTION_FIELDS
        widgets = {name: forms.Textarea(attrs={"rows": 4}) for name in
                   ("summary", "specialty_resource", "industry", "extinction_strategy", "support_programme")}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.initial.setdefault("partner_codes", ", ".join(
                self.instance.partners.order_by("code").values_list("code", flat=True)))
            self.initial.setdefault("draft_version", self.instance.draft_version)
            self.initial.setdefault("draft_base", json.dumps(fingerprints_of(self.instance)))

    def clean_draft_base(self) -> dict[str, str]:
        """The fingerprints, or none (then every field that differs from a newer save is a conflict)."""
        try:
            base = json.loads(self.cleaned_data["draft_base"] or "{}")
        except ValueError:
            return {}
        return {str(name): str(value) for name, value in base.items()} if isinstance(base, dict) else {}

    def clean_partner_codes(self) -> list[LocalGovernment]:
        partners, unknown = [], []
        for code in [part.strip() for part in self.cleaned_data["partner_codes"].split(",") if part.strip()]:
            found = local_government_by_code(code)
            if found is None:
                unknown.append(code)
            else:
                partners.append(found)
        if unknown:
            raise forms.ValidationError(_("Unknown code(s): %(codes)s") % {"codes": ", ".join(unknown)})
        return partners

    def section_values(self) -> dict:
        return {name: self.cleaned_data[name] for name in self.Meta.fields}


class WithdrawForm(forms.Form):
    reason = forms.CharField(label=_("Reason for withdrawal"), max_length=500)


class CorrectionRequestForm(forms.Form):
    reason = forms.CharField(label=_("What must be corrected"), widget=forms.Textarea(attrs={"rows": 3}))
    due_at = PlausibleDateTimeField(label=_("Correction due"), widget=DATETIME,
                                    input_formats=["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M"])

    def clean_due_at(self):
        try:
            check_correction_due(self.cleaned_data["due_at"])
        except SubmissionRefused as refused:
            raise forms.ValidationError(str(refused)) from refused
        return self.cleaned_data["due_at"]
