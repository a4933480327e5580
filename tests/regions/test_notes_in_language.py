"""The registry's notes and citations read in the reader's language: a Korean page shows no English note
text (a notice's citation in Korean, a unit's history told in Korean from its rows, no raw field names), an
English page no Korean generated note; the loader writes both renderings, and loading twice changes nothing."""
import re

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import translation

from accounts.roles import Role
from regions.loading import load_region_registry
from regions.models import Designation, LocalGovernment
from tests.factories import make_contest, make_user

pytestmark = pytest.mark.usefixtures("registry")

# Units whose data files' notes tell every kind of thing: a merged province (Mokpo), a move (Gunwi-gun, with
# a designation note), a province's recode (Chuncheon), a rename (Michuhol-gu, Seohae-gu), creation and
# abolition (Jemulpo-gu, Incheon Dong-gu, with a designation note), non-autonomous districts (Suwon,
# Hwaseong), an administrative city (Seogwipo-si), a county become a city (Dangjin).
UNITS = ["12110", "27720", "51110", "28177", "28125", "28140", "28275", "41110", "41590", "50130", "44270"]
ENGLISH_NOTE_WORDS = re.compile(r"MOIS Notice|province_en|provisional translation|secondary sources|Former |"
                                r"merged into|non-autonomous|Designated 20|Administrative city|became|Renamed|"
                                r"Abolished|Created 20|Transferred|reorganisation")
KOREAN_GENERATED = re.compile(r"코드 변경|소속 변경|명칭 변경|신설|폐지|임시 번역|행정안전부 고시|미확인|일반구:|"
                              r"행정시\.|승격")


def page(client, language: str, path: str) -> str:
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    response = client.get(path)
    assert response.status_code == 200, path
    return response.content.decode()


def unit(code: str) -> LocalGovernment:
    return LocalGovernment.objects.filter(codes__code=code).distinct().get()


def test_loading_twice_changes_nothing_and_every_shipped_note_and_citation_has_a_korean_rendering():
    assert not load_region_registry().changed_anything
    for designation in Designation.objects.exclude(source=""):
        assert designation.source_ko and designation.source_en, designation.source
        assert not re.search(r"[A-Za-z]{3,}", designation.source_ko + designation.note_ko), designation.pk
        assert bool(designation.note) == bool(designation.note_ko)
    for local_government in LocalGovernment.objects.exclude(note=""):
        assert not re.search(r"[A-Za-z]{3,}", local_government.note_ko), local_government.note
        assert not re.search(r"[가-힣]", re.sub(r"[가-힣]+ \(\d{5}\)", "", local_government.note_en)), (
            local_government.note_en)  # the districts have only Korean names


@pytest.mark.parametrize("code", UNITS)
def test_a_units_registry_page_reads_its_notes_and_sources_in_the_readers_language(client, code):
    client.force_login(make_user(Role.LOCAL_OFFICIAL))
    path = reverse("regions:detail", args=[unit(code).pk])
    korean, english = page(client, "ko", path), page(client, "en", path)
    assert not ENGLISH_NOTE_WORDS.search(korean), ENGLISH_NOTE_WORDS.search(korean)
    assert not KOREAN_GENERATED.search(english), KOREAN_GENERATED.search(english)
    assert 'id="unit-note"' in korean and 'id="unit-note"' in english


def test_the_merged_provinces_member_tells_its_history_from_its_rows(client):
    client.force_login(make_user(Role.LOCAL_OFFICIAL))
    path = reverse("regions:detail", args=[unit("12110").pk])
    korean, english = page(client, "ko", path), page(client, "en", path)
    assert "2026-07-01 코드 변경: 46110 → 12110" in korean
    assert "2026-07-01 소속 변경: 전라남도 → 전남광주통합특별시" in korean
    assert "Code 46110 became 12110 on 2026-07-01." in english
    assert "Moved from Jeollanam-do to Jeonnam-Gwangju Integrated Special City on 2026-07-01." in english
    assert "provisional translation" in english and "임시 번역" in korean
    assert "(secondary sources; not yet checked against an official notice)" in english
    assert "(2차 자료 기준, 공식 고시와 아직 대조하지 않음)" in korean


