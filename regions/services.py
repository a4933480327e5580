"""Writes to the region registry: loading the shipped data (``loading.py``), importing designations and
recording the council's decisions on designations of reorganised units (``succession.py``)."""
import hashlib
import io
from dataclasses import dataclass
from datetime import date
from typing import BinaryIO

from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import translation
from django.utils.translation import gettext as _

from core.fields import ascii_whole_number

from .loading import DATA_DIR, LoadReport, load_region_registry  # noqa: F401  (the registry's writes, in one place)
from .models import (
    AdministrativeCode,
    Designation,
    DesignationImport,
    DesignationKind,
    LocalGovernment,
    LocalGovernmentPeriod,
    Province,
)
from .notes import load_translations, renderings
from .tabular import TableError, read_table

# ---------------------------------------------------------------------------
# Rural Agreement import
# ---------------------------------------------------------------------------

RURAL_AGREEMENT_REQUIRED_COLUMNS = ("selection_year", "province_ko", "name_ko")
RURAL_AGREEMENT_OPTIONAL_COLUMNS = ("name_en", "kind", "code", "source", "valid_from", "valid_to")


@dataclass(frozen=True)
class RowError:
    row: int
    message: str

    def __str__(self) -> str:
        return _("Row %(row)s: %(message)s") % {"row": self.row, "message": self.message}


class ImportRejected(Exception):
    """The file was refused as a whole; nothing was written."""

    def __init__(self, errors: list[RowError]):
        self.errors = errors
        super().__init__("; ".join(str(error) for error in errors))


class _RegistryIndex:
    """In-memory lookups so an import of hundreds of rows runs a handful of queries."""

    def __init__(self) -> None:
        self.provinces: dict[str, Province] = {}
        for province in Province.objects.all():
            for key in (province.code, province.legacy_code, province.name_ko, province.former_name_ko,
                        province.name_en.lower()):
                if key:
                    self.provinces[key] = province
        # Names as they stood in any period (a list of 2021–2024 selections names Jeollanam-do's counties
        # under Jeollanam-do); a later period wins over an earlier one of the same name.
        self.by_name: dict[tuple[int, str], LocalGovernment] = {
            (period.province_id, period.name_ko): period.local_government
            for period in LocalGovernmentPeriod.objects.select_related("local_government")
            .order_by(F("valid_from").asc(nulls_first=True))
        }
        self.by_code: dict[str, LocalGovernment] = {
            code.code: code.local_government for code in AdministrativeCode.objects.select_related("local_government")
        }


def _parse_date(text: str, column: str, row: int, errors: list[RowError]) -> date | None:
    if not text:
        return None
    try:
        return date.fromisoformat(text[:10])
    except ValueError:
        errors.append(RowError(row, _("bad date “%(value)s” in column %(column)s (expected YYYY-MM-DD)")
                               % {"value": text, "column": column}))
        return None


def _parse_rural_agreement_row(number: int, row: dict[str, str], index: _RegistryIndex,
                               errors: list[RowError]) -> tuple[LocalGovernment, date, date | None, str] | None:
    before = len(errors)
    year_text = row["selection_year"]
    year = ascii_whole_number(year_text)
    if year is None or not 2000 <= year <= 2100:
        errors.append(RowError(number, _("bad selection year “%(value)s”") % {"value": year_text}))

    local_government = None
    if row.get("code"):
        local_government = index.by_code.get(row["code"])
        if local_government is None:
            errors.append(RowError(number, _("unknown administrative code “%(code)s”") % {"code": row["code"]}))
    else:
        province = index.provinces.get(row["province_ko"])
        if province is None:
            errors.append(RowError(number, _("unknown province “%(name)s”") % {"name": row["province_ko"]}))
        else:
            local_government = index.by_name.get((province.pk, row["name_ko"]))
            if local_government is None:
                errors.append(RowError(number, _("unknown local government “%(province)s %(name)s”")
                                       % {"province": row["province_ko"], "name": row["name_ko"]}))
    if local_government and row.get("kind") and row["kind"] != local_government.kind:
        errors.append(RowError(number, _("kind “%(kind)s” does not match %(name)s (%(actual)s)")
                               % {"kind": row["kind"], "name": local_government.name_ko,
                                  "actual": local_government.kind}))

    valid_from = _parse_date(row.get("valid_from", ""), "valid_from", number, errors)
    valid_to = _parse_date(row.get("valid_to", ""), "valid_to", number, errors)
    if valid_from is None and year is not None and 2000 <= year <= 2100:
        valid_from = date(year, 1, 1)
    if valid_from and valid_to and valid_to < valid_from:
        errors.append(RowError(number, _("valid_to is before valid_from")))
    if len(errors) > before:
        return None
    return local_government, valid_from, valid_to, row.get("source", "")


