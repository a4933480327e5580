"""What a submitted version freezes: every section of the proposal and its files' checksums.

The snapshot is plain JSON so it stays readable whatever later becomes of the models; ``render``
turns each part back into lines a reader can compare side by side.
"""
from datetime import date
from typing import Any

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.formats import number, won
from ministries.registry import LineSpec, lines_to_show

from .checklist import REQUIRED_SECTIONS, SECTION_FIELDS
from .models import AttachmentKind, BudgetSource, GrowthStage, KpiIndicator, Proposal
from .registration_number import formatted
from .support_requests import request_row

STRUCTURED_PARTS = [
    ("partners", gettext_lazy("Partner local governments")),
    ("companies", gettext_lazy("Participating companies")),
    ("budget", gettext_lazy("Budget")),
    ("kpi_targets", gettext_lazy("KPI targets")),
    ("support_requests", gettext_lazy("Support requests")),
    ("attachments", gettext_lazy("Attachments")),
]


def take_snapshot(proposal: Proposal) -> dict[str, Any]:
    """The proposal as it stands, as JSON-ready data. A support request keeps its line's code and its values
    by measure code, so it reads the same whatever later becomes of the line's primary key (prefetch
    ``support_requests__line`` to read the lines in one query)."""
    return {
        "contest": proposal.contest_id,
        "lead_local_government": proposal.lead_local_government.code,
        "partners": sorted(partner.code for partner in proposal.partners.all()),
        **{name: getattr(proposal, name) for name in SECTION_FIELDS},
        "companies": sorted(({"name": company.name, "brn": company.business_registration_number,
                              "growth_stage": company.growth_stage, "youth_led": company.youth_led}
                             for company in proposal.companies.all()), key=lambda row: row["brn"]),
        "budget": sorted(({"year": line.year, "source": line.source, "amount_krw": line.amount_krw}
                          for line in proposal.budget_lines.all()),
                         key=lambda row: (row["year"], BudgetSource.rank(row["source"]))),
        "kpi_targets": {target.indicator: target.target for target in proposal.kpi_targets.all()},
        "support_requests": [
            {"line": request.line.code, "values": request.values, "description": request.description}
            for request in proposal.support_requests.all()],
        "attachments": [
            {"id": attachment.pk, "kind": attachment.kind, "name": attachment.original_name,
             "format": attachment.file_format, "size": attachment.size_bytes, "sha256": attachment.sha256}
            for attachment in proposal.current_attachments()],
    }


def _label(choices, value) -> str:
    try:
        return str(choices(value).label)
    except ValueError:
        return str(value)


def describe_request(line: LineSpec | None, row: dict) -> str:
    """One request as a reader reads it: its ministry and line by name, then each value by its measure's name
    (options by their names, numbers with separators); a line no longer known is shown by its code."""
    row = request_row(row)
    if line is None:
        return f"{row['line']}: " + ", ".join(f"{code} {value}" for code, value in row["values"].items())
    return f"{line.ministry_label} · {line.label}: {line.summary(row['values'])}"


def _partner_names(codes: list[str], on: date | None = None) -> str:
    """The partners by name ("경상남도 함양군"), found by any code they ever carried (a version keeps the
    codes of its day), named as they stood ``on`` (the contest's eligibility date: a 2025 round's Gokseong is
    전라남도 곡성군, issue 20) or today; a code no local government carried shows as itself."""
    from regions.models import AdministrativeCode, LocalGovernment
    from regions.selectors import stand_on, with_history

    rows = list(AdministrativeCode.objects.filter(code__in=codes).select_related("local_government__province"))
    if on is not None and rows:
        units = {unit.pk: unit for unit in with_history(LocalGovernment.objects.select_related("province").filter(
            pk__in=[row.local_government_id for row in rows]))}
        stand_on(units.values(), on)
        found = {row.code: str(units[row.local_government_id]) for row in rows}
    else:
        found = {row.code: str(row.local_government) for row in rows}
    return ", ".join(found.get(code, code) for code in codes)


def _render_support_requests(rows: list[dict]) -> str:
    lines = lines_to_show() if rows else {}
    return "\n".join(describe_request(lines.get(row["line"]), row) for row in rows)


def _render_budget(rows: list[dict]) -> str:
    """Every source of every year in the official order (국비, 도비, 시·군·구비, 민간), a source without money as 0,
    each year's total and the whole total: a snapshot stores the lines it has, in any order."""
    amounts = {(row["year"], row["source"]): row["amount_krw"] for row in rows}
    lines = []
    for year in sorted({row["year"] for row in rows}):
        lines += [f"{year} {_label(BudgetSource, source)}: {won(amounts.get((year, source), 0))}"
                  for source in BudgetSource.values]
        year_total = sum(amounts.get((year, source), 0) for source in BudgetSource.values)
        lines.append(f"{year} {_('Total')}: {won(year_total)}")
    if rows:
        lines.append(f"{_('Total')}: {won(sum(amounts.values()))}")
    return "\n".join(lines)


def render(content: dict, part: str, *, on: date | None = None) -> str:
    """One part of a snapshot as text, one line per row, so two versions compare line by line; local
    governments named as they stood ``on`` (the contest's eligibility date) when given."""
    value = content.get(part)
    if part == "partners":
        return _partner_names(value or [], on)
    if part == "companies":
        return "\n".join(f"{row['name']} ({formatted(row['brn'])}) · {_label(GrowthStage, row['growth_stage'])}"
                         + (f" · {_('youth-led')}" if row["youth_led"] else "") for row in value or [])
    if part == "budget":
        return _render_budget(value or [])
    if part == "kpi_targets":
        targets = value or {}
        return "\n".join(f"{label}: {number(targets[code])}" for code, label in KpiIndicator.choices if code in targets)
    if part == "support_requests":
        return _render_support_requests(value or [])
    if part == "attachments":
        return "\n".join(f"{_label(AttachmentKind, row['kind'])}: {row['name']} · sha256 {row['sha256'][:12]}"
                         for row in value or [])
    return "" if value is None else str(value)


def comparable_parts() -> list[tuple[str, str]]:
    """Every part of a snapshot with its label, in the order a proposal reads."""
    return [*REQUIRED_SECTIONS, *STRUCTURED_PARTS]
