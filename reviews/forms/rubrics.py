"""A rubric's settings and criteria, as the council sets them (the API; the admin edits the same models)."""
from django import forms
from django.utils.translation import gettext_lazy as _

from reviews.models import Criterion, Rubric


class RubricForm(forms.ModelForm):
    class Meta:
        model = Rubric
        fields = ["trim_min_sheets", "pass_mark"]

    def clean_trim_min_sheets(self) -> int:
        value = self.cleaned_data["trim_min_sheets"]
        if value < 3:
            raise forms.ValidationError(_("Dropping the highest and the lowest needs at least three sheets."))
        return value


class CriterionForm(forms.ModelForm):
    class Meta:
        model = Criterion
        fields = ["code", "name_ko", "name_en", "description", "max_points", "position", "tie_break_order"]

    def clean_max_points(self) -> int:
        value = self.cleaned_data["max_points"]
        if value < 1:
            raise forms.ValidationError(_("A criterion is worth at least one point."))
        return value


class BaseCriterionFormSet(forms.BaseFormSet):
    """At least one criterion; codes and tie-break orders each once."""

    def clean(self):
        if any(self.errors):
            return
        rows = [form.cleaned_data for form in self.forms if form.cleaned_data]
        if not rows:
            raise forms.ValidationError(_("A rubric has at least one criterion."))
        codes = [row["code"] for row in rows]
        if len(codes) != len(set(codes)):
            raise forms.ValidationError(_("Each criterion's code appears once."))
        orders = [row["tie_break_order"] for row in rows if row.get("tie_break_order") is not None]
        if len(orders) != len(set(orders)):
            raise forms.ValidationError(_("Each tie-break order appears once."))

    def criteria(self) -> list[dict]:
        return [form.cleaned_data for form in self.forms if form.cleaned_data]


CriterionFormSet = forms.formset_factory(CriterionForm, formset=BaseCriterionFormSet, extra=0, max_num=50,
                                         validate_max=True)
