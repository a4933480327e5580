"""The council adds a support line or a measure to a ministry on a page: audited, offered to proposals at once,
and refused with the reason where the line is in use (a required or key measure, removing one that holds
values); nobody else reaches the pages."""
import pytest
from django.urls import reverse

from accounts.roles import Role
from applications.services import create_proposal, save_support_requests
from audit.models import AuditEntry
from ministries.models import Measure, SupportLineKind
from tests.applications.test_proposal_services import SECTIONS
from tests.factories import make_open_contest, make_user

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("registry", "english")]

MEASURE = {"code": "", "name_ko": "", "name_en": "", "type": "", "options": ""}


def line_post(**measures) -> dict:
    data = {"code": "local_talent", "name_ko": "지역인재 양성", "name_en": "Local talent training",
            "description_ko": "", "description_en": "", "reason": "2027년 공모 참여",
            "measures-TOTAL_FORMS": "4", "measures-INITIAL_FORMS": "0"}
    for index, values in measures.items():
        data.update({f"measures-{index[1:]}-{key}": value for key, value in {**MEASURE, **values}.items()})
    return data


@pytest.fixture
def request_made():
    official = make_user(Role.LOCAL_OFFICIAL)
    proposal = create_proposal(actor=official, contest=make_open_contest(), values=SECTIONS,
                               lead_local_government=official.local_government)
    save_support_requests(actor=official, proposal=proposal, requests=[
        {"line": "regional_visa", "values": {"visa_type": "F-2-R", "requested": 4}}])
    return proposal


def test_the_council_adds_a_line_that_proposals_offer_at_once(client, council, request_made):
    client.force_login(council)
    url = reverse("ministries:line-create", args=["MOF"])
    refused = client.post(url, line_post(m0={"code": "course", "name_ko": "과정", "name_en": "Course",
                                             "type": "choice", "options": "a | 가"}))
    assert refused.status_code == 200
    assert refused.context["measures"].forms[0].errors["options"] == [
        "Write each option as code | Korean | English."]
    assert 'value="지역인재 양성"' in refused.content.decode()
    response = client.post(url, line_post(
        m0={"code": "course", "name_ko": "과정", "name_en": "Course", "type": "choice", "required": "on",
            "requestable": "on", "key": "on",
            "options": "fish | 수산 가공 | Seafood processing\nfarm | 양식 | Farming"},
        m1={"code": "trainees", "name_ko": "교육 인원", "name_en": "Trainees", "type": "count", "summed": "on",
            "requestable": "on", "required": "on"}))
    assert response.status_code == 302
    line = SupportLineKind.objects.get(code="local_talent")
    assert line.ministry.code == "MOF"
    assert [(m.code, m.type, m.requestable) for m in line.measures.all()] == [
        ("course", "choice", True), ("trainees", "count", True)]
    entry = AuditEntry.objects.get(action="ministries.line_created")
    assert entry.actor == council and entry.reason == "2027년 공모 참여"
    assert "Local talent training" in client.get(reverse("ministries:list")).content.decode()
    client.force_login(request_made.created_by)
    page = client.get(reverse("applications:proposal-support", args=[request_made.pk])).content.decode()
    assert "지역인재 양성" in page and "수산 가공" in page


def test_a_line_in_use_gains_only_an_optional_measure_and_keeps_those_holding_values(client, council,
                                                                                     request_made):
    client.force_login(council)
    url = reverse("ministries:measure-add", args=["regional_visa"])
    assert "use this line already" in client.get(url).content.decode()
    refused = client.post(url, {"code": "quota", "name_ko": "정원", "name_en": "Quota", "type": "count",
                                "required": "on", "reason": "x"})
    assert refused.status_code == 200
    assert "neither required nor a key" in str(refused.context["form"].non_field_errors())
    assert not Measure.objects.filter(code="quota").exists()
    added = client.post(url, {"code": "interviews", "name_ko": "면접 인원", "name_en": "Interviews",
                              "type": "count", "summed": "on", "reason": "면접 집계"})
    assert added.status_code == 302
    assert AuditEntry.objects.filter(action="ministries.measure_added", reason="면접 집계").exists()

    remove = reverse("ministries:measure-remove", args=["regional_visa", "requested"])
    followed = client.post(remove, {"reason": "x"}, follow=True).content.decode()
    assert "holds values on tasks&#x27; rows or proposals&#x27; requests" in followed
    assert Measure.objects.filter(line__code="regional_visa", code="requested").exists()
    client.post(reverse("ministries:measure-remove", args=["regional_visa", "interviews"]), {"reason": "불필요"})
    assert not Measure.objects.filter(code="interviews").exists()
    assert AuditEntry.objects.filter(action="ministries.measure_removed", reason="불필요").exists()


@pytest.mark.parametrize("role", [Role.LOCAL_OFFICIAL, Role.PROVINCIAL_OFFICER, Role.REVIEWER,
                                  Role.MINISTRY_STAFF])
def test_no_one_else_reaches_the_setup_pages(client, role):
    client.force_login(make_user(role))
    pages = [reverse("ministries:line-create", args=["MOJ"]),
             reverse("ministries:measure-add", args=["regional_visa"])]
    for url in pages:
        assert client.get(url).status_code == 403
        assert client.post(url, line_post()).status_code == 403
    assert client.post(reverse("ministries:measure-remove", args=["regional_visa", "issued"])).status_code == 403
    assert Measure.objects.filter(line__code="regional_visa", code="issued").exists()
    assert "Add a support line" not in client.get(reverse("ministries:list")).content.decode()


def test_an_anonymous_visitor_is_sent_to_sign_in(client):
    response = client.get(reverse("ministries:line-create", args=["MOJ"]))
    assert response.status_code == 302 and "login" in response.url


def test_the_administrator_adds_a_line_too(client):
    client.force_login(make_user(Role.ADMINISTRATOR))
    response = client.post(reverse("ministries:line-create", args=["MOJ"]), line_post(
        m0={"code": "note", "name_ko": "비고", "name_en": "Note", "type": "text"}))
    assert response.status_code == 302 and SupportLineKind.objects.filter(code="local_talent").exists()
