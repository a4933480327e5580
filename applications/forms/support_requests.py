"""The support-request section's form, built from the ministries' registry: one group of rows per line the
proposal may ask (grouped by ministry on the page), each row with a field per requestable measure of its line
and the request's details. A line or ministry the council adds as data appears here with no code change."""
from collections.abc import Mapping
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from applications.models import Proposal
from applications.support_requests import (
    DESCRIPTION_LENGTH,
    clean_request,
    has_key,
    repeated_message,
    request_gaps,
    request_key,
)
from ministries.forms import LineValuesForm, line_values_form
from ministries.registry import LineSpec


class RequestRowForm(LineValuesForm):
    """One request: the line's requestable measures (refused as :func:`clean_request` refuses) and details. A
    draft keeps the row as far as it is typed; :meth:`still_missing` says what submission will ask of it."""

    request = True
    partial = True

    def still_missing(self) -> list[str]:
        """What this row lacks before submission, as typed (or as saved, on a page just opened); nothing for a
        row left empty."""
        if self.is_bound:
            if not hasattr(self, "cleaned_data") or self.errors or not self.has_content():
                return []
            values = self.values()
        else:
            values = {code: value for code, value in self.initial.items() if code != "description"}
            if not values and not self.initial.get("description"):
                return []
        return list(request_gaps(self.line, values).values())

    def has_content(self) -> bool:
        """Whether anything is typed in the row (a saved row re-sent unchanged counts: it is kept)."""
        return bool(self.values() or (self.cleaned_data.get("description") or "").strip())

    def clean(self):
        cleaned = super().clean()
        if not self.errors:
            try:
                clean_request(self.line, self.values())
            except forms.ValidationError as error:
                for code, messages in error.message_dict.items():
                    self.add_error(code if code in self.fields else None, messages)
        return cleaned


class LineRequestFormSet(forms.BaseFormSet):
    """The proposal's requests of one line; a line keyed by a requestable measure (visa type, MSS item) is
    asked once per key value."""

    line: LineSpec

    def kept_forms(self) -> list[forms.Form]:
        """Every row with something typed in it, unless marked for deletion: a saved row sent back unchanged is
        kept as it is (only an empty row or a deleted one is left out)."""
        return [form for form in self.forms if not self._should_delete_form(form) and hasattr(form, "cleaned_data")
                and form.has_content()]

    def clean(self):
        if not has_key(self.line):
            return
        seen = set()
        for form in self.kept_forms():
            if not hasattr(form, "cleaned_data") or form.errors:
                continue
            key = request_key(self.line, form.values())
            if key is None:
                continue
            if key in seen:
                form.add_error(None, repeated_message())
            seen.add(key)


def _formset_class(line: LineSpec) -> type[LineRequestFormSet]:
    row = line_values_form(line, request=True, base=RequestRowForm, extra={"description": forms.CharField(
        label=_("Details"), required=False, max_length=DESCRIPTION_LENGTH,
        widget=forms.Textarea(attrs={"rows": 2}))})
    return forms.formset_factory(row, formset=type(f"{line.code}RequestFormSet", (LineRequestFormSet,),
                                                   {"line": line}),
                                 extra=1, can_delete=True, max_num=50, validate_max=True)


class SupportRequestsForm:
    """Every line's rows on one page, saved together. Behaves as the section pages expect of a form
    (``is_valid``, ``errors``, ``has_changed``); ``groups`` lists ``(ministry name, [(line, formset)])``."""

    def __init__(self, data: Mapping[str, Any] | None = None, *, lines: Mapping[str, LineSpec],
                 initial: Mapping[str, list[dict]] | None = None):
        self.lines = dict(lines)
        self.formsets = {code: _formset_class(line)(data, initial=(initial or {}).get(code) or None,
                                                    prefix=f"requests-{code}")
                         for code, line in self.lines.items()}

    def is_valid(self) -> bool:
        checked = [formset.is_valid() for formset in self.formsets.values()]  # every line's reasons shown
        return all(checked)

    @property
    def is_bound(self) -> bool:
        return any(formset.is_bound for formset in self.formsets.values())

    @property
    def errors(self) -> list:
        """Each line's errors once the form was sent; empty on a page just opened (an unbound formset is
        never valid, yet has nothing to say)."""
        return [formset.errors for formset in self.formsets.values()
                if formset.is_bound and (formset.total_error_count() or formset.non_form_errors())]

    def has_changed(self) -> bool:
        return any(formset.has_changed() for formset in self.formsets.values())

    @property
    def groups(self) -> list[tuple[str, list[tuple[LineSpec, LineRequestFormSet]]]]:
        grouped: dict[str, list] = {}
        for code, line in self.lines.items():
            grouped.setdefault(line.ministry_label, []).append((line, self.formsets[code]))
        return list(grouped.items())

    def requests(self) -> list[dict[str, Any]]:
        """The requests as the service takes them, line by line in the page's order."""
        return [{"line": code, "values": form.values(), "description": form.cleaned_data.get("description", "")}
                for code, formset in self.formsets.items() for form in formset.kept_forms()]


def support_request_initial(proposal: Proposal) -> dict[str, list[dict]]:
    """The saved requests as each line's rows (values by measure code, and details)."""
    initial: dict[str, list[dict]] = {}
    for request in proposal.support_requests.all():
        initial.setdefault(request.line.code, []).append({**request.values, "description": request.description})
    return initial
