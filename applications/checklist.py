"""The proposal's sections, and what must be filled before it can be submitted.

`REQUIRED_SECTIONS` is the one list of text sections: the form, the snapshot and the comparison use it.
The structured parts (companies, budget, KPI targets, support requests, attachments) join the
checklist below; the detail page prefetches them so the checklist runs no query of its own.
"""
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from ministries.registry import spec_to_show

from .budget import check_saved_budget
from .models import AttachmentKind, KpiIndicator, Proposal
from .support_requests import request_gaps

REQUIRED_SECTIONS = [
    ("title", _("Title")),
    ("summary", _("Overview")),
    ("specialty_resource", _("Local specialty resource")),
    ("industry", _("Industry built on it")),
    ("extinction_strategy", _("Local-extinction response strategy")),
    ("support_programme", _("Company support programme by growth stage")),
]

SECTION_FIELDS = [field for field, _label in REQUIRED_SECTIONS]
REQUIRED_ATTACHMENTS = (AttachmentKind.BUSINESS_PLAN, AttachmentKind.PRESENTATION)


@dataclass(frozen=True)
class ChecklistItem:
    """One part of the proposal and whether it is ready; ``rows`` names each saved row that still lacks
    something ("Company 2 (한빛식품): Business registration number"), for the page and the refusal alike."""

    field: str
    label: str
    done: bool
    hint: str = ""
    rows: tuple[str, ...] = ()

    @property
    def refusal(self) -> str:
        """The item as a refused submission names it: its label, and the rows it waits for."""
        return f"{self.label} ({'; '.join(self.rows)})" if self.rows else self.label


@dataclass(frozen=True)
class SectionText:
    field: str
    label: str
    value: str


def section_texts(proposal: Proposal) -> list[SectionText]:
    return [SectionText(field, str(label), str(getattr(proposal, field))) for field, label in REQUIRED_SECTIONS]


COMPANY_FIELDS = (
    ("name", _("Company name")),
    ("business_registration_number", _("Business registration number")),
    ("growth_stage", _("Growth stage")),
)


def company_gaps(values: Mapping[str, Any]) -> list[str]:
    """What a company row (its values by field, as saved or as typed) lacks before submission, by label."""
    missing = missing_company_fields(values)
    return [str(label) for field, label in COMPANY_FIELDS if field in missing]


def missing_company_fields(values: Mapping[str, Any]) -> list[str]:
    """The fields a company row lacks before submission, by name (the API's words)."""
    return [field for field, _label in COMPANY_FIELDS if not str(values.get(field) or "").strip()]


def _company_rows(proposal: Proposal) -> tuple[str, ...]:
    rows = []
    for number, company in enumerate(proposal.companies.all(), start=1):
        gaps = company_gaps({field: getattr(company, field) for field, _label in COMPANY_FIELDS})
        if gaps:
            row = (gettext("Company %(number)s (%(name)s)") % {"number": number, "name": company.name}
                   if company.name else gettext("Company %(number)s") % {"number": number})
            rows.append(f"{row}: {', '.join(gaps)}")
    return tuple(rows)


def _request_rows(proposal: Proposal) -> tuple[str, ...]:
    """Each saved request that lacks a required measure, named by its line and its place among the line's
    requests, as the section page lists them (the lines' measures are read from ``support_requests__line``,
    prefetched with them on the detail page)."""
    rows, counts = [], Counter()
    for request in proposal.support_requests.all():
        line = spec_to_show(request.line)
        counts[line.code] += 1
        gaps = request_gaps(line, request.values)
        if gaps:
            rows.append(gettext("%(line)s, request %(number)s: %(missing)s") % {
                "line": line.label, "number": counts[line.code], "missing": " ".join(gaps.values())})
    return tuple(rows)


def _kpi_rows(indicators: set[str]) -> tuple[str, ...]:
    """The indicators a table begun still lacks (an untouched table is simply not done yet)."""
    missing = [str(label) for code, label in KpiIndicator.choices if code not in indicators]
    return (gettext("Missing: %(kinds)s.") % {"kinds": ", ".join(missing)},) if indicators and missing else ()


def _structured_items(proposal: Proposal) -> list[ChecklistItem]:
    budget = check_saved_budget(proposal)
    indicators = {target.indicator for target in proposal.kpi_targets.all()}
    kinds = {attachment.kind for attachment in proposal.current_attachments()}
    missing_kinds = [str(AttachmentKind(kind).label) for kind in REQUIRED_ATTACHMENTS if kind not in kinds]
    companies, requests, kpis = _company_rows(proposal), _request_rows(proposal), _kpi_rows(indicators)
    return [
        ChecklistItem("companies", gettext("Participating companies"), bool(proposal.companies.all()) and not companies,
                      " ".join(companies) or gettext("At least one company."), companies),
        ChecklistItem("budget", gettext("Budget"), budget.ok, " ".join(budget.problems.values()),
                      () if budget.is_empty else tuple(budget.problems.values())),
        ChecklistItem("kpi_targets", gettext("KPI targets"), indicators >= set(KpiIndicator.values),
                      " ".join(kpis) or gettext("A target for every indicator."), kpis),
        ChecklistItem("support_requests", gettext("Support requests"),
                      bool(proposal.support_requests.all()) and not requests,
                      " ".join(requests) or gettext("At least one request to a ministry."), requests),
        ChecklistItem("attachments", gettext("Attachments"), not missing_kinds,
                      gettext("Missing: %(kinds)s.") % {"kinds": ", ".join(missing_kinds)} if missing_kinds else ""),
    ]


def completeness_checklist(proposal: Proposal) -> list[ChecklistItem]:
    texts = [ChecklistItem(item.field, item.label, bool(item.value.strip())) for item in section_texts(proposal)]
    return texts + _structured_items(proposal)


def missing_items(proposal: Proposal) -> list[ChecklistItem]:
    return [item for item in completeness_checklist(proposal) if not item.done]
