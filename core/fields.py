"""Form fields shared by the apps."""
import re
from datetime import date, datetime
from decimal import Decimal

from django import forms
from django.core import validators
from django.db import models
from django.utils.translation import gettext_lazy as _

from core.formats import number

# A browser date picker whose value round-trips as ISO (YYYY-MM-DD) whatever the page's language.
DATE_INPUT = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class KRWInput(forms.TextInput):
    """Shows whole won with thousands separators, as officials write them."""

    def __init__(self, attrs=None):
        super().__init__({"inputmode": "numeric", "class": "text-end", **(attrs or {})})

    def format_value(self, value):
        if isinstance(value, int):
            return number(value)
        return super().format_value(value)


NOT_A_WHOLE_NUMBER = _("Enter a whole number.")  # a count (or any measure) given with a fraction or letters
TOO_LONG = _("At most %(length)s characters.")  # a text beyond its length; format with {"length": characters}
UNKNOWN_OUTCOME = _("Unknown outcome.")  # a decision's outcome (selection, continuation) not among its choices


class KRWField(forms.IntegerField):
    """An amount in whole won: accepts 1,000,000 or 1 000 000원; refuses fractions and negatives."""

    widget = KRWInput
    default_error_messages = {"invalid": _("Enter a whole number of won, e.g. 500,000,000.")}

    def __init__(self, **kwargs):
        kwargs.setdefault("min_value", 0)
        kwargs.setdefault("max_value", MAX_KRW)
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


class PercentAsBasisPointsField(forms.DecimalField):
    """A share officials enter as a percentage with up to two decimals (``5``, ``12.5``, ``7.25%``) and the portal
    keeps in basis points (500, 1,250, 725): shown as a percentage, cleaned to whole basis points; every message
    speaks of percent."""

    default_error_messages = {
        "invalid": _("Enter a percentage, e.g. 5 or 12.5."),
        "min_value": _("Enter a percentage of at least %(limit_value)s%%."),
        "max_value": _("Enter a percentage of at most %(limit_value)s%%."),
        "max_decimal_places": _("Enter a percentage with at most two decimals, e.g. 12.25."),
        "max_digits": _("Enter a percentage with at most two decimals, e.g. 12.25."),
        "max_whole_digits": _("Enter a percentage with at most two decimals, e.g. 12.25."),
    }

    def __init__(self, *, max_percent: int = 100, **kwargs):
        kwargs.setdefault("min_value", 0)
        kwargs.update(max_value=max_percent, max_digits=len(str(max_percent)) + 2, decimal_places=2)
        super().__init__(**kwargs)

    def to_python(self, value):
        if isinstance(value, str):
            value = value.replace("%", "").strip()
        return super().to_python(value)

    def clean(self, value) -> int | None:
        percent = super().clean(value)
        return None if percent is None else int(percent * 100)

    def prepare_value(self, value):
        if isinstance(value, int) and not isinstance(value, bool):  # the stored basis points
            return f"{(Decimal(value) / 100).normalize():f}"
        return value

    def has_changed(self, initial, data) -> bool:
        try:
            return self.clean(data) != initial
        except forms.ValidationError:
            return True


def percent_of_basis_points(basis_points: int | None) -> Decimal | None:
    """The percentage a stored share in basis points is (500 -> 5), as a form's data names it."""
    return None if basis_points is None else Decimal(basis_points) / 100


# Bounds of every number and date a page form (and the API, which runs the same forms) accepts. Money is whole won
# below 10^15 (a thousand trillion won, beyond any national budget), so a sum of thousands of amounts stays exact
# and within a 64-bit column; counts (persons, companies, jobs) below 10^9; dates within 2000-2100.
MAX_KRW = 10**15 - 1
MAX_COUNT = 10**9 - 1
FIRST_DATE, LAST_DATE = date(2000, 1, 1), date(2100, 12, 31)


LARGEST_ID = 2**63 - 1  # a 64-bit primary key or year column


def ascii_whole_number(text, *, largest: int = LARGEST_ID) -> int | None:
    """``text`` (a query parameter, a spreadsheet cell, a typed id) as a non-negative whole number written in
    ASCII digits, or None. ``str.isdigit`` also accepts '²' or '١', which ``int`` refuses or reads as another
    number, and a number past 4,300 digits makes ``int`` raise: every such text is None here, never a 500."""
    text = str(text if text is not None else "").strip()
    if not (text.isascii() and text.isdigit()) or len(text) > len(str(largest)):
        return None
    number = int(text)
    return number if number <= largest else None


