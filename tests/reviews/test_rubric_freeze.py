"""A rubric is frozen from its first submitted sheet (issue 21, kind 3): criteria, maxima, pass mark, trim
threshold and tie-break criteria change nowhere after it (admin, services, any other write), refused with the
reason; before it, every change is in the audit trail, the admin's included."""
import pytest
from django.urls import reverse

from accounts.roles import Role
from audit.models import AuditEntry
from reviews.models import Criterion, Rubric, ScoreSheet, SheetStatus
from reviews.services import RubricFrozen, change_criterion, change_rubric, remove_criterion, reopen_sheet
from tests.factories import make_user
from tests.reviews.builders import make_panel, make_rubric, submitted_sheet, totals

pytestmark = pytest.mark.usefixtures("registry", "english")

REASON = "Score sheets of this stage have been submitted"


@pytest.fixture
def panel():
    panel = make_panel(codes=["48870", "12720"])
    make_rubric(panel.contest, pass_mark=60)
    return panel


@pytest.fixture
def rubric(panel) -> Rubric:
    return Rubric.objects.get(contest=panel.contest, stage="document")


@pytest.fixture
def frozen(panel, rubric) -> Rubric:
    submitted_sheet(panel, panel.proposals.first(), totals(70)[0])
    return rubric


@pytest.fixture
def admin_client(client):
    client.force_login(make_user(Role.ADMINISTRATOR, language="en"))
    return client


def change_url(rubric) -> str:
    return reverse("admin:reviews_rubric_change", args=[rubric.pk])


def admin_form(client, rubric) -> dict:
    """The rubric's change form as the admin shows it, ready to post back."""
    context = client.get(change_url(rubric)).context
    form = context["adminform"].form
    data = {name: form.initial.get(name, field.initial) for name, field in form.fields.items()}
    for inline in context["inline_admin_formsets"]:
        formset = inline.formset
        for name, value in formset.management_form.initial.items():
            data[f"{formset.prefix}-{name}"] = value
        for number, row in enumerate(formset.forms):
            for name, field in row.fields.items():
                value = row.initial.get(name, field.initial)
                data[f"{formset.prefix}-{number}-{name}"] = getattr(value, "pk", value)
    data["audit_reason"] = "평가표 보완"  # the admin asks why; the freeze is what these tests try
    return {key: "" if value is None else value for key, value in data.items()}


def add_criterion(data: dict, rubric) -> dict:
    number = int(data["criteria-TOTAL_FORMS"])
    data.update({f"criteria-{number}-{key}": value for key, value in {
        "rubric": rubric.pk, "code": "innovation", "name_ko": "혁신성", "name_en": "Innovation", "description": "",
        "max_points": 10, "position": 4, "tie_break_order": ""}.items()})
    data["criteria-TOTAL_FORMS"] = number + 1
    return data


def test_the_admin_adds_no_criterion_to_a_frozen_rubric_and_says_why(admin_client, frozen):
    page = admin_client.get(change_url(frozen)).content.decode()
    assert REASON in page
    response = admin_client.post(change_url(frozen), add_criterion(admin_form(admin_client, frozen), frozen),
                                 follow=True)
    assert response.status_code == 200
    assert list(frozen.criteria.values_list("code", flat=True).order_by("position")) == [
        "feasibility", "effectiveness", "policy_linkage"]


def test_the_admin_raises_no_pass_mark_of_a_frozen_rubric(admin_client, frozen):
    data = admin_form(admin_client, frozen)
    data.update(pass_mark="80", trim_min_sheets="3")
    for key in [key for key in data if key.endswith("-max_points")]:
        data[key] = "50"
    admin_client.post(change_url(frozen), data, follow=True)
    frozen.refresh_from_db()
    assert frozen.pass_mark == 60 and frozen.trim_min_sheets == 5
    assert set(frozen.criteria.values_list("max_points", flat=True)) == {40, 30}
    assert not AuditEntry.objects.filter(action__startswith="review.rubric").exists()


def test_before_the_first_sheet_every_admin_change_is_audited(admin_client, rubric):
    data = add_criterion(admin_form(admin_client, rubric), rubric)
    data["pass_mark"] = "70"
    response = admin_client.post(change_url(rubric), data)
    assert response.status_code == 302, response.content.decode()[:2000]
    rubric.refresh_from_db()
    assert rubric.pass_mark == 70 and rubric.criteria.filter(code="innovation").exists()
    entries = {entry.action: entry for entry in AuditEntry.objects.filter(target_id=str(rubric.pk))}
    assert entries["review.rubric_changed"].changes == {"pass_mark": ["60.00", "70"]}
    assert entries["review.criterion_added"].changes["criterion"] == "innovation"
    assert all(entry.actor.role == Role.ADMINISTRATOR for entry in entries.values())
    assert {entry.reason for entry in entries.values()} == {"평가표 보완"}


def test_the_services_refuse_with_the_reason(frozen):
    council = make_user(Role.COUNCIL_STAFF)
    frozen.pass_mark = 70
    with pytest.raises(RubricFrozen, match=REASON):
        change_rubric(actor=council, rubric=frozen)
    with pytest.raises(RubricFrozen, match=REASON):
        change_criterion(actor=council, criterion=Criterion(rubric=frozen, code="x", name_ko="x", name_en="x",
                                                          max_points=5, position=9))
    criterion = frozen.criteria.get(code="feasibility")
    criterion.tie_break_order = None
    with pytest.raises(RubricFrozen):
        change_criterion(actor=council, criterion=criterion)
    with pytest.raises(RubricFrozen):
        remove_criterion(actor=council, criterion=frozen.criteria.get(code="policy_linkage"))


def test_any_other_write_is_refused_too(frozen):
    """The shell, a script or a later API: the model write itself is refused."""
    frozen.refresh_from_db()
    frozen.trim_min_sheets = 3
    with pytest.raises(RubricFrozen):
        frozen.save()
    with pytest.raises(RubricFrozen):
        Criterion.objects.create(rubric=frozen, code="late", name_ko="추가", name_en="Late", max_points=10)


def test_a_reopened_sheet_keeps_the_rubric_frozen(panel, frozen):
    sheet = ScoreSheet.objects.get(status=SheetStatus.SUBMITTED)
    council = make_user(Role.COUNCIL_STAFF)
    from reviews.models import SheetEvent

    SheetEvent.objects.create(sheet=sheet, action=SheetEvent.Action.SUBMITTED, actor=council)
    reopen_sheet(actor=council, sheet=sheet, reason="오기 정정")
    frozen.pass_mark = 50
    with pytest.raises(RubricFrozen):
        change_rubric(actor=council, rubric=frozen)


def test_names_stay_correctable_once_frozen_and_the_correction_is_audited(frozen):
    council = make_user(Role.COUNCIL_STAFF)
    criterion = frozen.criteria.get(code="feasibility")
    criterion.name_en = "Feasibility (plan)"
    change_criterion(actor=council, criterion=criterion)
    assert AuditEntry.objects.get(action="review.criterion_changed").changes["name_en"] == [
        "Feasibility", "Feasibility (plan)"]
