"""A proposal's writes through the API: each body is checked by the form its page uses and saved by the same
service, so a rule (check digit, a malformed amount, youth jobs within jobs, one request per visa type, file
content) is never written twice. A refused row is named by its position in the list that was sent."""
from django.utils import timezone
from django.utils.translation import gettext as _
from rest_framework.exceptions import ValidationError

from applications import forms, selectors, services
from applications.budget import funding_years
from applications.models import Proposal
from applications.support_requests import request_problems
from core.api.forms import (
    formset_payload,
    refuse_repeated_rows,
    refuse_rows,
    validated,
    validated_formset,
)


def proposal_form(data: dict, instance: Proposal | None = None) -> forms.ProposalForm:
    values = {key: value for key, value in data.items() if key not in ("partners", "contest")}
    values["partner_codes"] = ", ".join(data.get("partners", []))
    return validated(forms.ProposalForm(values, instance=instance))


def save_companies(*, actor, proposal: Proposal, data: dict) -> None:
    payload = formset_payload("companies", data["companies"])
    formset = validated_formset(forms.CompanyFormSet(payload, prefix="companies"), "companies")
    services.save_companies(actor=actor, proposal=proposal, companies=formset.companies(), now=timezone.now())


def save_budget(*, actor, proposal: Proposal, data: dict) -> None:
    rows = data["lines"]
    years = funding_years(proposal.contest)
    outside = _("The budget covers %(first)s to %(last)s only.") % {"first": years[0], "last": years[-1]}
    refuse_rows("lines", [{} if row["year"] in years else {"year": [outside]} for row in rows])
    refuse_repeated_rows(rows, lambda row: (row["year"], row["source"]), "lines",
                        _("This year and source are listed twice."))
    form = forms.BudgetForm({forms.BudgetForm.field_name(row["year"], row["source"]): row["amount_krw"]
                             for row in rows}, contest=proposal.contest)
    if not form.is_valid():
        raise ValidationError({"lines": [
            {"amount_krw": [str(message) for message in form.errors[name]]} if name in form.errors else {}
            for name in (forms.BudgetForm.field_name(row["year"], row["source"]) for row in rows)]})
    services.save_budget(actor=actor, proposal=proposal, cells=form.cells(), now=timezone.now())


def save_kpi_targets(*, actor, proposal: Proposal, data: dict) -> None:
    rows = data["targets"]
    refuse_repeated_rows(rows, lambda row: row["indicator"], "targets", _("This indicator is listed twice."))
    form = forms.KpiTargetForm({row["indicator"]: row["target"] for row in rows})
    if not form.is_valid():
        refuse_rows("targets", [{"target": [str(message) for message in form.errors[row["indicator"]]]}
                                if row["indicator"] in form.errors else {} for row in rows])
    validated(form)
    services.save_kpi_targets(actor=actor, proposal=proposal, targets=form.targets(), now=timezone.now())


def save_support_requests(*, actor, proposal: Proposal, data: dict) -> None:
    """Each request checked against its line by the rule the page's form and the service use; a refused one is
    named by its position and the measure (``requests[1].requested``)."""
    rows = [dict(row) for row in data["requests"]]
    lines = selectors.request_lines(proposal.contest, set(proposal.support_requests.values_list("line_id", flat=True)))
    refuse_rows("requests", request_problems(lines, rows)[1])
    services.save_support_requests(actor=actor, proposal=proposal, requests=rows, now=timezone.now())


def add_attachment(*, actor, proposal: Proposal, data: dict):
    form = validated(forms.AttachmentForm({"kind": data["kind"]}, {"file": data["file"]}))
    return services.add_attachment(actor=actor, proposal=proposal, kind=form.cleaned_data["kind"],
                                   upload=form.checked_upload, now=timezone.now())