def validate_plausible_date(value) -> None:
    """A validator (forms and API serializers): ``value``, a date or a time, lies within 2000-2100."""
    day = value.date() if isinstance(value, datetime) else value
    if day is not None and not FIRST_DATE <= day <= LAST_DATE:
        raise forms.ValidationError(_("Enter a date between %(first)s and %(last)s."), code="implausible",
                                    params={"first": FIRST_DATE.isoformat(), "last": LAST_DATE.isoformat()})


class PlausibleDateMixin:
    """Refuses a date (or the date of a time) outside ``FIRST_DATE``–``LAST_DATE``: year 1 overflowed when
    converted to UTC, and no contest, payment or report of this programme lies there."""

    def validate(self, value):
        super().validate(value)
        if value not in self.empty_values:
            validate_plausible_date(value)


class PlausibleDateField(PlausibleDateMixin, forms.DateField):
    pass


class PlausibleDateTimeField(PlausibleDateMixin, forms.DateTimeField):
    pass


def bound_number(field: forms.IntegerField, upper: int) -> forms.IntegerField:
    """``field`` refusing anything above ``upper`` (and below ``-upper`` when it had no lower bound)."""
    if field.max_value is None or field.max_value > upper:
        field.max_value = upper
        field.validators.append(validators.MaxValueValidator(upper))
    if field.min_value is None:
        field.min_value = -upper
        field.validators.append(validators.MinValueValidator(-upper))
    field.widget.attrs.update({key: value for key, value in field.widget_attrs(field.widget).items()
                               if key in {"min", "max"}})
    return field


def bounded_formfield(db_field: models.Field, **kwargs) -> forms.Field | None:
    """A ModelForm's field for ``db_field`` with the portal's bounds: amounts (``*_krw`` or 64-bit columns) at most
    ``MAX_KRW``, years within 2000-2100, other whole numbers ``MAX_COUNT``, dates and times within 2000-2100."""
    if isinstance(db_field, models.DateTimeField):
        kwargs.setdefault("form_class", PlausibleDateTimeField)
    elif isinstance(db_field, models.DateField):
        kwargs.setdefault("form_class", PlausibleDateField)
    return bound_formfield(db_field, db_field.formfield(**kwargs))


def bound_formfield(db_field: models.Field, field: forms.Field | None) -> forms.Field | None:
    """``field``, made for ``db_field`` by any form (a ModelForm, the admin), given the portal's bounds: the
    numbers' as ``bounded_formfield`` says, and any date or time within 2000-2100."""
    if isinstance(db_field, models.DateField) and field is not None \
            and validate_plausible_date not in field.validators:
        field.validators.append(validate_plausible_date)
    if isinstance(field, forms.IntegerField) and (db_field.name == "year" or db_field.name.endswith("_year")):
        field.min_value, field.max_value = max(field.min_value or FIRST_DATE.year, FIRST_DATE.year), LAST_DATE.year
        field.validators += [validators.MinValueValidator(field.min_value),
                             validators.MaxValueValidator(field.max_value)]
    elif isinstance(field, forms.IntegerField):
        money = db_field.name.endswith("_krw") or isinstance(db_field, models.BigIntegerField)
        bound_number(field, MAX_KRW if money else MAX_COUNT)
    return field


class BoundedModelFormMetaclass(forms.models.ModelFormMetaclass):
    """Gives each form's own ``Meta`` the portal's ``formfield_callback`` (Django reads it from that ``Meta``)."""

    def __new__(mcs, name, bases, attrs):
        meta = attrs.get("Meta")
        if meta is not None and not hasattr(meta, "formfield_callback"):
            meta.formfield_callback = staticmethod(bounded_formfield)
        return super().__new__(mcs, name, bases, attrs)


class BoundedModelForm(forms.ModelForm, metaclass=BoundedModelFormMetaclass):
    """A ModelForm whose generated number and date fields have the portal's bounds (``bounded_formfield``)."""

    class Meta:
        formfield_callback = bounded_formfield
