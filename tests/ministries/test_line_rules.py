"""The council gives a line that exists a rule between two of its measures, or takes one away, on the line's
rules page (issue 18): with a reason, audited, checked on every row saved from then on, and refused beside the
field for the same measure twice, a measure that is no number or not the line's, a rule the line has, or one
that rows already saved would break (how many, and one task). Nobody else reaches the page."""
import pytest
from django.urls import reverse
from django.utils import translation

from accounts.roles import Role
from audit.models import AuditEntry
from ministries.models import MeasureRule
from tests.factories import make_user
from tests.tracking.builders import support_row

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("registry", "english")]
RULES = reverse("ministries:rules", args=["regional_visa"])
REMOVE = reverse("ministries:rule-remove", args=["regional_visa"])


def visa_rules() -> list[tuple[str, str, str]]:
    return list(MeasureRule.objects.filter(line__code="regional_visa")
                .values_list("left__code", "op", "right__code"))


def test_the_council_adds_a_rule_and_a_desk_row_that_breaks_it_is_then_refused(client, council, hamyang, staff):
    row = support_row(hamyang, "regional_visa", year=2026, visa_type="F-2-R", requested=5, allocated=4, issued=3)
    client.force_login(council)
    listed = client.get(reverse("ministries:list")).content.decode()
    assert "Visas issued ≤ Persons allocated" in listed and RULES in listed
    page = client.get(RULES)
    assert page.status_code == 200
    choices = [code for code, _label in page.context["form"].fields["left"].widget.choices]
    assert choices == ["", "requested", "allocated", "issued"]  # the line's counts, not its year or visa type
    added = client.post(RULES, {"left": "allocated", "right": "requested", "reason": "배정은 요청 이내"})
    assert added.status_code == 302 and added.url == RULES
    assert ("allocated", "lte", "requested") in visa_rules()
    entry = AuditEntry.objects.get(action="ministries.rule_added")
    assert (entry.actor, entry.reason, entry.target_id) == (council, "배정은 요청 이내", str(row.line_id))
    assert entry.changes["words"] == "Persons allocated ≤ Persons requested"
    assert "Persons allocated ≤ Persons requested" in client.get(RULES).content.decode()

    client.force_login(staff["MOJ"])
    edit = reverse("tracking:support-row", args=[hamyang.pk, "regional_visa", row.pk])
    refused = client.post(edit, {**row.values, "allocated": 6, "reason": "추가 배정"})
    assert refused.status_code == 200
    assert "Persons allocated cannot exceed Persons requested (5)." in refused.content.decode()
    row.refresh_from_db()
    assert row.values["allocated"] == 4
    assert client.post(edit, {**row.values, "allocated": 5, "reason": "추가 배정"}).status_code == 302


def test_a_rule_reads_in_korean_by_the_measures_names():
    rule = MeasureRule.objects.select_related("left", "right").get(line__code="regional_visa")
    with translation.override("ko"):
        assert rule.words == "발급 인원 ≤ 배정 인원"


@pytest.mark.parametrize(("left", "right", "field", "message"), [
    ("issued", "issued", "right", "A rule compares two different measures; choose another one."),
    ("visa_type", "requested", "left",
     "Visa type is not a count or an amount (KRW); a rule compares those only."),
    ("requested", "year", "right", "Year is not a count or an amount (KRW); a rule compares those only."),
    ("approved_krw", "requested", "left", "This line has no measure approved_krw."),  # the fund's, not the visa's
    ("issued", "allocated", "left", "This line has the rule Visas issued ≤ Persons allocated already."),
])
def test_a_rule_that_does_not_hold_together_is_refused_beside_its_field(client, council, left, right, field,
                                                                        message):
    client.force_login(council)
    before = visa_rules()
    response = client.post(RULES, {"left": left, "right": right, "reason": "확인"})
    assert response.status_code == 200
    assert response.context["form"].errors[field] == [message]
    assert message.replace("'", "&#x27;") in response.content.decode()
    assert visa_rules() == before and not AuditEntry.objects.filter(action="ministries.rule_added").exists()


def test_a_rule_is_refused_without_a_reason(client, council):
    client.force_login(council)
    response = client.post(RULES, {"left": "allocated", "right": "requested", "reason": "  "})
    assert response.context["form"].errors["reason"] == [
        "Say why: the reason is kept in the history with the rule."]
    assert ("allocated", "lte", "requested") not in visa_rules()


