import io
from datetime import date

import pytest
from django.core.management import CommandError, call_command
from openpyxl import Workbook

from regions.models import Designation, DesignationImport, DesignationKind
from regions.services import DATA_DIR, ImportRejected, import_rural_agreement

pytestmark = pytest.mark.usefixtures("registry", "english")

HEADER = "selection_year,province_ko,name_ko,name_en,kind,source\n"


def rural_count() -> int:
    return Designation.objects.filter(kind=DesignationKind.RURAL_AGREEMENT).count()


def import_text(text: str, name: str = "list.csv", encoding: str = "utf-8"):
    return import_rural_agreement(stream=io.BytesIO(text.encode(encoding)), file_name=name, reason="test")


def test_shipped_public_list_imports_cleanly():
    with (DATA_DIR / "rural_agreement_2021_2024.csv").open("rb") as stream:
        record = import_rural_agreement(stream=stream, file_name="rural_agreement_2021_2024.csv",
                                        reason="MAFRA list")
    assert (record.rows_in_file, record.rows_created) == (81, 81)
    seogwipo = Designation.objects.get(kind=DesignationKind.RURAL_AGREEMENT, local_government__name_en="Seogwipo-si")
    assert seogwipo.valid_from == date(2024, 1, 1)
    assert seogwipo.imported_in == record
    assert len(record.sha256) == 64


def test_importing_the_same_file_twice_adds_nothing_the_second_time():
    text = HEADER + "2023,경상남도,함양군,Hamyang-gun,gun,press release\n"
    import_text(text)
    second = import_text(text)
    assert second.rows_created == 0
    assert rural_count() == 1
    assert DesignationImport.objects.count() == 2  # both attempts are on record


@pytest.mark.parametrize(("bad_rows", "expected"), [
    ("2023,경상남도,없는군,Nowhere-gun,gun,x\n", "Row 3: unknown local government “경상남도 없는군”"),
    ("2022,경상남도,거창군,Geochang-gun,gun,x\n", "Row 3: duplicate of row 2"),
    ("2023,어딘가도,함양군,Hamyang-gun,gun,x\n", "Row 3: unknown province “어딘가도”"),
    ("twenty,경상남도,함양군,Hamyang-gun,gun,x\n", "Row 3: bad selection year “twenty”"),
    ("2023,경상남도,함양군,Hamyang-gun,si,x\n", "Row 3: kind “si” does not match 함양군 (gun)"),
])
def test_a_bad_row_refuses_the_whole_file_with_its_row_number(bad_rows, expected):
    good_first = "2022,경상남도,거창군,Geochang-gun,gun,x\n"
    with pytest.raises(ImportRejected) as refused:
        import_text(HEADER + good_first + bad_rows)
    messages = [str(error) for error in refused.value.errors]
    assert any(message.startswith(expected) for message in messages), messages
    assert rural_count() == 0
    assert not DesignationImport.objects.exists()


def test_bad_date_is_named_with_its_column():
    text = "selection_year,province_ko,name_ko,valid_from\n2023,경상남도,함양군,2023-13-45\n"
    with pytest.raises(ImportRejected) as refused:
        import_text(text)
    assert str(refused.value.errors[0]) == (
        "Row 2: bad date “2023-13-45” in column valid_from (expected YYYY-MM-DD)")


def test_missing_column_is_refused():
    with pytest.raises(ImportRejected) as refused:
        import_text("selection_year,name_ko\n2023,함양군\n")
    assert str(refused.value.errors[0]) == "Row 1: missing column(s): province_ko"


def test_not_a_workbook_is_refused():
    with pytest.raises(ImportRejected) as refused:
        import_rural_agreement(stream=io.BytesIO(b"%PDF-1.7 not a sheet"), file_name="list.xlsx", reason="x")
    assert "not a valid XLSX" in str(refused.value)


def test_xlsx_and_korean_excel_csv_are_both_read():
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["selection_year", "province_ko", "name_ko", "valid_from"])
    sheet.append([2024, "제주특별자치도", "서귀포시", date(2025, 5, 15)])
    buffer = io.BytesIO()
    workbook.save(buffer)
    buffer.seek(0)
    import_rural_agreement(stream=buffer, file_name="list.xlsx", reason="xlsx")
    import_text(HEADER + "2021,강원도,평창군,Pyeongchang-gun,gun,old province name\n", encoding="cp949")
    assert Designation.objects.get(local_government__name_en="Seogwipo-si").valid_from == date(2025, 5, 15)
    assert Designation.objects.filter(local_government__name_en="Pyeongchang-gun",
                                      kind=DesignationKind.RURAL_AGREEMENT).exists()


def test_command_refuses_a_bad_file_and_names_the_row(tmp_path, capsys):
    bad = tmp_path / "bad.csv"
    bad.write_text(HEADER + "2023,경상남도,함양군,Hamyang-gun,gun,x\n2023,경상남도,없는군,N,gun,x\n", encoding="utf-8")
    with pytest.raises(CommandError, match="nothing was imported"):
        call_command("import_rural_agreement", str(bad))
    assert "Row 3: unknown local government" in capsys.readouterr().err
    assert rural_count() == 0


def test_command_imports_the_shipped_file(capsys):
    call_command("import_rural_agreement", str(DATA_DIR / "rural_agreement_2021_2024.csv"))
    assert "81 new designations from 81 rows" in capsys.readouterr().out


def test_refusal_is_in_korean_by_default():
    from django.utils import translation

    with translation.override("ko"):
        with pytest.raises(ImportRejected) as refused:
            import_text(HEADER + "2023,경상남도,없는군,N,gun,x\n")
        assert str(refused.value.errors[0]) == "2행: 알 수 없는 지자체 “경상남도 없는군”"
