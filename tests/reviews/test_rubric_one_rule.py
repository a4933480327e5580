"""One rule for changing a rubric, one answer at every door: a frozen rubric (a sheet of its stage submitted)
is refused as such, ``RubricFrozen``, a 403 with the reason, whether the admin's page, the API's replace or a
service is asked; a second rubric for a stage is bad input, a 400."""
from decimal import Decimal

import pytest
from django.urls import reverse

from accounts.roles import Role
from audit.models import AuditEntry
from reviews.api import pool as rubric_api
from reviews.models import Rubric
from reviews.services import RubricFrozen, save_rubric
from tests.factories import api_as, make_user
from tests.reviews.builders import make_panel, make_rubric, submitted_sheet, totals

pytestmark = pytest.mark.usefixtures("registry", "english")

REASON = "Score sheets of this stage have been submitted"
CRITERIA = [{"code": "feasibility", "name_ko": "타당성", "name_en": "Feasibility", "max_points": 60},
            {"code": "effectiveness", "name_ko": "효과성", "name_en": "Effectiveness", "max_points": 40}]


@pytest.fixture
def council():
    return make_user(Role.COUNCIL_STAFF, language="en")


@pytest.fixture
def frozen() -> Rubric:
    panel = make_panel(codes=["48870", "12720"])
    rubric = make_rubric(panel.contest, pass_mark=60)
    submitted_sheet(panel, panel.proposals.first(), totals(70)[0])
    return rubric


def criteria_of(rubric: Rubric) -> list[tuple]:
    return list(rubric.criteria.order_by("position").values_list("code", "max_points"))


def test_replacing_a_frozen_rubric_is_refused_as_frozen_and_changes_nothing(council, frozen):
    before, audited = criteria_of(frozen), AuditEntry.objects.count()
    with pytest.raises(RubricFrozen, match=REASON):
        save_rubric(actor=council, contest=frozen.contest, stage=frozen.stage, trim_min_sheets=3,
                    pass_mark=Decimal(50), criteria=CRITERIA, rubric=frozen)
    frozen.refresh_from_db()
    assert (frozen.pass_mark, frozen.trim_min_sheets, criteria_of(frozen)) == (60, 5, before)
    assert AuditEntry.objects.count() == audited


def test_the_api_and_the_page_refuse_a_frozen_rubric_alike(council, frozen, client, monkeypatch):
    """Even when the rubric froze after the API's own check (a sheet submitted meanwhile), the answer is the
    403 with the reason the admin's page shows, not a 400."""
    monkeypatch.setattr(rubric_api, "require", lambda decision: None)  # its check ran before the sheet came in
    body = {"contest": frozen.contest_id, "stage": frozen.stage, "trim_min_sheets": 5, "pass_mark": "60",
            "criteria": CRITERIA}
    response = api_as(council).put(f"/api/v1/rubrics/{frozen.pk}/", body, format="json")
    monkeypatch.undo()
    assert response.status_code == 403, response.content
    reason = response.json()["detail"]
    assert reason.startswith(REASON)
    client.force_login(make_user(Role.ADMINISTRATOR, language="en"))
    page = client.get(reverse("admin:reviews_rubric_change", args=[frozen.pk]))
    assert reason in [str(message) for message in page.context["messages"]]


def test_a_second_rubric_for_a_stage_is_bad_input(council, frozen):
    body = {"contest": frozen.contest_id, "stage": frozen.stage, "trim_min_sheets": 5, "pass_mark": "60",
            "criteria": CRITERIA}
    response = api_as(council).post("/api/v1/rubrics/", body, format="json")
    assert response.status_code == 400 and "already has a rubric" in response.json()["detail"][0]
