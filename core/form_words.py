"""The portal's own words for what Django's forms say by themselves: a required field, a choice not offered and
the empty choice of a list ("선택하세요", not "---------"). The messages are Django's own ids, translated in the
portal's catalogue (which comes before Django's); the empty choice is set once, when the portal starts."""
from django.utils.translation import gettext_noop, pgettext_lazy

EMPTY_CHOICE = pgettext_lazy("empty choice", "Choose…")

# Django's ids, kept here so the catalogue keeps the portal's wording for them.
DJANGO_MESSAGES = (
    gettext_noop("This field is required."),
    gettext_noop("This field cannot be blank."),
    gettext_noop("Select a valid choice. %(value)s is not one of the available choices."),
    gettext_noop("Select a valid choice. That choice is not one of the available choices."),
    gettext_noop("Enter a number."),
    gettext_noop("Enter a valid date."),
    gettext_noop("Enter a valid date/time."),
)


def install() -> None:
    """Every list's empty choice reads ``EMPTY_CHOICE``: a model field's choices and a ModelChoiceField's."""
    from django.db.models.fields import BLANK_CHOICE_DASH
    from django.forms.models import ModelChoiceField

    BLANK_CHOICE_DASH[0] = ("", EMPTY_CHOICE)  # the default every model field's get_choices() shares
    ModelChoiceField.__init__.__kwdefaults__["empty_label"] = EMPTY_CHOICE
