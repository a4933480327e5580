"""The four lines of 2025 keep every row and every rule when they move into the one shape: rows are built in
the old schema (a table per line), the migrations run, and every value is compared."""
import pytest
from django.core.exceptions import ValidationError

from ministries.registry import line_for
from tests.migrations import latest, migrate_to
from tracking.models import SupportLineRow
from tracking.services import TrackingRefused, save_support_row

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.migration,
              pytest.mark.usefixtures("registry", "english")]

OLD = [("tracking", "0001_initial"), ("ministries", "0004_mcst_mof")]



def test_every_row_of_the_four_old_tables_moves_with_every_value_and_the_rules_still_refuse(tasks, staff):
    hamyang, gokseong = tasks["48870"], tasks["12720"]
    old = migrate_to(OLD)
    item = old.get_model("ministries", "SupportItem").objects.get(code="certification")
    made = {
        "regional_visa": [
            old.get_model("tracking", "VisaAllocation").objects.create(
                task_id=hamyang.pk, year=2026, visa_type="F-2-R", requested=15, allocated=12, issued=9),
            old.get_model("tracking", "VisaAllocation").objects.create(
                task_id=gokseong.pk, year=2027, visa_type="F-4-R", requested=3, allocated=0, issued=0)],
        "extinction_fund": [old.get_model("tracking", "FundProject").objects.create(
            task_id=hamyang.pk, name="기업지원센터", year=2026, approved_krw=1_200_000_000,
            disbursed_krw=400_000_000)],
        "rural_agreement_facility": [old.get_model("tracking", "RuralFacility").objects.create(
            task_id=hamyang.pk, name="공동 가공시설", placement="front", amount_krw=800_000_000,
            status="under_construction")],
        "sme_commercialization": [old.get_model("tracking", "CommercializationSupport").objects.create(
            task_id=gokseong.pk, year=2026, item=item, companies=4, amount_krw=60_000_000)],
    }
    expected = {(code, row.task_id, tuple(sorted(values.items())))
                for code, rows in made.items() for row in rows
                for values in [{name: getattr(row, name) for name in {
                    "regional_visa": ("year", "visa_type", "requested", "allocated", "issued"),
                    "extinction_fund": ("name", "year", "approved_krw", "disbursed_krw"),
                    "rural_agreement_facility": ("name", "placement", "amount_krw", "status"),
                    "sme_commercialization": ("year", "companies", "amount_krw")}[code]}
                    | ({"item": "certification"} if code == "sme_commercialization" else {})]}

    migrate_to(latest())

    moved = {(row.line.code, row.task_id, tuple(sorted(row.values.items())))
             for row in SupportLineRow.objects.select_related("line")}
    assert moved == expected

    visa = line_for("regional_visa")
    with pytest.raises(ValidationError, match="cannot exceed"):
        save_support_row(actor=staff["MOJ"], task=hamyang, line=visa, row=SupportLineRow.objects.get(
            line__code="regional_visa", task=hamyang), values={"year": 2026, "visa_type": "F-2-R",
                                                               "requested": 15, "allocated": 12, "issued": 13},
            reason="x")
    with pytest.raises(TrackingRefused, match="such a row already"):
        save_support_row(actor=staff["MOJ"], task=hamyang, line=visa, row=None,
                         values={"year": 2026, "visa_type": "F-2-R", "requested": 1}, reason="x")
    fund = line_for("extinction_fund")
    with pytest.raises(ValidationError, match="cannot exceed"):
        save_support_row(actor=staff["MOIS"], task=hamyang, line=fund, row=None, values={
            "name": "새 사업", "year": 2026, "approved_krw": 1, "disbursed_krw": 2}, reason="x")
    with pytest.raises(TrackingRefused, match="such a row already"):
        save_support_row(actor=staff["MSS"], task=gokseong, line=line_for("sme_commercialization"), row=None,
                         values={"year": 2026, "item": "certification", "companies": 1}, reason="x")
