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


def test_a_line_of_more_measures_or_a_choice_of_more_options_than_its_bound_is_refused_at_every_door(client,
                                                                                                    council):
    """A line's measures are the desk's and the template's columns, its options a list on every row: a line of
    3,000 measures or a choice of 20,000 options was accepted, and its template was more columns than an upload
    reads. Each door now says the bound beside the field, and nothing is written."""
    many = [{**MEASURE, "code": f"m{index}", "type": "count"} for index in range(services.MAX_MEASURES + 1)]
    options = [{"code": f"o{index}", "name_ko": "가", "name_en": "A"} for index in range(services.MAX_OPTIONS + 1)]
    api = api_as(council)
    line = {"ministry": "MOF", "code": "local_talent", "name_ko": "가", "name_en": "A"}
    assert api.post("/api/v1/support-line-kinds/", {**line, "measures": many}, format="json").json() == {
        "measures": [f"A line has at most {services.MAX_MEASURES} measures."]}
    refused = api.post("/api/v1/support-line-kinds/", {**line, "measures": [{**MEASURE, "choices": options}]},
                       format="json")
    assert refused.json() == {"measures.1.choices": [f"A choice measure has at most {services.MAX_OPTIONS} options."]}
    measure = api.post("/api/v1/support-line-kinds/regional_visa/measures/", {**MEASURE, "choices": options},
                       format="json")
    assert measure.status_code == 400 and "at most 100 options" in str(measure.json())
    client.force_login(council)
    typed = "\n".join(f"{option['code']} | 가 | A" for option in options)
    page = client.post(reverse("ministries:line-create", args=["MOF"]), line_post(m0={**MEASURE, "options": typed}))
    assert page.context["measures"].forms[0].errors["options"] == [
        f"A choice measure has at most {services.MAX_OPTIONS} options."]
    assert not SupportLineKind.objects.filter(code="local_talent").exists()

    services.create_line_kind(actor=council, ministry_code="MOF", code="local_talent", name_ko="가", name_en="A",
                              measures=many[:services.MAX_MEASURES])
    one_more = client.post(reverse("ministries:measure-add", args=["local_talent"]),
                           {**MEASURE, "code": "extra", "type": "count", "reason": "x"})
    assert f"A line has at most {services.MAX_MEASURES} measures." in one_more.content.decode()
    assert Measure.objects.filter(line__code="local_talent").count() == services.MAX_MEASURES
