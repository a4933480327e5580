"""Loading the shipped registry: provinces, local governments as they stood over time, their codes, the
reorganisations of the 2026-07-01 layout and the MOIS designations.

The load first works out, in memory, what every unit should look like (its current state, its periods,
codes, changes and successors), then writes only what differs: loading twice changes nothing, and a
registry loaded before the reorganisation is brought up to date in place (a recoded unit keeps its row,
so proposals, tasks and accounts bound to it stay bound).
"""
import csv
import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

from django.db import transaction

from .models import (
    AdministrativeCode,
    Designation,
    LocalGovernment,
    LocalGovernmentPeriod,
    Province,
    Reorganisation,
    Succession,
)
from .notes import Renderings, load_translations, note_renderings, renderings

DATA_DIR = Path(__file__).resolve().parent / "data"
LAYOUT_FILE = "admin_layout_2026-07-01.csv"
LAYOUT_EFFECTIVE_ON = date(2026, 7, 1)
# The layout file's codes and changes come from secondary sources (see data/README.md): they are stored as
# unverified, with the file as their source; a page says what "unverified" means in the reader's language.
LAYOUT_SOURCE = LAYOUT_FILE
# The 2025 layout's earlier codes (Gangwon, Jeonbuk, Gunwi-gun...): the MOIS code table, as compiled there.
UNITS_FILE = "local_governments.csv"
_DATE_IN_NOTE = re.compile(r"\b(\d{4}-\d{2}-\d{2})\b")
Change = Reorganisation.Change


@dataclass
class LoadReport:
    """How many rows a load created, changed and found already as they should be."""

    created: Counter = field(default_factory=Counter)
    updated: Counter = field(default_factory=Counter)
    unchanged: Counter = field(default_factory=Counter)

    def record(self, model_name: str, outcome: str) -> None:
        getattr(self, outcome)[model_name] += 1

    @property
    def changed_anything(self) -> bool:
        return bool(sum(self.created.values()) or sum(self.updated.values()))


@dataclass
class _Period:
    province: str
    name_ko: str
    name_en: str
    valid_from: date | None = None
    valid_to: date | None = None


@dataclass
class _Code:
    code: str
    valid_from: date | None = None
    valid_to: date | None = None
    verified: bool = True
    source: str = ""


@dataclass
class _Unit:
    """What one local government should look like after the load."""

    code: str
    province: str
    name_ko: str
    name_en: str
    kind: str
    is_autonomous: bool
    note: str  # as in the file; its Korean and English renderings are worked out when written
    valid_from: date | None = None
    valid_to: date | None = None
    codes: list[_Code] = field(default_factory=list)
    periods: list[_Period] = field(default_factory=list)
    events: list[tuple] = field(default_factory=list)  # (change, effective_on, old, new, source, verified)


def _upsert(model, report: LoadReport, lookup: dict, values: dict):
    """Create or update one row, touching the database only when something differs."""
    instance = model.objects.filter(**lookup).first()
    if instance is None:
        instance = model.objects.create(**lookup, **values)
        report.record(model.__name__, "created")
        return instance
    changed = [name for name, value in values.items() if getattr(instance, name) != value]
    if changed:
        for name in changed:
            setattr(instance, name, values[name])
        instance.save(update_fields=changed)
        report.record(model.__name__, "updated")
    else:
        report.record(model.__name__, "unchanged")
    return instance


def _read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return [{key: (value or "").strip() for key, value in row.items()} for row in csv.DictReader(handle)]


def _optional_date(text: str) -> date | None:
    return date.fromisoformat(text) if text else None


def _load_provinces(data_dir: Path, report: LoadReport) -> dict[str, Province]:
    # A merged province's successor is loaded before it, so each row is written once.
    rows = sorted(_read_csv(data_dir / "provinces.csv"), key=lambda row: bool(row.get("successor_code")))
    provinces = {}
    for row in rows:
        provinces[row["code"]] = _upsert(Province, report, {"code": row["code"]}, {
            "name_ko": row["name_ko"], "name_en": row["name_en"], "legacy_code": row["legacy_code"],
            "former_name_ko": row["former_name_ko"], "code_changed_on": _optional_date(row["code_changed_on"]),
            "short_name_ko": row.get("short_name_ko", ""),
            "name_en_provisional": row.get("name_en_provisional") == "yes",
            "valid_from": _optional_date(row.get("valid_from", "")),
            "valid_to": _optional_date(row.get("valid_to", "")),
            "successor": provinces[row["successor_code"]] if row.get("successor_code") else None,
        })
    return provinces


