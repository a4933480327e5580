import io

import pytest
from django.urls import reverse

from accounts.roles import Role
from regions.models import Designation, DesignationImport, DesignationKind, LocalGovernment, Province
from tests.factories import make_user

pytestmark = pytest.mark.usefixtures("registry")
LIST = reverse("regions:list")
IMPORT = reverse("regions:import")


@pytest.fixture
def signed_in(client):
    client.force_login(make_user(Role.LOCAL_OFFICIAL))
    return client


@pytest.mark.parametrize("url_name", ["regions:list", "regions:provinces", "regions:import"])
def test_anonymous_visitors_are_sent_to_sign_in(client, url_name):
    response = client.get(reverse(url_name))
    assert response.status_code == 302
    assert response.url.startswith(reverse("login"))


@pytest.mark.parametrize("role", Role.values)
def test_every_role_can_browse_the_registry(client, role):
    client.force_login(make_user(role))
    hamyang = LocalGovernment.objects.get(code="48870")
    assert client.get(LIST).status_code == 200
    assert client.get(reverse("regions:provinces")).status_code == 200
    detail = client.get(reverse("regions:detail", args=[hamyang.pk]))
    assert detail.status_code == 200
    assert "함양군" in detail.content.decode()


def test_filters_by_province_and_designation(signed_in):
    gyeongnam = Province.objects.get(code="48")
    response = signed_in.get(LIST, {"province": gyeongnam.pk, "designation": "population_declining"})
    names = {lg.name_en for lg in response.context["object_list"]}
    assert "Hamyang-gun" in names
    assert "Changwon-si" not in names
    assert response.context["paginator"].count == 11  # Gyeongnam's declining areas


def test_search_by_an_earlier_code_finds_gunwi(signed_in):
    response = signed_in.get(LIST, {"q": "47720"})
    assert [lg.name_en for lg in response.context["object_list"]] == ["Gunwi-gun"]


def test_htmx_request_gets_only_the_table(signed_in):
    response = signed_in.get(LIST, {"q": "함양"}, headers={"HX-Request": "true"})
    body = response.content.decode()
    assert "<table" in body and "<html" not in body
    assert "Hamyang-gun" in body


def test_detail_shows_code_history_and_sources(signed_in):
    gunwi = LocalGovernment.objects.get(code="27720")
    body = signed_in.get(reverse("regions:detail", args=[gunwi.pk])).content.decode()
    assert "47720" in body and "2023-06-30" in body
    assert "행정안전부 고시 제2021-66호" in body and "MOIS Notice" not in body  # a Korean page cites in Korean


def test_unknown_local_government_is_404(signed_in):
    assert signed_in.get(reverse("regions:detail", args=[999999])).status_code == 404


def test_registry_list_runs_the_same_queries_for_one_page_or_all(signed_in, django_assert_max_num_queries):
    # A page of 50 with designations on most rows, then a page with a single row (12: the unread-notification count
    # in the navigation is one of them; each row's periods and codes, to show it as it stood on the day, and the
    # "successor undecided" flags are three more).
    with django_assert_max_num_queries(12):
        signed_in.get(LIST, {"designation": "population_declining"})
    with django_assert_max_num_queries(12):
        signed_in.get(LIST, {"q": "함양"})


def test_province_page_counts_designations_in_fixed_queries(signed_in, django_assert_max_num_queries):
    with django_assert_max_num_queries(8):  # provinces, their members and designations of the day: 3
        response = signed_in.get(reverse("regions:provinces"))
    gyeongbuk = next(p for p in response.context["provinces"] if p.code == "47")
    assert gyeongbuk.population_declining_count == 15  # Gunwi moved to Daegu
    assert gyeongbuk.local_government_count == 22


@pytest.mark.parametrize("role", [Role.LOCAL_OFFICIAL, Role.PROVINCIAL_OFFICER, Role.REVIEWER,
                                  Role.MINISTRY_STAFF])
def test_only_council_staff_may_import(client, role):
    client.force_login(make_user(role))
    assert client.get(IMPORT).status_code == 403
    upload = io.BytesIO("selection_year,province_ko,name_ko\n2023,경상남도,함양군\n".encode())
    upload.name = "list.csv"
    assert client.post(IMPORT, {"file": upload, "reason": "x"}).status_code == 403
    assert not Designation.objects.filter(kind=DesignationKind.RURAL_AGREEMENT).exists()


def _csv(text: str, name: str = "list.csv"):
    upload = io.BytesIO(text.encode())
    upload.name = name
    return upload


def test_council_imports_and_the_import_is_recorded_with_who_and_why(client):
    council = make_user(Role.COUNCIL_STAFF, language="en")
    client.force_login(council)
    response = client.post(IMPORT, {"file": _csv("selection_year,province_ko,name_ko\n2023,경상남도,함양군\n"),
                                    "reason": "MAFRA notice 2025-12"}, follow=True)
    assert "1 new designations from 1 rows" in response.content.decode()
    record = DesignationImport.objects.get()
    assert (record.imported_by, record.reason) == (council, "MAFRA notice 2025-12")


def test_refused_upload_says_why_next_to_the_field_and_keeps_the_reason(client):
    client.force_login(make_user(Role.COUNCIL_STAFF, language="en"))
    response = client.post(IMPORT, {
        "file": _csv("selection_year,province_ko,name_ko\n2023,경상남도,함양군\n2023,경상남도,없는군\n"),
        "reason": "MAFRA notice 2025-12"})
    assert response.status_code == 200
    errors = response.context["form"].errors["file"]
    assert "Row 3: unknown local government “경상남도 없는군”" in errors
    body = response.content.decode()
    assert "MAFRA notice 2025-12" in body  # what was typed is kept
    assert "invalid-feedback" in body      # rendered next to the field
    assert not DesignationImport.objects.exists()


def test_import_rejects_other_file_types_by_name(client):
    client.force_login(make_user(Role.COUNCIL_STAFF, language="en"))
    response = client.post(IMPORT, {"file": _csv("x", name="list.pdf"), "reason": "x"})
    assert "Only CSV and XLSX files can be imported." in response.context["form"].errors["file"]


def test_admin_import_for_administrators(client):
    client.force_login(make_user(Role.ADMINISTRATOR))
    url = reverse("admin:regions_designation_import")
    assert client.get(url).status_code == 200
    response = client.post(url, {"file": _csv("selection_year,province_ko,name_ko\n2023,경상남도,함양군\n"),
                                 "reason": "admin import"})
    assert response.status_code == 302
    assert Designation.objects.filter(kind=DesignationKind.RURAL_AGREEMENT).count() == 1


@pytest.mark.parametrize("role", [r for r in Role.values if r != Role.ADMINISTRATOR])
def test_admin_site_is_closed_to_every_other_role(client, role):
    client.force_login(make_user(role, is_staff=True))
    response = client.get(reverse("admin:regions_designation_import"))
    assert response.status_code == 302
    assert reverse("admin:login") in response.url
