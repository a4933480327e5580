"""What a reviewer fills in: the pledge (or a conflict) and the score sheet."""
from decimal import Decimal

from django import forms
from django.utils.translation import gettext_lazy as _

from reviews.models import Criterion, ScoreSheet


class PledgeForm(forms.Form):
    confidential = forms.BooleanField(
        label=_("I pledge to keep this proposal, its files and my scores confidential and to use them only "
                "for this review (confidentiality pledge, 보안서약)."))
    no_conflict = forms.BooleanField(
        label=_("I confirm that I have no conflict of interest with this proposal: it is not from my home "
                "local government or province, my organisation is not among its participating companies, "
                "and nothing else would make my judgement partial."))


class ConflictForm(forms.Form):
    reason = forms.CharField(label=_("What is the conflict?"), widget=forms.Textarea(attrs={"rows": 3}),
                             help_text=_("The assignment is withdrawn and the council is told."))


# Points are given to one decimal place (25.5, 17.3): the step stated next to each field and in its message.
POINTS_STEP = Decimal("0.1")


class ScoreSheetForm(forms.Form):
    """One points field and one comment per criterion of the rubric, in the rubric's order. Saving a draft
    accepts empty points; submitting needs them all (the service checks again)."""

    SAVE, SUBMIT = "save", "submit"

    overall_comment = forms.CharField(label=_("Overall comment"), required=False,
                                      widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(self, *args, criteria: list[Criterion], sheet: ScoreSheet | None = None, submitting=False,
                 **kwargs):
        super().__init__(*args, **kwargs)
        self.criteria = criteria
        self.submitting = submitting
        saved = {score.criterion_id: score for score in sheet.scores.all()} if sheet else {}
        if sheet is not None:
            self.initial.setdefault("overall_comment", sheet.overall_comment)
        overall = self.fields.pop("overall_comment")
        step_message = _("Points go in steps of %(step)s, e.g. 25.5.") % {"step": POINTS_STEP}
        for criterion in criteria:
            self.fields[f"points_{criterion.code}"] = forms.DecimalField(
                label=criterion.name, required=False, min_value=Decimal(0), max_value=Decimal(criterion.max_points),
                max_digits=5, decimal_places=1,
                help_text=_("0 to %(max)s points, in steps of %(step)s") % {"max": criterion.max_points,
                                                                          "step": POINTS_STEP},
                error_messages={"max_decimal_places": step_message, "max_digits": step_message,
                                "invalid": _("Enter the points as a number, e.g. 25.5.")},
                widget=forms.NumberInput(attrs={"step": str(POINTS_STEP), "min": 0, "max": criterion.max_points,
                                                "data-points-of": criterion.max_points}))
            self.fields[f"comment_{criterion.code}"] = forms.CharField(
                label=_("Comment on %(criterion)s") % {"criterion": criterion.name}, required=False,
                widget=forms.Textarea(attrs={"rows": 2}))
            if criterion.pk in saved:
                self.initial.setdefault(f"points_{criterion.code}", saved[criterion.pk].points)
                self.initial.setdefault(f"comment_{criterion.code}", saved[criterion.pk].comment)
        self.fields["overall_comment"] = overall

    def rows(self):
        """(criterion, points field, comment field) for the template, in the rubric's order."""
        return [(criterion, self[f"points_{criterion.code}"], self[f"comment_{criterion.code}"])
                for criterion in self.criteria]

    def clean(self):
        cleaned = super().clean()
        if self.submitting:
            for criterion in self.criteria:
                name = f"points_{criterion.code}"
                if cleaned.get(name) is None and name not in self.errors:
                    self.add_error(name, _("Score this criterion before submitting."))
        return cleaned

    def running_total(self) -> tuple[str, int]:
        """(points entered so far, as "60.5"; the rubric's maximum): what was typed on a bound form, else the
        draft's."""
        total = Decimal(0)
        for criterion in self.criteria:
            name = f"points_{criterion.code}"
            value = self.data.get(name) if self.is_bound else self.initial.get(name)
            try:
                total += Decimal(str(value).replace(",", "")) if value not in (None, "") else 0
            except ArithmeticError:
                continue
        text = f"{total:f}"
        return (text.rstrip("0").rstrip(".") if "." in text else text), sum(c.max_points for c in self.criteria)

    def points(self) -> dict[str, Decimal | None]:
        return {criterion.code: self.cleaned_data.get(f"points_{criterion.code}") for criterion in self.criteria}

    def comments(self) -> dict[str, str]:
        return {criterion.code: self.cleaned_data.get(f"comment_{criterion.code}", "") for criterion in self.criteria}