def _province_of_code(code: str, provinces: dict[str, Province]) -> str:
    """The province a code belongs to: its first two digits, read through provinces' earlier codes."""
    prefix = code[:2]
    if prefix in provinces:
        return prefix
    return next(p.code for p in provinces.values() if p.legacy_code == prefix)


def _plan_2025_layout(data_dir: Path, provinces: dict[str, Province]) -> dict[str, _Unit]:
    """Every unit of the 2025 layout, with the code changes it went through before (Gunwi-gun, Gangwon...)."""
    units = {}
    for row in _read_csv(data_dir / UNITS_FILE):
        unit = _Unit(code=row["code"], province=row["code"][:2], name_ko=row["name_ko"], name_en=row["name_en"],
                     kind=row["kind"], is_autonomous=row["autonomous"] == "yes", note=row["note"])
        changed_on = None
        if row["legacy_code"]:
            found = _DATE_IN_NOTE.search(row["note"])
            changed_on = date.fromisoformat(found.group(1)) if found else None
            unit.codes.append(_Code(row["legacy_code"], None, changed_on - timedelta(days=1) if changed_on else None))
        unit.codes.append(_Code(row["code"], changed_on, None))
        earlier_province = _province_of_code(row["legacy_code"], provinces) if row["legacy_code"] else unit.province
        if changed_on and earlier_province != unit.province:
            unit.periods = [_Period(earlier_province, unit.name_ko, unit.name_en, None, changed_on - timedelta(days=1)),
                            _Period(unit.province, unit.name_ko, unit.name_en, changed_on, None)]
            unit.events.append((Change.MOVED_PROVINCE, changed_on, provinces[earlier_province].name_ko,
                                provinces[unit.province].name_ko, UNITS_FILE, True))
        else:
            unit.periods = [_Period(unit.province, unit.name_ko, unit.name_en)]
        if changed_on:
            unit.events.append((Change.RECODED, changed_on, row["legacy_code"], row["code"], UNITS_FILE, True))
        units[row["code"]] = unit
    return units


def _plan_reorganisation(data_dir: Path, units: dict[str, _Unit], provinces: dict[str, Province]
                         ) -> list[tuple[str, str, bool]]:
    """Apply the 2026-07-01 layout to ``units`` (adding created ones); return the successions as
    ``(predecessor key, successor key, whole)``. A row whose note says "Created" is a new unit; any other
    row with a new code continues its one earlier code (recoded, renamed, moved)."""
    day, before = LAYOUT_EFFECTIVE_ON, LAYOUT_EFFECTIVE_ON - timedelta(days=1)
    province_by_name = {province.name_ko: code for code, province in provinces.items()}
    continued, links = set(), []
    for row in _read_csv(data_dir / LAYOUT_FILE):
        if row["code"] in units:
            continue
        province = province_by_name[row["province_ko"]]
        earlier = [code for code in row["legacy_code"].split(";") if code]
        if row["note"].startswith("Created"):
            units[row["code"]] = _Unit(
                code=row["code"], province=province, name_ko=row["name_ko"], name_en=row["name_en"],
                kind=row["kind"], is_autonomous=True, note=row["note"], valid_from=day,
                codes=[_Code(row["code"], day, None, False, LAYOUT_SOURCE)],
                periods=[_Period(province, row["name_ko"], row["name_en"], day, None)],
                events=[(Change.CREATED, day, "", row["name_ko"], LAYOUT_SOURCE, False)])
            links += [(code, row["code"]) for code in earlier]
            continue
        (key,) = earlier
        unit = units[key]
        continued.add(key)
        unit.codes[-1].valid_to = before
        unit.codes.append(_Code(row["code"], day, None, False, LAYOUT_SOURCE))
        unit.events.append((Change.RECODED, day, unit.code, row["code"], LAYOUT_SOURCE, False))
        if province != unit.province:
            unit.events.append((Change.MOVED_PROVINCE, day, provinces[unit.province].name_ko,
                                provinces[province].name_ko, LAYOUT_SOURCE, False))
        if (row["name_ko"], row["name_en"]) != (unit.name_ko, unit.name_en):
            unit.events.append((Change.RENAMED, day, unit.name_ko, row["name_ko"], LAYOUT_SOURCE, False))
        unit.periods[-1].valid_to = before
        unit.periods.append(_Period(province, row["name_ko"], row["name_en"], day, None))
        unit.code, unit.province, unit.name_ko, unit.name_en = row["code"], province, row["name_ko"], row["name_en"]
        unit.note = row["note"]
    successors = Counter(predecessor for predecessor, _successor in links)
    for predecessor in {predecessor for predecessor, _successor in links} - continued:
        unit = units[predecessor]
        unit.valid_to = unit.periods[-1].valid_to = unit.codes[-1].valid_to = before
        unit.events.append((Change.ABOLISHED, day, unit.name_ko, "", LAYOUT_SOURCE, False))
    return [(predecessor, successor, predecessor not in continued and successors[predecessor] == 1)
            for predecessor, successor in links]


