"""The council's forms for continuation (계속 지원): the condition on a task's later years, and the evaluation of
one year. They check types only; the rules are the service's (``tracking.services.continuation``)."""
from django import forms
from django.utils.translation import gettext_lazy as _

from core.fields import KRWField

from .forms import reason_field
from .models import ContinuationOutcome, SelectedTask
from .services.continuation import check_reduced_amount
from .services.refusals import TrackingRefused


class ContinuationForm(forms.Form):
    year = forms.TypedChoiceField(label=_("Year evaluated"), coerce=int)
    outcome = forms.ChoiceField(label=_("Outcome"), choices=ContinuationOutcome.choices, widget=forms.RadioSelect)
    national_krw = KRWField(label=_("Reduced national funding for the year (KRW)"), required=False, min_value=1,
                            help_text=_("Only for continuation with reduced funding: the year's national line "
                                        "is amended to it."))
    reason = reason_field()

    def __init__(self, *args, task: SelectedTask, **kwargs):
        super().__init__(*args, **kwargs)
        years = sorted(set(task.agreement_lines.values_list("year", flat=True)))
        start = task.conditional_from_year
        self.fields["year"].choices = [(year, year) for year in years if start is not None and year >= start]
        self.fields["reason"].label = _("Reasons")

    def clean(self):
        cleaned = super().clean()
        try:
            if "national_krw" not in self.errors:  # an amount refused already is not also called missing
                check_reduced_amount(cleaned.get("outcome"), cleaned.get("national_krw"))
        except TrackingRefused as error:
            self.add_error("national_krw", str(error))
        if cleaned.get("outcome") != ContinuationOutcome.REDUCED:
            cleaned["national_krw"] = None
        return cleaned


class ConditionForm(forms.Form):
    from_year = forms.TypedChoiceField(label=_("Funded on condition from"), coerce=int, required=False,
                                       empty_value=None,
                                       help_text=_("Years from this one on are paid only after a continuation "
                                                   "evaluation; leave empty to fund every agreed year."))
    reason = reason_field()

    def __init__(self, *args, task: SelectedTask, **kwargs):
        super().__init__(*args, **kwargs)
        years = sorted(set(task.agreement_lines.values_list("year", flat=True)))
        self.fields["from_year"].choices = [("", _("No condition")), *[(year, year) for year in years[1:]]]
        self.initial.setdefault("from_year", task.conditional_from_year)