def test_the_landing_the_eligible_list_and_the_api_cite_notices_in_the_readers_language(client):
    official = make_user(Role.LOCAL_OFFICIAL)  # Hamyang-gun, a population-declining area
    client.force_login(official)
    contest = make_contest()
    for path in ("/", reverse("applications:contest-eligible", args=[contest.pk])):
        korean, english = page(client, "ko", path), page(client, "en", path)
        assert "행정안전부 고시 제2021-66호(2021-10-19), 제2024-15호(2024-02-27)로 개정" in korean, path
        assert "MOIS Notice" not in korean and "행정안전부 고시" not in english, path
        assert "MOIS Notice 2021-66 (2021-10-19), amended by 2024-15 (2024-02-27)" in english, path
    hamyang = LocalGovernment.objects.get(code="48870")
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "ko"
    (row,) = client.get("/api/v1/designations/", {"local_government": hamyang.pk}).json()["results"]
    assert row["source"].startswith("MOIS Notice") and row["source_localized"].startswith("행정안전부 고시")
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    (row,) = client.get("/api/v1/designations/", {"local_government": hamyang.pk}).json()["results"]
    assert row["source_localized"] == row["source"]


def test_what_the_portal_writes_on_a_designation_reads_in_the_readers_language_and_what_was_typed_as_typed(
        client):
    """The council's decision carries a designation with "Council decision: <the source it typed>" and a note
    naming the old unit, written in both languages; an imported row without its own source cites the file in
    both; a source typed or given in the file stays as typed."""
    import io
    from datetime import date

    from regions.services import import_rural_agreement
    from regions.succession import decide_designation_successor

    council = make_user(Role.COUNCIL_STAFF, language="en")
    dong_gu = Designation.objects.get(local_government__code="28140", kind="interest_area")
    decide_designation_successor(actor=council, designation=dong_gu, outcome="carry",
                                 successor=LocalGovernment.objects.get(code="28125"),
                                 effective_on=date(2026, 7, 1), source="인천광역시 고시 제2026-1호", reason="")
    csv_file = ("name_ko,province_ko,selection_year,source\n"
                "함양군,경상남도,2024,\n산청군,경상남도,2024,농식품부 보도자료\n")
    import_rural_agreement(stream=io.BytesIO(csv_file.encode()), file_name="rural.csv", reason="test",
                           imported_by=council)
    client.force_login(council)
    for code, korean_text, english_text in [
            ("28125", "중앙협의회 결정: 인천광역시 고시 제2026-1호", "Council decision: 인천광역시 고시 제2026-1호"),
            ("28125", "개편에 따라 동구(28140)에서 이관", "Carried from Dong-gu (28140)"),
            ("48870", "rural.csv에서 등록한 농촌협약 목록", "Rural Agreement list imported from rural.csv"),
            ("48860", "농식품부 보도자료", "농식품부 보도자료")]:
        path = reverse("regions:detail", args=[unit(code).pk])
        korean, english = page(client, "ko", path), page(client, "en", path)
        assert korean_text in korean and english_text in english, code
        if korean_text != english_text:
            assert english_text not in korean and korean_text not in english, code


def test_the_shipped_rural_agreement_lists_sources_read_in_korean_on_korean_pages(client):
    """The example file the council imports (and the demo) cites press releases; those with words have a
    Korean rendering, a bare site and date reads as it is."""
    from regions.loading import DATA_DIR
    from regions.services import import_rural_agreement

    with (DATA_DIR / "rural_agreement_2021_2024.csv").open("rb") as stream:
        import_rural_agreement(stream=stream, file_name="rural_agreement_2021_2024.csv", reason="test")
    rural = Designation.objects.filter(kind="rural_agreement")
    assert rural.count() == 81
    with translation.override("ko"):
        for designation in rural:
            words = re.sub(r"[\w.-]+\.(?:com|kr|net)\b", "", designation.localized_source)
            assert not re.search(r"[A-Za-z]{3,}", words), designation.source
    anseong = rural.get(local_government__code="41550", valid_from__year=2021)
    client.force_login(make_user(Role.LOCAL_OFFICIAL))
    path = reverse("regions:detail", args=[anseong.local_government_id])
    assert "농림축산식품부 보도자료 2021-06-16(명단)" in page(client, "ko", path)
    assert "mafra.go.kr press release 2021-06-16 (names)" in page(client, "en", path)
