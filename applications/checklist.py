"""What a proposal must hold before it can be submitted. Sections join as they are built."""
from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from .models import Proposal

REQUIRED_SECTIONS = [
    ("title", _("Title")),
    ("summary", _("Overview")),
    ("specialty_resource", _("Local specialty resource")),
    ("industry", _("Industry built on it")),
    ("extinction_strategy", _("Local-extinction response strategy")),
    ("support_programme", _("Company support programme by growth stage")),
]


@dataclass(frozen=True)
class ChecklistItem:
    field: str
    label: str
    done: bool


def completeness_checklist(proposal: Proposal) -> list[ChecklistItem]:
    return [ChecklistItem(field, str(label), bool(str(getattr(proposal, field)).strip()))
            for field, label in REQUIRED_SECTIONS]


def missing_items(proposal: Proposal) -> list[ChecklistItem]:
    return [item for item in completeness_checklist(proposal) if not item.done]
