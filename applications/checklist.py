"""The proposal's sections, and what must be filled before it can be submitted.

`REQUIRED_SECTIONS` is the one list of sections: the form, the snapshot and the comparison use it.
"""
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


SECTION_FIELDS = [field for field, _label in REQUIRED_SECTIONS]


@dataclass(frozen=True)
class ChecklistItem:
    field: str
    label: str
    value: str

    @property
    def done(self) -> bool:
        return bool(self.value.strip())


def completeness_checklist(proposal: Proposal) -> list[ChecklistItem]:
    return [ChecklistItem(field, str(label), str(getattr(proposal, field))) for field, label in REQUIRED_SECTIONS]


def missing_items(proposal: Proposal) -> list[ChecklistItem]:
    return [item for item in completeness_checklist(proposal) if not item.done]
