"""The document and presentation review dates live on the stage rows only: the contest form and the API set
and show them there, a date changed on the stages page is what the form shows (and a save of the form does not
put an older one back), and every change is in the contest's history."""
from datetime import date

import pytest
from django.urls import reverse

from accounts.roles import Role
from applications.models import Contest, ContestStage
from audit.selectors import history_of
from regions.models import DesignationKind
from reviews.services.stages import change_stage
from tests.applications.test_contests import FORM
from tests.factories import api_as, make_user

pytestmark = pytest.mark.usefixtures("registry", "english")

DATES = {"document_review_starts_on": "2026-10-23", "document_review_ends_on": "2026-10-31",
         "presentation_review_starts_on": "2026-11-10", "presentation_review_ends_on": "2026-11-12"}


@pytest.fixture
def council(client):
    user = make_user(Role.COUNCIL_STAFF, language="en")
    client.force_login(user)
    return user


def _stage_dates(contest: Contest) -> dict[str, tuple[date | None, date | None]]:
    return {stage.code: (stage.starts_on, stage.ends_on) for stage in ContestStage.objects.filter(contest=contest)}


def _created(client) -> Contest:
    client.post(reverse("applications:contest-create"), {**FORM, **DATES})
    return Contest.objects.get(year=2026)


def _edit_values(**changes) -> dict:
    """The contest form as typed to change the contest ``_created`` made: its values, ``changes`` and why."""
    return {**FORM, **DATES, "reason": "일정 조정", **changes}


def test_the_review_dates_of_the_new_contest_form_date_its_stages_in_its_history(client, council):
    contest = _created(client)
    assert _stage_dates(contest) == {"document": (date(2026, 10, 23), date(2026, 10, 31)),
                                     "presentation": (date(2026, 11, 10), date(2026, 11, 12))}
    entry = history_of(contest).get()
    assert entry.action == "contest.created"
    assert entry.changes["document_review_starts_on"] == "2026-10-23"
    assert entry.changes["presentation_review_ends_on"] == "2026-11-12"
    page = client.get(reverse("applications:contest-detail", args=[contest.pk])).content.decode()
    assert "2026-10-23" in page and "2026-11-10" in page


def test_the_form_shows_a_date_set_on_the_stages_page_and_saving_it_keeps_that_date(client, council):
    contest = _created(client)
    document = contest.stages.get(code="document")
    change_stage(actor=council, stage=document, values={"starts_on": date(2026, 10, 26)}, reason="연기")
    url = reverse("applications:contest-update", args=[contest.pk])
    form = client.get(url).context["form"]
    assert form["document_review_starts_on"].value() == date(2026, 10, 26)
    assert 'value="2026-10-26"' in client.get(url).content.decode()
    client.post(url, _edit_values(document_review_starts_on="2026-10-26", target_task_count="25"))
    assert _stage_dates(contest)["document"] == (date(2026, 10, 26), date(2026, 10, 31))
    entry = history_of(contest).get(action="contest.updated")
    assert set(entry.changes) == {"target_task_count"}


def test_a_review_date_changed_on_the_form_moves_its_stage_with_old_and_new_in_the_history(client, council):
    contest = _created(client)
    url = reverse("applications:contest-update", args=[contest.pk])
    client.post(url, _edit_values(presentation_review_starts_on="2026-11-11"))
    assert _stage_dates(contest)["presentation"] == (date(2026, 11, 11), date(2026, 11, 12))
    entry = history_of(contest).get(action="contest.updated")
    assert entry.changes == {"presentation_review_starts_on": ["2026-11-10", "2026-11-11"]}


def test_a_contest_without_a_document_stage_says_where_to_date_its_stages(client, council):
    contest = _created(client)
    change_stage(actor=council, stage=contest.stages.get(code="document"), values={"code": "written"})
    url = reverse("applications:contest-update", args=[contest.pk])
    assert client.get(url).context["form"]["document_review_starts_on"].value() is None
    response = client.post(url, _edit_values(document_review_starts_on="2026-10-24"))
    assert response.status_code == 200
    assert "no stage with the code “document”" in response.context["form"].errors["document_review_starts_on"][0]
    assert _stage_dates(contest)["written"] == (date(2026, 10, 23), date(2026, 10, 31))
    saved = client.post(url, _edit_values(document_review_starts_on="", document_review_ends_on="",
                                          target_task_count="20"))
    assert saved.status_code == 302 and _stage_dates(contest)["written"] == (date(2026, 10, 23), date(2026, 10, 31))


def test_the_api_reads_and_writes_the_review_dates_on_the_stages_in_bounded_queries(
        council, django_assert_max_num_queries):
    api = api_as(council)
    body = {**{name: value for name, value in FORM.items() if name not in ("accepted_kinds", "year")},
            "year": 2026, "accepted_designation_kinds": [DesignationKind.POPULATION_DECLINING],
            "application_opens_at": "2026-10-01T09:00:00+09:00",
            "application_closes_at": "2026-10-20T18:00:00+09:00", **DATES}
    for number in range(4):
        created = api.post("/api/v1/contests/", {**body, "name_ko": f"공모 {number}"}, format="json")
        assert created.status_code == 201, created.content
        assert {name: created.json()[name] for name in DATES} == DATES
    contest = Contest.objects.get(name_ko="공모 0")
    change_stage(actor=council, stage=contest.stages.get(code="presentation"),
                 values={"ends_on": date(2026, 11, 13)})
    with django_assert_max_num_queries(6):
        rows = api.get("/api/v1/contests/").json()["results"]
    assert len(rows) == 4
    assert {row["name_ko"]: row["presentation_review_ends_on"] for row in rows} == {
        "공모 0": "2026-11-13", "공모 1": "2026-11-12", "공모 2": "2026-11-12", "공모 3": "2026-11-12"}
    changed = api.patch(f"/api/v1/contests/{contest.pk}/", {"document_review_ends_on": "2026-10-30",
                                                            "reason": "단축"}, format="json")
    assert changed.status_code == 200 and changed.json()["document_review_ends_on"] == "2026-10-30"
    assert changed.json()["presentation_review_ends_on"] == "2026-11-13"  # the stages page's date stays
    assert _stage_dates(contest)["document"] == (date(2026, 10, 23), date(2026, 10, 30))
