"""Forms of a proposal's structured sections: companies, budget, KPI targets, support requests, files.

A form that fails keeps every value typed and puts the reason next to the field or row it concerns.
"""
import unicodedata

from django import forms
from django.utils.translation import gettext_lazy as _

from applications.budget import check_budget, funding_years
from applications.checklist import company_gaps
from applications.models import (
    AttachmentKind,
    BudgetSource,
    Contest,
    GrowthStage,
    KpiIndicator,
    Proposal,
)
from applications.registration_number import validate_business_registration_number
from core.fields import NOT_A_WHOLE_NUMBER, KRWField
from core.formats import number

from .contests import DocumentUploadMixin


class CompanyForm(forms.Form):
    """One participating company. A draft keeps the row as far as it is typed (the name before the registration
    number is at hand); a number typed is checked at once, beside its field. :meth:`still_missing` says what
    submission will ask of the row (``checklist.company_gaps``)."""

    name = forms.CharField(label=_("Company name"), max_length=200, required=False)
    business_registration_number = forms.CharField(label=_("Business registration number"), max_length=14,
                                                   required=False,
                                                   widget=forms.TextInput(attrs={"placeholder": "123-45-67890"}))
    # A blank first choice: an untouched extra row must submit nothing, or it would count as changed.
    growth_stage = forms.ChoiceField(label=_("Growth stage"), choices=[("", "—"), *GrowthStage.choices],
                                     required=False)
    youth_led = forms.BooleanField(label=_("Youth-led"), required=False)

    def clean_name(self) -> str:
        return unicodedata.normalize("NFC", self.cleaned_data["name"]).strip()

    def clean_business_registration_number(self) -> str:
        typed = self.cleaned_data["business_registration_number"].strip()
        return validate_business_registration_number(typed) if typed else ""

    def company(self) -> dict:
        return {key: self.cleaned_data.get(key) or ("" if key != "youth_led" else False) for key in COMPANY_KEYS}

    def has_content(self) -> bool:
        """Whether anything is typed in the row (a saved row sent back unchanged counts: it is kept)."""
        return any(self.company().values())

    def still_missing(self) -> list[str]:
        """What the row lacks before submission, as typed (or as saved, on a page just opened); nothing for an
        empty row or one whose typing is refused (its message says more)."""
        if self.is_bound:
            if not hasattr(self, "cleaned_data") or self.errors or not self.has_content():
                return []
            return company_gaps(self.company())
        return company_gaps(self.initial) if any(self.initial.get(key) for key in COMPANY_KEYS) else []


COMPANY_KEYS = ("name", "business_registration_number", "growth_stage", "youth_led")


class BaseCompanyFormSet(forms.BaseFormSet):
    def kept_forms(self) -> list[CompanyForm]:
        """Every row with something typed in it, unless marked for deletion: a saved row sent back unchanged is
        kept (only an empty or deleted row is left out)."""
        return [form for form in self.forms if not self._should_delete_form(form) and hasattr(form, "cleaned_data")
                and form.has_content()]

    def clean(self):
        seen = set()
        for form in self.forms:
            if self._should_delete_form(form) or not hasattr(form, "cleaned_data") or form.errors:
                continue
            number = form.cleaned_data.get("business_registration_number")
            if not number:
                continue
            if number in seen:
                form.add_error("business_registration_number", _("This company is already listed."))
            seen.add(number)

    def companies(self) -> list[dict]:
        return [form.company() for form in self.kept_forms()]


CompanyFormSet = forms.formset_factory(CompanyForm, formset=BaseCompanyFormSet, extra=3, can_delete=True,
                                       max_num=200, validate_max=True)


def company_initial(proposal: Proposal) -> list[dict]:
    return [{"name": company.name, "business_registration_number": company.formatted_registration_number,
             "growth_stage": company.growth_stage, "youth_led": company.youth_led}
            for company in proposal.companies.all()]


class BudgetForm(forms.Form):
    """The budget table: one field per funding year and source. A draft saves whatever is typed (a malformed
    amount is refused beside its field); the contest's cap and matching shares are checked at submission, and
    the rows the saved table does not meet yet are marked (``row_errors``) as what is left to do."""

    def __init__(self, *args, contest: Contest, proposal: Proposal | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.contest = contest
        self.years = funding_years(contest)
        saved = {(line.year, line.source): line.amount_krw for line in proposal.budget_lines.all()} if proposal else {}
        self.row_errors: dict[str, str] = {}
        if saved:  # an empty table has nothing to mark yet: the page just opened is not a mistake
            self.row_errors = dict(check_budget(contest, [(year, source, amount)
                                                          for (year, source), amount in saved.items()]).problems)
        for source, label in BudgetSource.choices:
            for year in self.years:
                self.fields[self.field_name(year, source)] = KRWField(
                    label=f"{year} {label}", required=False, initial=saved.get((year, source)))

    @staticmethod
    def field_name(year: int, source: str) -> str:
        return f"amount_{year}_{source}"

    def rows(self) -> list[dict]:
        """For the template: each source with its fields per year and what it still lacks for submission."""
        return [{"source": source, "label": label, "error": self.row_errors.get(source, ""),
                 "fields": [self[self.field_name(year, source)] for year in self.years]}
                for source, label in BudgetSource.choices]

    def cells(self) -> dict[tuple[int, str], int]:
        return {(year, source): self.cleaned_data.get(self.field_name(year, source)) or 0
                for year in self.years for source in BudgetSource.values}


class KpiTargetForm(forms.Form):
    def __init__(self, *args, proposal: Proposal | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        saved = {target.indicator: target.target for target in proposal.kpi_targets.all()} if proposal else {}
        for indicator, label in KpiIndicator.choices:
            self.fields[indicator] = KRWField(label=label, required=False, initial=saved.get(indicator))
            self.fields[indicator].error_messages["invalid"] = NOT_A_WHOLE_NUMBER

    def clean(self):
        cleaned = super().clean()
        jobs, youth = cleaned.get(KpiIndicator.JOBS), cleaned.get(KpiIndicator.YOUTH_JOBS)
        if jobs is not None and youth is not None and youth > jobs:
            self.add_error(KpiIndicator.YOUTH_JOBS, _("Youth jobs are part of all jobs: at most %(jobs)s.")
                           % {"jobs": number(jobs)})
        return cleaned

    def targets(self) -> dict[str, int | None]:
        return {indicator: self.cleaned_data.get(indicator) for indicator in KpiIndicator.values}


class AttachmentForm(DocumentUploadMixin, forms.Form):
    kind = forms.ChoiceField(label=_("Kind"), choices=AttachmentKind.choices)
    file = forms.FileField(label=_("File"), help_text=_("PDF, HWP, HWPX, PPTX or XLSX; checked by its content."))


class ProvincialMatchForm(forms.Form):
    amount_krw = KRWField(label=_("Provincial amount confirmed (KRW)"))
    note = forms.CharField(label=_("Note"), required=False, widget=forms.Textarea(attrs={"rows": 2}),
                           help_text=_("Required when the amount is below the budget's provincial share."))
