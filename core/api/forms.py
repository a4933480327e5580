"""The API validates input with the same Django forms as the pages, so a rule is written once.

A form's errors become a 400 whose keys are the API's field names; a formset's become one error object per row,
in the order the rows were sent, so a caller can tell which row was refused and why.
"""
from collections import Counter
from collections.abc import Callable, Iterable, Mapping

from django import forms
from django.utils.translation import gettext as _
from rest_framework.exceptions import ValidationError

NON_FIELD = "non_field_errors"


def _messages(errors) -> dict[str, list[str]]:
    return {(NON_FIELD if field == forms.forms.NON_FIELD_ERRORS else field): [str(message) for message in messages]
            for field, messages in errors.items()}


def body_object(request) -> Mapping:
    """The request's body as fields by name; a 400 saying so when it is a JSON list, text, number or null
    (a view that spread such a body into a dict answered 500)."""
    if not isinstance(request.data, Mapping):
        raise ValidationError({NON_FIELD: [_("The body must be a JSON object of fields by name.")]})
    return request.data


def validated(form: forms.Form) -> forms.Form:
    """``form``, valid; a ValidationError with its messages by field otherwise."""
    if not form.is_valid():
        raise ValidationError(_messages(form.errors))
    return form


def formset_payload(prefix: str, rows: Iterable[Mapping]) -> dict[str, object]:
    """The POST data a page would send for ``rows``: the management form and each row's fields."""
    rows = list(rows)
    data: dict[str, object] = {f"{prefix}-TOTAL_FORMS": str(len(rows)), f"{prefix}-INITIAL_FORMS": "0",
                               f"{prefix}-MIN_NUM_FORMS": "0", f"{prefix}-MAX_NUM_FORMS": "1000"}
    for index, row in enumerate(rows):
        for key, value in row.items():
            if value is not None:
                data[f"{prefix}-{index}-{key}"] = value
    return data


def validated_formset(formset: forms.BaseFormSet, rows_key: str) -> forms.BaseFormSet:
    """``formset``, valid; otherwise a ValidationError with ``rows_key`` holding one error object per row (empty
    for a row that is fine) and the formset's own errors as non-field errors."""
    if formset.is_valid():
        return formset
    errors: dict[str, object] = {}
    if any(formset.errors):
        errors[rows_key] = [_messages(row) for row in formset.errors]
    if formset.non_form_errors():
        errors[NON_FIELD] = [str(message) for message in formset.non_form_errors()]
    raise ValidationError(errors)


def refuse_rows(rows_key: str, problems: list[dict]) -> None:
    """A 400 with one error object per row sent (empty for a row that is fine), when any row has a problem."""
    if any(problems):
        raise ValidationError({rows_key: problems})


def refuse_repeated_rows(rows: list[Mapping], key: Callable[[Mapping], object], rows_key: str, message: str,
                         field: str = NON_FIELD) -> None:
    """Rows that say the same thing twice (the same ``key``) are each refused with ``message``."""
    counts = Counter(key(row) for row in rows)
    refuse_rows(rows_key, [{field: [message]} if counts[key(row)] > 1 else {} for row in rows])
