"""The 2026-07-01 layout as dated history: lookups by any code, the layout of a day, the merged province."""
from datetime import date

import pytest
from rest_framework.test import APIClient

from accounts.roles import Role
from regions.models import (
    AdministrativeCode,
    Designation,
    LocalGovernment,
    LocalGovernmentPeriod,
    Province,
    Reorganisation,
    Succession,
)
from regions.selectors import local_government_by_code, local_governments_by_code, provinces_existing_on
from regions.services import load_region_registry
from tests.factories import make_user

pytestmark = pytest.mark.usefixtures("registry")
BEFORE, AFTER = date(2026, 6, 30), date(2026, 7, 1)


@pytest.fixture
def api():
    client = APIClient()
    client.force_authenticate(make_user(Role.LOCAL_OFFICIAL))
    return client


def test_jemulpo_gu_is_found_by_its_own_code_and_by_dong_gus():
    jemulpo = LocalGovernment.objects.get(code="28125")
    assert jemulpo.name_en == "Jemulpo-gu" and jemulpo.valid_from == AFTER
    assert local_government_by_code("28125") == jemulpo
    assert local_government_by_code("28140") == jemulpo  # Incheon Dong-gu went wholly into Jemulpo-gu
    assert local_government_by_code("28140", on=BEFORE).name_en == "Dong-gu"
    # Jung-gu was split: its code names both successors.
    assert [lg.name_en for lg in local_governments_by_code("28110", on=AFTER)] == ["Jemulpo-gu", "Yeongjong-gu"]


def test_api_finds_jemulpo_gu_by_28140_and_by_28125(api):
    for code in ("28140", "28125"):
        rows = api.get("/api/v1/local-governments/", {"code": code, "on": "2026-07-01"}).json()["results"]
        assert [(row["code"], row["name_en"], row["province"]["code"]) for row in rows] == [
            ("28125", "Jemulpo-gu", "28")]
    before = api.get("/api/v1/local-governments/", {"code": "28140", "on": "2026-06-30"}).json()["results"]
    assert [(row["code"], row["name_en"]) for row in before] == [("28140", "Dong-gu")]


def test_mokpo_si_is_in_jeollanam_do_until_june_and_in_the_merged_province_from_july(api):
    rows = api.get("/api/v1/local-governments/", {"code": "46110", "on": "2026-06-30"}).json()["results"]
    assert [(r["code"], r["name_en"], r["province"]["code"], r["province"]["name_ko"]) for r in rows] == [
        ("46110", "Mokpo-si", "46", "전라남도")]
    rows = api.get("/api/v1/local-governments/", {"code": "46110", "on": "2026-07-01"}).json()["results"]
    (mokpo,) = rows
    assert (mokpo["code"], mokpo["name_en"]) == ("12110", "Mokpo-si")
    assert mokpo["province"]["name_ko"] == "전남광주통합특별시"
    assert mokpo["province"]["short_name_ko"] == "광주특별시"
    assert mokpo["province"]["name_en_provisional"] is True
    # The new code is from secondary sources and says so.
    assert {c["code"]: c["verified"] for c in mokpo["codes"]} == {"46110": True, "12110": False}
    same = api.get("/api/v1/local-governments/", {"code": "12110", "on": "2026-06-30"}).json()["results"]
    assert [r["province"]["code"] for r in same] == ["46"]  # one unit: its new code finds its past too


def test_provinces_of_a_day(api):
    def codes(day):
        return [row["code"] for row in api.get("/api/v1/provinces/", {"on": day}).json()["results"]]
    assert "46" in codes("2026-06-30") and "29" in codes("2026-06-30") and "12" not in codes("2026-06-30")
    assert "12" in codes("2026-07-01") and "46" not in codes("2026-07-01") and "29" not in codes("2026-07-01")
    assert len(codes("2026-07-01")) == 16 and len(codes("2026-06-30")) == 17
    assert api.get("/api/v1/provinces/", {"on": "2026-13-01"}).status_code == 400
    assert [p.code for p in provinces_existing_on(AFTER)] == codes("2026-07-01")
    merged = Province.objects.get(code="12")
    assert set(merged.predecessors.values_list("code", flat=True)) == {"29", "46"}


def test_the_layout_of_a_day_counts_its_units(api):
    assert api.get("/api/v1/local-governments/", {"on": "2026-06-30"}).json()["count"] == 229
    assert api.get("/api/v1/local-governments/", {"on": "2026-07-01"}).json()["count"] == 230
    merged = Province.objects.get(code="12")
    july = api.get("/api/v1/local-governments/", {"province": merged.pk, "on": "2026-07-01"}).json()
    assert july["count"] == 27  # Jeollanam-do's 22 and Gwangju's 5
    jeonnam = Province.objects.get(code="46")
    june = api.get("/api/v1/local-governments/", {"province": jeonnam.pk, "on": "2026-06-30"}).json()
    assert june["count"] == 22
    assert api.get("/api/v1/local-governments/", {"province": jeonnam.pk, "on": "2026-07-01"}).json()["count"] == 0


def test_each_change_is_a_dated_event_with_predecessors_and_successors():
    def changes(code):
        return set(Reorganisation.objects.filter(local_government__codes__code=code)
                   .values_list("change", "effective_on"))
    assert changes("28140") == {("abolished", AFTER)}
    assert changes("28125") == {("created", AFTER)}
    assert changes("28260") == {("renamed", AFTER), ("recoded", AFTER)}  # Seo-gu → Seohae-gu
    assert changes("46110") == {("moved_province", AFTER), ("recoded", AFTER)}
    links = set(Succession.objects.values_list("predecessor__code", "successor__code", "whole"))
    assert links == {("28110", "28125", False), ("28110", "28155", False), ("28140", "28125", True),
                     ("28275", "28290", False)}
    assert not Reorganisation.objects.get(local_government__code="28125").verified


def test_loading_twice_changes_nothing():
    models = (Province, LocalGovernment, LocalGovernmentPeriod, AdministrativeCode, Reorganisation, Succession,
              Designation)
    before = {model: list(model.objects.order_by("pk").values()) for model in models}
    report = load_region_registry()
    assert not report.changed_anything
    for model, rows in before.items():
        assert list(model.objects.order_by("pk").values()) == rows
