"""The registry of the four support lines: which model holds each, which ministry keeps it, which fields a
row has and which of them add up on the dashboard. Views, forms, services and the dashboard read it, so a
line is described once."""
from dataclasses import dataclass

from django.db import models
from django.http import Http404
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from applications.models.sections import RequestLine

from .models import CommercializationSupport, FundProject, RuralFacility, VisaAllocation

LINE = RequestLine
MINISTRY_NAMES = {"MOJ": _("Ministry of Justice"), "MOIS": _("Ministry of the Interior and Safety"),
                  "MAFRA": _("Ministry of Agriculture, Food and Rural Affairs"),
                  "MSS": _("Ministry of SMEs and Startups")}


@dataclass(frozen=True)
class SupportLine:
    code: str
    ministry_code: str
    model: type[models.Model]
    fields: tuple[str, ...]
    totals: tuple[str, ...]  # the numeric fields the dashboard sums
    label: str | Promise

    @property
    def ministry_label(self) -> str:
        return str(MINISTRY_NAMES[self.ministry_code])

    @property
    def related_name(self) -> str:
        return self.model._meta.get_field("task").remote_field.related_name

    def verbose(self, field: str) -> str:
        return str(self.model._meta.get_field(field).verbose_name)

    def value(self, row, name: str):
        """A row's field as a person reads it: a choice by its label, an item by its name, numbers as numbers
        (the page and the XLSX export format them)."""
        display = getattr(row, f"get_{name}_display", None)
        if display:
            return display()
        value = getattr(row, name)
        return value if isinstance(value, int) else str(value)


LINES = {
    LINE.REGIONAL_VISA: SupportLine(LINE.REGIONAL_VISA, "MOJ", VisaAllocation,
                                    ("year", "visa_type", "requested", "allocated", "issued"),
                                    ("requested", "allocated", "issued"), LINE.REGIONAL_VISA.label),
    LINE.EXTINCTION_FUND: SupportLine(LINE.EXTINCTION_FUND, "MOIS", FundProject,
                                      ("name", "year", "approved_krw", "disbursed_krw"),
                                      ("approved_krw", "disbursed_krw"), LINE.EXTINCTION_FUND.label),
    LINE.RURAL_AGREEMENT_FACILITY: SupportLine(LINE.RURAL_AGREEMENT_FACILITY, "MAFRA", RuralFacility,
                                               ("name", "placement", "amount_krw", "status"),
                                               ("amount_krw",), LINE.RURAL_AGREEMENT_FACILITY.label),
    LINE.SME_COMMERCIALIZATION: SupportLine(LINE.SME_COMMERCIALIZATION, "MSS", CommercializationSupport,
                                            ("year", "item", "companies", "amount_krw"),
                                            ("companies", "amount_krw"), LINE.SME_COMMERCIALIZATION.label),
}


def line_for(code: str) -> SupportLine:
    try:
        return LINES[code]
    except KeyError as error:
        raise Http404 from error


def line_of_ministry(ministry_code: str) -> SupportLine | None:
    return next((line for line in LINES.values() if line.ministry_code == ministry_code), None)
