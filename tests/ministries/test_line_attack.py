"""The council's support-line doors tried as an outside tester would (issue 21, 22): a choice measure whose
options repeat a code, and a description beyond its length, are refused at every door (line page, measure page,
API, service) beside the field; a line another clerk created a moment ago with the same code is a message, not a
500; nobody who may not change lines learns which ministry or line codes exist; a refused removal says why."""
import pytest
from django.db.models.signals import pre_save
from django.test import Client
from django.urls import reverse

from accounts.roles import Role
from audit.models import AuditEntry
from ministries import services
from ministries.models import Measure, Ministry, SupportLineKind
from tests.factories import api_as, make_user
from tests.ministries.test_line_pages import line_post

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("registry", "english")]

REPEATED = "Each option needs its own code."
TWICE = "fish | 수산 가공 | Seafood processing\nfish | 양식 | Farming"
CHOICES = [{"code": "fish", "name_ko": "수산 가공", "name_en": "Seafood processing"},
           {"code": "fish", "name_ko": "양식", "name_en": "Farming"}]
MEASURE = {"code": "course", "name_ko": "과정", "name_en": "Course", "type": "choice"}


def test_a_choice_whose_options_repeat_a_code_is_refused_at_every_door(client, council):
    client.force_login(council)
    page = client.post(reverse("ministries:line-create", args=["MOF"]),
                       line_post(m0={**MEASURE, "options": TWICE}))
    assert page.status_code == 200
    assert page.context["measures"].forms[0].errors["options"] == [REPEATED]
    assert "양식" in page.content.decode()  # what was typed comes back
    added = client.post(reverse("ministries:measure-add", args=["regional_visa"]),
                        {**MEASURE, "options": TWICE, "reason": "x"})
    assert added.status_code == 200 and added.context["form"].errors["options"] == [REPEATED]

    api = api_as(council)
    created = api.post("/api/v1/support-line-kinds/", {"ministry": "MOF", "code": "local_talent", "name_ko": "가",
                                                        "name_en": "A", "measures": [{**MEASURE, "choices": CHOICES}]},
                       format="json")
    assert created.status_code == 400 and created.json() == {"measures.1.choices": [REPEATED]}
    measure = api.post("/api/v1/support-line-kinds/regional_visa/measures/", {**MEASURE, "choices": CHOICES},
                       format="json")
    assert measure.status_code == 400  # named by the measure's position on the line
    assert [(key.split(".")[-1], value) for key, value in measure.json().items()] == [("choices", [REPEATED])]
    assert not SupportLineKind.objects.filter(code="local_talent").exists()
    assert not Measure.objects.filter(code="course").exists()


def test_a_description_beyond_its_length_is_refused_by_the_api_and_the_service_as_by_the_page(client, council):
    long = "설명" * 1001
    client.force_login(council)
    page = client.post(reverse("ministries:line-create", args=["MOF"]),
                       {**line_post(m0={**MEASURE, "type": "count"}), "description_en": long})
    assert page.status_code == 200 and "description_en" in page.context["form"].errors
    api = api_as(council)
    for field in ("description_ko", "description_en"):
        refused = api.post("/api/v1/support-line-kinds/", {
            "ministry": "MOF", "code": "local_talent", "name_ko": "가", "name_en": "A", field: long,
            "measures": [{**MEASURE, "type": "count"}]}, format="json")
        assert refused.status_code == 400 and field in refused.json()
    with pytest.raises(services.ValidationError) as refused:
        services.create_line_kind(actor=council, ministry_code="MOF", code="local_talent", name_ko="가",
                                  name_en="A", description_ko=long, measures=[{**MEASURE, "type": "count"}])
    assert refused.value.message_dict == {"description_ko": ["At most 2000 characters."]}
    assert not SupportLineKind.objects.filter(code="local_talent").exists()


@pytest.fixture
def other_clerk_first(council):
    """Another clerk's line with the same code commits between this clerk's check and his save."""
    def race(sender, instance, **kwargs):
        if instance.code == "local_talent" and instance.pk is None and not getattr(race, "done", False):
            race.done = True
            SupportLineKind.objects.create(ministry=Ministry.objects.get(code="MOF"), code="local_talent",
                                           name_ko="먼저 추가", name_en="First")
    pre_save.connect(race, sender=SupportLineKind, weak=False)
    yield
    pre_save.disconnect(race, sender=SupportLineKind)


@pytest.mark.usefixtures("other_clerk_first")
def test_a_line_another_clerk_added_a_moment_ago_is_a_message_beside_what_was_typed(client, council):
    client.force_login(council)
    response = client.post(reverse("ministries:line-create", args=["MOF"]),
                           line_post(m0={**MEASURE, "type": "count"}))
    assert response.status_code == 200
    assert "A support line with the code local_talent exists already." in str(
        response.context["form"].non_field_errors())
    assert 'value="지역인재 양성"' in response.content.decode()
    assert not AuditEntry.objects.filter(action="ministries.line_created").exists()


@pytest.mark.parametrize("role", [None, Role.LOCAL_OFFICIAL, Role.PROVINCIAL_OFFICER, Role.MINISTRY_STAFF,
                                  Role.REVIEWER])
def test_who_may_not_change_lines_gets_the_same_answer_for_codes_that_exist_and_codes_that_do_not(role):
    client = Client()
    if role:
        client.force_login(make_user(role))
    pairs = [(reverse("ministries:line-create", args=["MOJ"]), reverse("ministries:line-create", args=["NOPE"])),
             (reverse("ministries:measure-add", args=["regional_visa"]),
              reverse("ministries:measure-add", args=["no_such_line"])),
             (reverse("ministries:measure-remove", args=["regional_visa", "requested"]),
              reverse("ministries:measure-remove", args=["no_such_line", "requested"]))]
    for existing, missing in pairs:
        for method in (client.get, client.post):
            answers = [method(url) for url in (existing, missing)]
            assert answers[0].status_code == answers[1].status_code != 404, (method, existing)
            assert answers[0].get("Location", "").split("?")[0] == answers[1].get("Location", "").split("?")[0]
    assert Measure.objects.filter(line__code="regional_visa", code="requested").exists()


def test_a_removal_refused_for_its_reason_says_why_and_removes_nothing(client, council):
    client.force_login(council)
    response = client.post(reverse("ministries:measure-remove", args=["regional_visa", "requested"]),
                           {"reason": "x" * 2001}, follow=True)
    assert response.status_code == 200
    assert "at most 2000 characters" in response.content.decode()
    assert Measure.objects.filter(line__code="regional_visa", code="requested").exists()
    assert not AuditEntry.objects.filter(action="ministries.measure_removed").exists()
