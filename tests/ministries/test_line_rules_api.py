"""A line's rules over the API: the council adds and removes them through the same service as the page (400 by
field for the same refusals, audited with the reason); anyone else gets a 403 and changes nothing."""
import pytest

from accounts.roles import Role
from audit.models import AuditEntry
from ministries.models import MeasureRule
from tests.factories import api_as, make_user
from tests.tracking.builders import support_row

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("registry", "english")]
VISA = "/api/v1/support-line-kinds/regional_visa/"


def test_the_council_adds_and_removes_a_rule_and_rows_are_checked_against_it(council, hamyang, staff):
    support_row(hamyang, "regional_visa", year=2026, visa_type="F-2-R", requested=5, allocated=4, issued=3)
    api = api_as(council)
    added = api.post(f"{VISA}rules/", {"left": "allocated", "op": "lte", "right": "requested",
                                       "reason": "배정은 요청 이내"}, format="json")
    assert added.status_code == 200, added.json()
    assert {"left": "allocated", "op": "lte", "right": "requested"} in added.json()["rules"]
    breaking = api_as(staff["MOJ"]).post("/api/v1/support-lines/regional_visa/", {
        "task": hamyang.pk, "reason": "x", "values": {"year": 2027, "visa_type": "F-2-R", "requested": 1,
                                                      "allocated": 2}}, format="json")
    assert breaking.status_code == 400 and list(breaking.json()["values"]) == ["allocated"]
    removed = api.post(f"{VISA}rules/remove/", {"left": "allocated", "right": "requested", "reason": "폐지"},
                       format="json")
    assert removed.status_code == 200
    assert {"left": "allocated", "op": "lte", "right": "requested"} not in removed.json()["rules"]
    assert list(AuditEntry.objects.filter(action__startswith="ministries.rule_").order_by("pk")
                .values_list("action", "reason", "actor")) == [
        ("ministries.rule_added", "배정은 요청 이내", council.pk), ("ministries.rule_removed", "폐지", council.pk)]


@pytest.mark.parametrize(("body", "field", "message"), [
    ({"left": "issued", "right": "issued"}, "right", "A rule compares two different measures"),
    ({"left": "visa_type", "right": "requested"}, "left", "Visa type is not a count or an amount (KRW)"),
    ({"left": "requested", "right": "approved_krw"}, "right", "This line has no measure approved_krw."),
    ({"left": "issued", "right": "allocated"}, "left", "This line has the rule Visas issued ≤ Persons allocated"),
    ({"left": "requested", "right": "allocated"}, "left", "1 row already saved breaks this rule"),
    ({"left": "allocated", "right": "requested", "reason": ""}, "reason", "Say why"),
])
def test_a_refused_rule_is_a_400_naming_the_field(council, hamyang, body, field, message):
    support_row(hamyang, "regional_visa", year=2026, visa_type="F-2-R", requested=5, allocated=4, issued=3)
    response = api_as(council).post(f"{VISA}rules/", {"reason": "확인", **body}, format="json")
    assert response.status_code == 400 and message in response.json()[field][0], response.json()
    assert MeasureRule.objects.filter(line__code="regional_visa").count() == 1


def test_removing_a_rule_the_line_lacks_or_without_a_reason_is_a_400(council):
    api = api_as(council)
    missing = api.post(f"{VISA}rules/remove/", {"left": "allocated", "right": "issued", "reason": "x"},
                       format="json")
    assert missing.status_code == 400 and "This line has no rule" in missing.json()["detail"][0]
    unsaid = api.post(f"{VISA}rules/remove/", {"left": "issued", "right": "allocated"}, format="json")
    assert unsaid.status_code == 400 and list(unsaid.json()) == ["reason"]
    assert MeasureRule.objects.filter(line__code="regional_visa").exists()


def test_a_measure_a_rule_names_stays_a_number(council):
    api = api_as(council)
    api.post(f"{VISA}measures/", {"code": "quota", "name_ko": "정원", "name_en": "Quota", "type": "count"},
             format="json")
    assert api.post(f"{VISA}rules/", {"left": "issued", "right": "quota", "reason": "정원 이내"},
                    format="json").status_code == 200
    retyped = api.post(f"{VISA}measures/quota/type/", {"type": "text"}, format="json")
    assert retyped.status_code == 400 and "it stays a count or an amount" in str(retyped.json())
    assert api.post(f"{VISA}measures/quota/type/", {"type": "krw"}, format="json").status_code == 200


@pytest.mark.parametrize("role", [Role.LOCAL_OFFICIAL, Role.PROVINCIAL_OFFICER, Role.REVIEWER,
                                  Role.MINISTRY_STAFF])
def test_only_the_council_changes_a_lines_rules(role):
    api = api_as(make_user(role))
    assert api.post(f"{VISA}rules/", {"left": "allocated", "right": "requested", "reason": "x"},
                    format="json").status_code == 403
    assert api.post(f"{VISA}rules/remove/", {"left": "issued", "right": "allocated", "reason": "x"},
                    format="json").status_code == 403
    assert api.post(f"{VISA}rules/", {}, format="json").status_code == 403  # refused before the body is read
    assert list(MeasureRule.objects.filter(line__code="regional_visa").values_list("left__code", flat=True)) == [
        "issued"]
    assert not AuditEntry.objects.filter(action__startswith="ministries.rule_").exists()
