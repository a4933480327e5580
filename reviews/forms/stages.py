"""The council's form for a contest's evaluation stage (the API's fields, the same services)."""
from django import forms
from django.utils.translation import gettext_lazy as _

from applications.models import StageKind
from core.fields import DATE_INPUT as DATE
from core.fields import PlausibleDateField

REWEIGH = "weight_of_"  # a field per stage already there, with its new weight


class StageForm(forms.Form):
    code = forms.SlugField(label=_("Code"), max_length=16,
                           help_text=_("Names the stage in panels, rubrics and the selection, e.g. site_visit."))
    kind = forms.ModelChoiceField(label=_("Kind"), queryset=StageKind.objects.order_by("pk"))
    name_ko = forms.CharField(label=_("Name (Korean)"), max_length=100, required=False,
                              help_text=_("Empty: the kind's name."))
    name_en = forms.CharField(label=_("Name (English)"), max_length=150, required=False)
    starts_on = PlausibleDateField(label=_("Starts on"), required=False, widget=DATE)
    ends_on = PlausibleDateField(label=_("Ends on"), required=False, widget=DATE)
    has_slots = forms.BooleanField(label=_("Scheduled slots"), required=False,
                                   help_text=_("Each proposal gets a time, in a room or at a place."))
    weight_pct = forms.IntegerField(label=_("Weight (%)"), min_value=0, max_value=100, initial=0)
    cutoff = forms.DecimalField(label=_("Cut-off"), min_value=0, max_value=100, max_digits=5, decimal_places=2,
                                initial=60, help_text=_("Out of 100."))
    position = forms.IntegerField(label=_("Position"), min_value=1, max_value=50, required=False,
                                  help_text=_("1 is the first stage; empty: last."))

    def __init__(self, *args, stages=(), **kwargs):
        """``stages``: the contest's stages so far; adding, the form takes each one's new weight too (prefilled
        with its weight), so the council makes room for the new stage in the same step."""
        super().__init__(*args, **kwargs)
        fields = list(self.fields.items())
        at = [name for name, _field in fields].index("weight_pct") + 1
        extra = [(f"{REWEIGH}{stage.code}", forms.IntegerField(
            label=_("Weight of %(stage)s (%%)") % {"stage": stage.name}, min_value=0, max_value=100,
            initial=stage.weight_pct, required=False,
            help_text=_("Lower it to make room for the new stage: the stages' weights add up to 100% before a "
                        "selection run.")))
                 for stage in stages]
        self.fields = dict(fields[:at] + extra + fields[at:])

    def weights(self) -> dict[str, int]:
        """The other stages' new weights by code (adding); a stage whose field is empty keeps its weight."""
        return {name.removeprefix(REWEIGH): value for name, value in self.cleaned_data.items()
                if name.startswith(REWEIGH) and value is not None}

    def stage_values(self) -> tuple[dict, int | None]:
        """The service's values (names defaulting to the kind's) and the position."""
        values = {name: value for name, value in self.cleaned_data.items()
                  if name not in ("position", "reason") and not name.startswith(REWEIGH)}
        kind = values["kind"]
        values["name_ko"] = values["name_ko"] or kind.name_ko
        values["name_en"] = values["name_en"] or kind.name_en
        return values, self.cleaned_data.get("position")


class StageChangeForm(StageForm):
    reason = forms.CharField(label=_("Why (optional)"), max_length=500, required=False)
