from datetime import date

import pytest
from django.core.management import call_command

from regions.models import AdministrativeCode, Designation, DesignationKind, LocalGovernment, Province
from regions.selectors import (
    designation_counts,
    local_government_by_code,
    local_governments_existing_on,
    provinces_existing_on,
)
from regions.services import load_region_registry

pytestmark = pytest.mark.usefixtures("registry")


def test_registry_holds_every_local_government_of_the_2025_layout():
    assert provinces_existing_on(date(2025, 10, 20)).count() == 17
    layout_2025 = local_governments_existing_on(date(2025, 10, 20))
    assert layout_2025.count() == 229  # 226 basic + Sejong + Jeju-si + Seogwipo-si
    autonomous = layout_2025.filter(is_autonomous=True)
    assert autonomous.filter(kind="si").exclude(code="36110").count() == 75
    assert autonomous.filter(kind="gun").count() == 82
    assert autonomous.filter(kind="gu").count() == 69
    assert set(layout_2025.filter(is_autonomous=False).values_list("name_en", flat=True)) == {
        "Jeju-si", "Seogwipo-si"}


def test_exactly_89_population_declining_areas_and_18_areas_of_interest():
    counts = designation_counts(on=date(2025, 10, 20))
    assert counts[DesignationKind.POPULATION_DECLINING] == 89
    assert counts[DesignationKind.INTEREST_AREA] == 18
    assert counts[DesignationKind.RURAL_AGREEMENT] == 0  # imported by council staff, never shipped


def test_gunwi_gun_is_under_daegu_and_found_by_its_earlier_code():
    gunwi = LocalGovernment.objects.get(name_en="Gunwi-gun")
    assert gunwi.code == "27720"
    assert gunwi.province.name_en == "Daegu Metropolitan City"
    assert local_government_by_code("47720") == gunwi
    old = AdministrativeCode.objects.get(code="47720")
    assert old.valid_to == date(2023, 6, 30)
    assert AdministrativeCode.objects.get(code="27720").valid_from == date(2023, 7, 1)
    assert gunwi.designations.get().kind == DesignationKind.POPULATION_DECLINING


@pytest.mark.parametrize(("earlier", "current", "name"), [
    ("42110", "51110", "Chuncheon-si"),  # Gangwon 42 -> 51 in 2023
    ("45130", "52130", "Gunsan-si"),     # Jeonbuk 45 -> 52 in 2024
    ("28170", "28177", "Michuhol-gu"),   # renamed from Nam-gu
])
def test_lookup_by_earlier_code_finds_the_local_government(earlier, current, name):
    found = local_government_by_code(earlier)
    assert found is not None
    assert (found.code, found.name_en) == (current, name)
    assert local_government_by_code(current) == found


def test_gangwon_and_jeonbuk_keep_their_earlier_province_codes():
    assert Province.objects.get(code="51").legacy_code == "42"
    assert Province.objects.get(code="52").former_name_ko == "전라북도"


def test_loading_twice_changes_nothing():
    before = {model: list(model.objects.order_by("pk").values())
              for model in (Province, LocalGovernment, AdministrativeCode, Designation)}
    report = load_region_registry()
    assert not report.changed_anything
    # 18 provinces (the merged one too), 232 units (three created in Incheon on 2026-07-01)
    assert report.unchanged["Province"] == 18 and report.unchanged["LocalGovernment"] == 232
    assert report.unchanged["AdministrativeCode"] == AdministrativeCode.objects.count()
    assert report.unchanged["Designation"] == 107
    for model, rows in before.items():
        assert list(model.objects.order_by("pk").values()) == rows


def test_load_regions_command_reports_up_to_date(capsys):
    call_command("load_regions")
    assert "already up to date" in capsys.readouterr().out