def import_rural_agreement(*, stream: BinaryIO, file_name: str, reason: str, imported_by=None) -> DesignationImport:
    """Import Rural Agreement designations from a CSV or XLSX file, all or nothing.

    Every row is checked before anything is written; any bad row refuses the whole
    file with the row number and the reason. Rows already recorded (same local
    government and start date) are left as they are, so importing a file twice
    adds nothing the second time. The import itself is recorded with who and why.
    """
    raw = stream.read()
    try:
        table = read_table(io.BytesIO(raw), file_name)
    except TableError as error:
        raise ImportRejected([RowError(1, str(error))]) from error
    missing = [column for column in RURAL_AGREEMENT_REQUIRED_COLUMNS if column not in table.columns]
    if missing:
        raise ImportRejected([RowError(1, _("missing column(s): %(columns)s") % {"columns": ", ".join(missing)})])
    if not table.rows:
        raise ImportRejected([RowError(2, _("the file has no data rows"))])

    index = _RegistryIndex()
    errors: list[RowError] = []
    parsed = []
    first_row_of: dict[tuple[int, date], int] = {}
    for number, row in table.rows:
        result = _parse_rural_agreement_row(number, row, index, errors)
        if result is None:
            continue
        local_government, valid_from, _valid_to, _source = result
        key = (local_government.pk, valid_from)
        if key in first_row_of:
            errors.append(RowError(number, _("duplicate of row %(row)s (%(name)s, from %(date)s)")
                                   % {"row": first_row_of[key], "name": local_government.name_ko,
                                      "date": valid_from.isoformat()}))
            continue
        first_row_of[key] = number
        parsed.append(result)
    if errors:
        raise ImportRejected(errors)

    default_source = _("Rural Agreement list imported from %(file)s") % {"file": file_name}
    default_texts = {}  # a row without its own source cites the file, in both languages (Designation)
    for language in ("ko", "en"):
        with translation.override(language):
            default_texts[f"source_{language}"] = (_("Rural Agreement list imported from %(file)s")
                                                   % {"file": file_name})[:300]
    translations = load_translations(DATA_DIR)

    def source_texts(source: str) -> dict[str, str]:
        """A source as the file gives it; one the shipped example cites has its two renderings too."""
        if not source:
            return default_texts
        korean, english = renderings(source, translations)
        return {"source_ko": korean[:300], "source_en": english[:300]}
    try:
        with transaction.atomic():
            record = DesignationImport.objects.create(
                kind=DesignationKind.RURAL_AGREEMENT, file_name=file_name[:255],
                sha256=hashlib.sha256(raw).hexdigest(), reason=reason, imported_by=imported_by,
                rows_in_file=len(table.rows), rows_created=0,
            )
            existing = set(Designation.objects.filter(kind=DesignationKind.RURAL_AGREEMENT)
                           .values_list("local_government_id", "valid_from"))
            new_rows = [
                Designation(local_government=local_government, kind=DesignationKind.RURAL_AGREEMENT,
                            valid_from=valid_from, valid_to=valid_to, source=(source or default_source)[:300],
                            imported_in=record, **source_texts(source))
                for local_government, valid_from, valid_to, source in parsed
                if (local_government.pk, valid_from) not in existing
            ]
            Designation.objects.bulk_create(new_rows)
            record.rows_created = len(new_rows)
            record.save(update_fields=["rows_created"])
    except IntegrityError as error:
        # Someone else imported overlapping rows between our check and our write.
        raise ImportRejected([RowError(1, _("another import changed the same designations; try again"))]) from error
    return record

