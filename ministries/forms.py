"""The ministries' forms: a ministry, and the form of any line's values, built from its measures."""
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from core.fields import DATE_INPUT, MAX_COUNT, KRWField, PlausibleDateField

from .models import MeasureType, Ministry
from .registry import LineSpec, MeasureSpec
from .values import clean_values


class MinistryForm(forms.ModelForm):
    reason = forms.CharField(label=_("Reason"), required=False, max_length=2000,
                             help_text=_("Kept in the history with the change, e.g. the round it joins."))

    class Meta:
        model = Ministry
        fields = ["code", "name_ko", "name_en"]
        help_texts = {"code": _("Its short name in capitals, e.g. MOF; never changes afterwards.")}

    def clean_code(self) -> str:
        return (self.cleaned_data.get("code") or "").strip().upper()


def measure_field(measure: MeasureSpec, *, required: bool | None = None) -> forms.Field:
    """The form field that takes one measure's value, as its type needs (KRW with separators, dates)."""
    required = measure.required if required is None else required
    common = {"label": measure.name, "required": required}
    if measure.type == MeasureType.KRW:
        return KRWField(**common)
    if measure.type == MeasureType.COUNT:
        return forms.IntegerField(min_value=0, max_value=MAX_COUNT, **common)
    if measure.type == MeasureType.YEAR:
        return forms.IntegerField(min_value=2000, max_value=2100, **common)
    if measure.type == MeasureType.DATE:
        return PlausibleDateField(widget=DATE_INPUT, **common)
    if measure.type == MeasureType.CHOICE:
        return forms.ChoiceField(choices=[("", "—"), *[(code, measure.option_label(code))
                                                        for code, _ko, _en in measure.options]], **common)
    return forms.CharField(max_length=300, **common)


class LineValuesForm(forms.Form):
    """A form with one field per measure of a line; the line's rules are checked by ``clean_values`` and its
    refusals are shown beside the measure they name."""

    line: LineSpec
    request = False
    partial = False  # a draft's row: required measures may wait (``clean_values(partial=True)``)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        measures = self.line.requestable if self.request else self.line.measures
        for measure in reversed(measures):
            self.fields = {measure.code: measure_field(measure, required=False if self.partial else None),
                           **self.fields}

    def values(self) -> dict[str, Any]:
        """The cleaned values by measure code (dates as ISO text), empty ones left out."""
        measures = self.line.requestable if self.request else self.line.measures
        values = {}
        for measure in measures:
            value = self.cleaned_data.get(measure.code)
            if value not in (None, ""):
                values[measure.code] = value.isoformat() if hasattr(value, "isoformat") else value
        return values

    def clean(self):
        cleaned = super().clean()
        if not self.errors:
            try:
                clean_values(self.line, self.values(), request=self.request, partial=self.partial)
            except ValidationError as error:
                for code, messages in error.message_dict.items():
                    self.add_error(code if code in self.fields else None, messages)
        return cleaned


def line_values_form(line: LineSpec, *, request: bool = False, base=LineValuesForm,
                     extra: dict | None = None) -> type[LineValuesForm]:
    """A :class:`LineValuesForm` class for ``line`` (only its requestable measures for a proposal's request)
    with ``extra`` fields after the measures (e.g. a reason)."""
    return type(f"{line.code}ValuesForm", (base,), {"line": line, "request": request, **(extra or {})})
