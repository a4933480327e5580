"""Ministries are rows: the council adds one on the page or through the API, the change is audited, and a
contest can choose it; nobody else can add one."""
import pytest
from django.urls import reverse
from rest_framework.test import APIClient

from accounts.roles import Role
from audit.models import AuditEntry
from ministries.models import Ministry
from tests.factories import make_contest, make_user

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("registry", "english")]

MOLIT = {"code": "molit", "name_ko": "국토교통부", "name_en": "Ministry of Land, Infrastructure and Transport"}


def _client(user):
    client = APIClient()
    client.force_authenticate(user)
    return client


def test_council_adds_a_ministry_through_the_api_and_the_change_is_audited(council):
    response = _client(council).post("/api/v1/ministries/", {**MOLIT, "reason": "2027 공모 참여"}, format="json")
    assert response.status_code == 201, response.content
    assert response.json()["code"] == "MOLIT" and response.json()["support_lines"] == []
    ministry = Ministry.objects.get(code="MOLIT")
    entry = AuditEntry.objects.get(action="ministries.ministry_created", target_id=str(ministry.pk))
    assert (entry.actor, entry.reason, entry.changes["name_ko"]) == (council, "2027 공모 참여", "국토교통부")
    listed = _client(council).get("/api/v1/ministries/").json()
    assert listed[0]["code"] == "MSS"
    assert {"MCST", "MOF", "MOLIT"} <= {row["code"] for row in listed}


def test_a_code_in_use_or_badly_shaped_is_refused_with_the_reason(council):
    taken = _client(council).post("/api/v1/ministries/", {**MOLIT, "code": "MOF"}, format="json")
    assert taken.status_code == 400 and "MOF" in str(taken.json())
    bad = _client(council).post("/api/v1/ministries/", {**MOLIT, "code": "1-X"}, format="json")
    assert bad.status_code == 400 and "code" in bad.json()
    unnamed = _client(council).post("/api/v1/ministries/", {**MOLIT, "name_en": " "}, format="json")
    assert unnamed.status_code == 400
    assert not Ministry.objects.filter(code__in=["MOLIT", "1-X"]).exists()
    assert not AuditEntry.objects.filter(action="ministries.ministry_created").exists()


def test_only_the_council_adds_a_ministry(staff):
    for user in (staff["MOF"], make_user(Role.LOCAL_OFFICIAL), make_user(Role.REVIEWER)):
        assert _client(user).post("/api/v1/ministries/", MOLIT, format="json").status_code == 403
    assert APIClient().post("/api/v1/ministries/", MOLIT, format="json").status_code in (401, 403)
    assert not Ministry.objects.filter(code="MOLIT").exists()


def test_council_adds_a_ministry_on_the_page_and_a_contest_chooses_it(client, council):
    client.force_login(council)
    page = client.get(reverse("ministries:list"))
    assert "Ministry of Oceans and Fisheries" in page.content.decode()
    assert "Fisheries and aquaculture infrastructure" in page.content.decode()
    response = client.post(reverse("ministries:list"), {**MOLIT, "reason": "참여"}, follow=True)
    assert "Ministry of Land, Infrastructure and Transport" in response.content.decode()
    ministry = Ministry.objects.get(code="MOLIT")
    contest = make_contest(year=2027)
    form_page = client.get(reverse("applications:contest-update", args=[contest.pk]))
    assert f'value="{ministry.pk}"' in form_page.content.decode()


def test_a_refused_ministry_on_the_page_keeps_what_was_typed(client, council):
    client.force_login(council)
    response = client.post(reverse("ministries:list"), {**MOLIT, "code": "MSS"})
    assert response.status_code == 200
    body = response.content.decode()
    assert "already" in body and "Ministry of Land, Infrastructure and Transport" in body


def test_ministry_staff_see_the_ministries_but_cannot_add_one(client, staff):
    client.force_login(staff["MOF"])
    page = client.get(reverse("ministries:list"))
    assert page.status_code == 200 and 'id="ministry-form"' not in page.content.decode()
    assert client.post(reverse("ministries:list"), MOLIT).status_code == 403
    assert not Ministry.objects.filter(code="MOLIT").exists()
