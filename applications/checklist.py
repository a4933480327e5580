"""The proposal's sections, and what must be filled before it can be submitted.

`REQUIRED_SECTIONS` is the one list of text sections: the form, the snapshot and the comparison use it.
The structured parts (companies, budget, KPI targets, support requests, attachments) join the
checklist below; the detail page prefetches them so the checklist runs no query of its own.
"""
from dataclasses import dataclass

from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from .budget import check_saved_budget
from .models import AttachmentKind, KpiIndicator, Proposal

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
    field: str
    label: str
    done: bool
    hint: str = ""


@dataclass(frozen=True)
class SectionText:
    field: str
    label: str
    value: str


def section_texts(proposal: Proposal) -> list[SectionText]:
    return [SectionText(field, str(label), str(getattr(proposal, field))) for field, label in REQUIRED_SECTIONS]


def _structured_items(proposal: Proposal) -> list[ChecklistItem]:
    budget = check_saved_budget(proposal)
    indicators = {target.indicator for target in proposal.kpi_targets.all()}
    kinds = {attachment.kind for attachment in proposal.current_attachments()}
    missing_kinds = [str(AttachmentKind(kind).label) for kind in REQUIRED_ATTACHMENTS if kind not in kinds]
    return [
        ChecklistItem("companies", gettext("Participating companies"), bool(proposal.companies.all()),
                      gettext("At least one company.")),
        ChecklistItem("budget", gettext("Budget"), budget.ok, " ".join(budget.problems.values())),
        ChecklistItem("kpi_targets", gettext("KPI targets"), indicators >= set(KpiIndicator.values),
                      gettext("A target for every indicator.")),
        ChecklistItem("support_requests", gettext("Support requests"), bool(proposal.support_requests.all()),
                      gettext("At least one request to a ministry.")),
        ChecklistItem("attachments", gettext("Attachments"), not missing_kinds,
                      gettext("Missing: %(kinds)s.") % {"kinds": ", ".join(missing_kinds)} if missing_kinds else ""),
    ]


def completeness_checklist(proposal: Proposal) -> list[ChecklistItem]:
    texts = [ChecklistItem(item.field, item.label, bool(item.value.strip())) for item in section_texts(proposal)]
    return texts + _structured_items(proposal)


def missing_items(proposal: Proposal) -> list[ChecklistItem]:
    return [item for item in completeness_checklist(proposal) if not item.done]
