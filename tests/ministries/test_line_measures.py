"""A line in use may gain measures; a measure that holds values can be neither removed nor given another type
(refused with the reason); a line's description that does not hold together is a 400 naming the part."""
import pytest

from ministries.models import Measure
from tests.factories import api_as
from tests.tracking.builders import support_row

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]
VISA = "/api/v1/support-line-kinds/regional_visa/"


def test_a_line_in_use_gains_a_measure_shown_and_checked_everywhere(hamyang, council, staff):
    support_row(hamyang, "regional_visa", year=2026, visa_type="F-2-R", requested=5)
    added = api_as(council).post(f"{VISA}measures/", {"code": "interviews", "name_ko": "면접 인원",
                                                      "name_en": "Interviews", "type": "count", "summed": True},
                                 format="json")
    assert added.status_code == 200, added.json()
    assert added.json()["measures"][-1]["code"] == "interviews"
    wrong = api_as(staff["MOJ"]).post("/api/v1/support-lines/regional_visa/", {
        "task": hamyang.pk, "reason": "x", "values": {"year": 2027, "visa_type": "F-2-R", "requested": 1,
                                                      "interviews": "two"}}, format="json")
    assert wrong.status_code == 400 and list(wrong.json()["values"]) == ["interviews"]
    required = api_as(council).post(f"{VISA}measures/", {"code": "quota", "name_ko": "정원", "name_en": "Quota",
                                                         "type": "count", "required": True}, format="json")
    assert required.status_code == 400 and "neither required nor a key" in str(required.json())


def test_a_measure_holding_values_is_neither_removed_nor_retyped(hamyang, council):
    support_row(hamyang, "regional_visa", year=2026, visa_type="F-2-R", requested=5, allocated=4, issued=3)
    api = api_as(council)
    removed = api.post(f"{VISA}measures/requested/remove/", format="json")
    assert removed.status_code == 400 and "holds values" in str(removed.json())
    retyped = api.post(f"{VISA}measures/requested/type/", {"type": "text"}, format="json")
    assert retyped.status_code == 400 and "its type cannot change" in str(retyped.json())
    ruled = api.post(f"{VISA}measures/issued/remove/", format="json")
    assert ruled.status_code == 400
    assert Measure.objects.get(line__code="regional_visa", code="requested").type == "count"
    api.post(f"{VISA}measures/", {"code": "note", "name_ko": "비고", "name_en": "Note", "type": "text"},
             format="json")
    assert api.post(f"{VISA}measures/note/type/", {"type": "date"}, format="json").status_code == 200
    assert api.post(f"{VISA}measures/note/remove/", format="json").status_code == 200
    assert not Measure.objects.filter(code="note").exists()


def test_only_the_council_changes_a_line(staff):
    body = {"code": "note", "name_ko": "비고", "name_en": "Note", "type": "text"}
    assert api_as(staff["MOJ"]).post(f"{VISA}measures/", body, format="json").status_code == 403
    assert api_as(staff["MOJ"]).post(f"{VISA}measures/requested/remove/", format="json").status_code == 403


@pytest.mark.parametrize(("change", "part"), [
    ({"measures": []}, "measures"),
    ({"measures": [{"code": "a", "name_ko": "가", "name_en": "A", "type": "choice"}]}, "measures.1.choices"),
    ({"measures": [{"code": "a", "name_ko": "가", "name_en": "A", "type": "text", "summed": True}]},
     "measures.1.summed"),
    ({"rules": [{"left": "a", "op": "lte", "right": "zz"}]}, "rules.0"),
])
def test_a_line_that_does_not_hold_together_is_a_400_naming_the_part(council, change, part):
    line = {"ministry": "MOF", "code": "harbour", "name_ko": "어항", "name_en": "Harbour",
            "measures": [{"code": "a", "name_ko": "가", "name_en": "A", "type": "count"}], **change}
    response = api_as(council).post("/api/v1/support-line-kinds/", line, format="json")
    assert response.status_code == 400 and part in response.json(), response.json()
