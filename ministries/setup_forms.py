"""The council's forms for a ministry's support lines: a new line with its measures, one more measure for a
line, and a rule between two of a line's measures (or its removal). They only shape what is typed;
``ministries.services`` and ``ministries.rule_services`` decide (and refuse what a line in use forbids)."""
import unicodedata
from collections.abc import Iterable
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from .models import NUMERIC_TYPES, Measure, MeasureType
from .services import DESCRIPTION_LENGTH, no_measure

REASON_HELP = _("Kept in the history with the change.")


def _nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text or "").strip()


class LineKindForm(forms.Form):
    code = forms.CharField(label=_("Code"), max_length=32,
                           help_text=_("Lower-case letters, digits and underscores, e.g. local_talent; never changes."))
    name_ko = forms.CharField(label=_("Name (Korean)"), max_length=100)
    name_en = forms.CharField(label=_("Name (English)"), max_length=150)
    description_ko = forms.CharField(label=_("Description (Korean)"), required=False,
                                     max_length=DESCRIPTION_LENGTH, widget=forms.Textarea(attrs={"rows": 2}))
    description_en = forms.CharField(label=_("Description (English)"), required=False,
                                     max_length=DESCRIPTION_LENGTH, widget=forms.Textarea(attrs={"rows": 2}))
    reason = forms.CharField(label=_("Reason"), required=False, max_length=2000, help_text=REASON_HELP)


class MeasureForm(forms.Form):
    """One measure; a choice measure's options one per line as ``code | 한국어 | English``."""

    code = forms.CharField(label=_("Measure code"), max_length=32)
    name_ko = forms.CharField(label=_("Name (Korean)"), max_length=100)
    name_en = forms.CharField(label=_("Name (English)"), max_length=150)
    type = forms.ChoiceField(label=_("Type"), choices=[("", "—"), *MeasureType.choices])
    options = forms.CharField(label=_("Options"), required=False, max_length=4000,
                              widget=forms.Textarea(attrs={"rows": 2}),
                              help_text=_("For a choice: one option per line, as code | Korean | English."))
    required = forms.BooleanField(label=_("Required"), required=False)
    summed = forms.BooleanField(label=_("Summed on the dashboard"), required=False)
    requestable = forms.BooleanField(label=_("A proposal may request it"), required=False)
    key = forms.BooleanField(label=_("Identifies a row"), required=False)

    def clean_options(self) -> list[dict[str, str]]:
        options = []
        for text in (self.cleaned_data.get("options") or "").splitlines():
            if not text.strip():
                continue
            parts = [_nfc(part) for part in text.split("|")]
            if len(parts) != 3 or not all(parts):
                raise forms.ValidationError(_("Write each option as code | Korean | English."))
            options.append({"code": parts[0], "name_ko": parts[1], "name_en": parts[2]})
        return options

    def measure(self) -> dict[str, Any]:
        """The measure as the services take it."""
        data = self.cleaned_data
        return {"code": _nfc(data["code"]), "name_ko": _nfc(data["name_ko"]), "name_en": _nfc(data["name_en"]),
                "type": data["type"], "choices": data["options"],
                **{flag: data[flag] for flag in ("required", "summed", "requestable", "key")}}


class BaseMeasureFormSet(forms.BaseFormSet):
    def kept_forms(self) -> list[MeasureForm]:
        return [form for form in self.forms if form.has_changed()]

    def clean(self):
        if not any(self.errors) and not self.kept_forms():
            raise forms.ValidationError(no_measure())


MeasureFormSet = forms.formset_factory(MeasureForm, formset=BaseMeasureFormSet, extra=4, max_num=30,
                                       validate_max=True)


class MeasureAddForm(MeasureForm):
    reason = forms.CharField(label=_("Reason"), required=False, max_length=2000, help_text=REASON_HELP)


class ReasonForm(forms.Form):
    reason = forms.CharField(label=_("Reason"), required=False, max_length=2000, help_text=REASON_HELP)


class RuleForm(forms.Form):
    """A rule ``left ≤ right`` between two measures of the line; the lists offer its counts and KRW. Which
    measure fits is the service's to say, beside the field, so a code sent by hand is told what the API says."""

    left = forms.CharField(label=_("Measure"), max_length=32, widget=forms.Select)
    right = forms.CharField(label=_("At most (limit)"), max_length=32, widget=forms.Select)
    reason = forms.CharField(label=_("Reason"), required=False, max_length=2000, help_text=REASON_HELP)

    def __init__(self, *args, measures: Iterable[Measure] = (), **kwargs):
        super().__init__(*args, **kwargs)
        choices = [("", "—"), *((measure.code, measure.name) for measure in measures
                                if measure.type in NUMERIC_TYPES)]
        for name in ("left", "right"):
            self.fields[name].widget.choices = choices


class RuleRemoveForm(forms.Form):
    """Which rule goes (its two measures' codes, hidden) and why."""

    left = forms.CharField(max_length=32, widget=forms.HiddenInput)
    right = forms.CharField(max_length=32, widget=forms.HiddenInput)
    reason = forms.CharField(label=_("Reason"), required=False, max_length=2000, help_text=REASON_HELP)