def _write_unit(unit: _Unit, provinces: dict[str, Province], report: LoadReport,
                translations: dict[str, Renderings]) -> LocalGovernment:
    known = [code.code for code in unit.codes]
    existing = LocalGovernment.objects.filter(code__in=known).first()
    note_ko, note_en = note_renderings(unit.note, translations)
    values = {"code": unit.code, "province": provinces[unit.province], "name_ko": unit.name_ko,
              "name_en": unit.name_en, "kind": unit.kind, "is_autonomous": unit.is_autonomous,
              "valid_from": unit.valid_from, "valid_to": unit.valid_to, "note": unit.note,
              "note_ko": note_ko, "note_en": note_en}
    lookup = {"pk": existing.pk} if existing else {"code": unit.code}
    values_without_lookup = {k: v for k, v in values.items() if k not in lookup}
    local_government = _upsert(LocalGovernment, report, lookup, values_without_lookup)
    for code in unit.codes:
        _upsert(AdministrativeCode, report, {"code": code.code}, {
            "local_government": local_government, "valid_from": code.valid_from, "valid_to": code.valid_to,
            "verified": code.verified, "source": code.source})
    kept = []
    for period in unit.periods:
        kept.append(_upsert(LocalGovernmentPeriod, report, {
            "local_government": local_government, "valid_from": period.valid_from}, {
            "province": provinces[period.province], "name_ko": period.name_ko, "name_en": period.name_en,
            "valid_to": period.valid_to}).pk)
    stale, _detail = local_government.periods.exclude(pk__in=kept).delete()
    if stale:
        report.updated["LocalGovernmentPeriod"] += stale
    for change, effective_on, old, new, source, verified in unit.events:
        _upsert(Reorganisation, report, {"local_government": local_government, "change": change,
                                         "effective_on": effective_on},
                {"old_value": old, "new_value": new, "source": source[:300], "verified": verified})
    return local_government


@transaction.atomic
def load_region_registry(*, data_dir: Path = DATA_DIR) -> LoadReport:
    """Load provinces, local governments with their history, codes, reorganisations and the MOIS
    designations. Idempotent: a second run over the same files changes nothing. Rural Agreement
    designations are not part of this data; council staff import them."""
    report = LoadReport()
    translations = load_translations(data_dir)
    provinces = _load_provinces(data_dir, report)
    units = _plan_2025_layout(data_dir, provinces)
    links = _plan_reorganisation(data_dir, units, provinces)
    local_governments = {key: _write_unit(unit, provinces, report, translations) for key, unit in units.items()}
    for predecessor, successor, whole in links:
        _upsert(Succession, report, {"predecessor": local_governments[predecessor],
                                     "successor": local_governments[successor]},
                {"effective_on": LAYOUT_EFFECTIVE_ON, "whole": whole, "source": LAYOUT_SOURCE, "verified": False})
    for row in _read_csv(data_dir / "designations.csv"):
        source_ko, source_en = renderings(row["designated_by"], translations)
        note_ko, note_en = renderings(row["note"], translations)
        _upsert(Designation, report, {
            "local_government": local_governments[row["code"]], "kind": row["designation"],
            "valid_from": date.fromisoformat(row["valid_from"]),
        }, {
            "valid_to": _optional_date(row["valid_to"]), "source": row["designated_by"], "note": row["note"],
            "source_ko": source_ko[:300], "source_en": source_en[:300], "note_ko": note_ko, "note_en": note_en,
        })
    return report
