"""A contest's evaluation stages tried as an outside tester would (issue 21, kind 6; issue 22): a day outside
the portal's years is refused at every door (the page beside the field with what was typed, the API, the
service itself), the same code added twice is a message, and a stage of another contest or a missing one is a
404 on the page."""
from datetime import date

import pytest
from django.urls import reverse

from applications.models import StageKind
from reviews.services import StageRefused, add_stage
from tests.factories import make_contest

pytestmark = pytest.mark.usefixtures("registry", "english", "council_signed_in")

DAYS = ["0001-01-01", "9999-12-31", "1999-12-31"]


@pytest.mark.parametrize("day", DAYS)
def test_a_stage_day_outside_the_portals_years_is_refused_beside_the_field_on_the_page(client, day):
    contest = make_contest()
    url = reverse("reviews:contest-stages", args=[contest.pk])
    kind = StageKind.objects.get(code="site_visit")
    response = client.post(url, {"code": "site_visit", "kind": kind.pk, "weight_pct": 0, "cutoff": "60",
                                 "starts_on": day, "name_ko": "현장 확인"})
    assert response.status_code == 200
    assert response.context["form"].errors["starts_on"] == [
        "Enter a date between 2000-01-01 and 2100-12-31."]
    assert 'value="현장 확인"' in response.content.decode()
    assert not contest.stages.filter(code="site_visit").exists()
    assert client.post(url, {"code": "site_visit", "kind": kind.pk, "weight_pct": 0, "cutoff": "60"}).status_code == 302
    stage = contest.stages.get(code="site_visit")
    change = client.post(reverse("reviews:stage-change", args=[stage.pk]), {
        "code": stage.code, "kind": stage.kind_id, "weight_pct": 0, "cutoff": "60", "ends_on": day})
    assert change.status_code == 200 and "ends_on" in change.context["form"].errors
    stage.refresh_from_db()
    assert stage.ends_on is None


@pytest.mark.parametrize("day", [date(1, 1, 1), date(9999, 12, 31)])
def test_the_service_refuses_a_day_outside_the_portals_years_whatever_the_door(council, day):
    contest = make_contest()
    with pytest.raises(StageRefused, match=r"Enter a date between 2000-01-01 and 2100-12-31\."):
        add_stage(actor=council, contest=contest, values={
            "code": "site_visit", "kind": StageKind.objects.get(code="site_visit"), "name_ko": "현장평가",
            "name_en": "Site visit", "ends_on": day})
    assert not contest.stages.filter(code="site_visit").exists()


def test_the_same_code_added_twice_is_a_message_and_the_first_stands(client):
    contest = make_contest()
    url = reverse("reviews:contest-stages", args=[contest.pk])
    kind = StageKind.objects.get(code="site_visit")
    data = {"code": "site_visit", "kind": kind.pk, "weight_pct": 0, "cutoff": "60"}
    assert client.post(url, data).status_code == 302
    again = client.post(url, {**data, "name_ko": "두 번째"})
    assert again.status_code == 200 and "already has a stage with the code" in again.content.decode()
    assert contest.stages.filter(code="site_visit").count() == 1


def test_a_missing_stage_or_contest_is_a_404_on_the_pages(client):
    assert client.get(reverse("reviews:stage-change", args=[999999])).status_code == 404
    assert client.get(reverse("reviews:contest-stages", args=[999999])).status_code == 404