def test_a_rule_the_saved_rows_break_is_refused_naming_how_many_and_one_task(client, council, tasks):
    hamyang, gokseong = tasks["48870"], tasks["12720"]
    support_row(hamyang, "regional_visa", year=2026, visa_type="F-2-R", requested=5, allocated=4)
    support_row(gokseong, "regional_visa", year=2026, visa_type="F-2-R", requested=7, allocated=2)
    client.force_login(council)
    response = client.post(RULES, {"left": "requested", "right": "allocated", "reason": "확인"})
    assert response.context["form"].errors["left"] == [
        f"2 rows already saved break this rule, e.g. {hamyang}: Persons requested 5 > Persons allocated 4; "
        "correct them first."]
    assert 'value="확인"' in response.content.decode()  # what was typed is kept
    assert ("requested", "lte", "allocated") not in visa_rules()
    one = client.post(RULES, {"left": "allocated", "right": "issued", "reason": "확인"})
    assert one.context["form"].errors["left"] == [
        f"2 rows already saved break this rule, e.g. {hamyang}: Persons allocated 4 > Visas issued 0; "
        "correct them first."]  # a missing number counts as zero, as when a row is saved


def test_a_rule_a_proposals_request_breaks_is_refused_too(client, council):
    from applications.services import create_proposal, save_support_requests
    from tests.applications.test_proposal_services import SECTIONS
    from tests.factories import make_open_contest

    official = make_user(Role.LOCAL_OFFICIAL)
    proposal = create_proposal(actor=official, contest=make_open_contest(), values=SECTIONS,
                               lead_local_government=official.local_government)
    save_support_requests(actor=official, proposal=proposal, requests=[
        {"line": "sme_commercialization", "values": {"item": "marketing", "companies": 3, "amount_krw": 1}}])
    client.force_login(council)
    response = client.post(reverse("ministries:rules", args=["sme_commercialization"]),
                           {"left": "companies", "right": "amount_krw", "reason": "확인"})
    assert response.context["form"].errors["left"] == [
        f"1 proposal's request breaks this rule ({proposal.title}: Companies supported 3 > Amount (KRW) 1); "
        "correct it first."]


def test_the_council_removes_a_rule_with_a_reason_and_rows_are_no_longer_held_to_it(client, council, hamyang):
    client.force_login(council)
    refused = client.post(REMOVE, {"left": "issued", "right": "allocated", "reason": ""})
    assert refused.status_code == 200
    removal = dict(refused.context["rules"])[MeasureRule.objects.get(line__code="regional_visa")]
    assert removal.errors["reason"] == ["Say why: the reason is kept in the history with the rule."]
    assert visa_rules() == [("issued", "lte", "allocated")]
    unknown = client.post(REMOVE, {"left": "allocated", "right": "issued", "reason": "정리"}, follow=True)
    assert "This line has no rule allocated lte issued." in unknown.content.decode()
    removed = client.post(REMOVE, {"left": "issued", "right": "allocated", "reason": "발급 초과 허용"})
    assert removed.status_code == 302 and visa_rules() == []
    entry = AuditEntry.objects.get(action="ministries.rule_removed")
    assert (entry.actor, entry.reason, entry.changes["rule"]) == (
        council, "발급 초과 허용", {"left": "issued", "op": "lte", "right": "allocated"})
    support_row(hamyang, "regional_visa", year=2026, visa_type="F-2-R", requested=5, allocated=4, issued=6)


@pytest.mark.parametrize("role", [Role.LOCAL_OFFICIAL, Role.PROVINCIAL_OFFICER, Role.REVIEWER,
                                  Role.MINISTRY_STAFF])
def test_no_one_else_reaches_the_rules_page(client, role):
    client.force_login(make_user(role))
    assert client.get(RULES).status_code == 403
    assert client.post(RULES, {"left": "allocated", "right": "requested", "reason": "x"}).status_code == 403
    assert client.post(REMOVE, {"left": "issued", "right": "allocated", "reason": "x"}).status_code == 403
    assert visa_rules() == [("issued", "lte", "allocated")]
    assert not AuditEntry.objects.filter(action__startswith="ministries.rule_").exists()
    listed = client.get(reverse("ministries:list")).content.decode()
    assert "발급 인원 ≤ 배정 인원" in listed and RULES not in listed  # in words, in the user's Korean


def test_an_unknown_line_is_a_404_and_a_visitor_is_sent_to_sign_in(client, council):
    assert "login" in client.get(RULES).url
    client.force_login(council)
    assert client.get(reverse("ministries:rules", args=["no_such_line"])).status_code == 404


def test_the_rules_page_asks_a_bounded_number_of_queries(client, council, django_assert_max_num_queries):
    client.force_login(council)
    for left, right in (("allocated", "requested"), ("issued", "requested")):
        client.post(RULES, {"left": left, "right": right, "reason": "확인"})
    with django_assert_max_num_queries(8):
        page = client.get(RULES)
    assert len(page.context["rules"]) == 3
