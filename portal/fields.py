"""Form fields shared by the apps."""
import re

from django import forms
from django.utils.translation import gettext_lazy as _

# A browser date picker whose value round-trips as ISO (YYYY-MM-DD) whatever the page's language.
DATE_INPUT = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class KRWInput(forms.TextInput):
    """Shows whole won with thousands separators, as officials write them."""

    def __init__(self, attrs=None):
        super().__init__({"inputmode": "numeric", "class": "text-end", **(attrs or {})})

    def format_value(self, value):
        if isinstance(value, int):
            return f"{value:,}"
        return super().format_value(value)


class KRWField(forms.IntegerField):
    """An amount in whole won: accepts 1,000,000 or 1 000 000원; refuses fractions and negatives."""

    widget = KRWInput
    default_error_messages = {"invalid": _("Enter a whole number of won, e.g. 500,000,000.")}

    def __init__(self, **kwargs):
        kwargs.setdefault("min_value", 0)
        super().__init__(**kwargs)

    def to_python(self, value):
        if isinstance(value, str):
            value = re.sub(r"[\s,원₩]|KRW", "", value)
        return super().to_python(value)

    def widget_attrs(self, widget):
        attrs = super().widget_attrs(widget)
        attrs.pop("min", None)  # a text input: the number may carry separators
        attrs.pop("step", None)
        return attrs
