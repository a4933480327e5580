from django import forms
from django.utils.translation import gettext_lazy as _

from .models import Ministry


class MinistryForm(forms.ModelForm):
    reason = forms.CharField(label=_("Reason"), required=False, max_length=2000,
                             help_text=_("Kept in the history with the change, e.g. the round it joins."))

    class Meta:
        model = Ministry
        fields = ["code", "name_ko", "name_en"]
        help_texts = {"code": _("Its short name in capitals, e.g. MOF; never changes afterwards.")}

    def clean_code(self) -> str:
        return (self.cleaned_data.get("code") or "").strip().upper()
