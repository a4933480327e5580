from datetime import UTC, date, datetime

import pytest
from django.urls import reverse

from accounts.roles import Role
from applications.models import SEOUL, Contest, PreliminarySelection
from applications.selectors import (
    eligibility_for_contest,
    eligibility_for_contests,
    eligible_counts,
    eligible_local_governments_for_contest,
)
from applications.services import add_preliminary_selection
from audit.models import AuditEntry
from audit.selectors import history_of
from regions.models import DesignationKind, LocalGovernment
from tests.factories import make_contest, make_user

pytestmark = pytest.mark.usefixtures("registry", "english")

FORM = {
    "name_ko": "2026년 시군구 연고산업 육성 협업 프로젝트", "name_en": "2026 Collaboration Project", "year": "2026",
    "accepted_kinds": ["population_declining", "interest_area"], "participating_ministries": [],
    "application_opens_at": "2026-10-01T09:00", "application_closes_at": "2026-10-20T18:00",
    "objection_period_days": "7", "target_task_count": "30", "funding_years": "2",
    "national_cap_per_task_krw": "1000000000", "provincial_match_min_bp": "5", "local_match_min_bp": "10",
}


@pytest.fixture
def council(client):
    user = make_user(Role.COUNCIL_STAFF, language="en")
    client.force_login(user)
    return user


def test_council_creates_a_contest_with_a_deadline_to_the_minute_in_seoul(client, council):
    response = client.post(reverse("applications:contest-create"), FORM)
    contest = Contest.objects.get(year=2026)
    assert response.url == reverse("applications:contest-detail", args=[contest.pk])
    assert contest.application_closes_at == datetime(2026, 10, 20, 9, 0, tzinfo=UTC)  # 18:00 KST
    assert sorted(k.kind for k in contest.accepted_designation_kinds.all()) == ["interest_area",
                                                                                "population_declining"]
    entry = history_of(contest).get()
    assert (entry.actor, entry.action) == (council, "contest.created")


def test_a_form_that_fails_says_why_next_to_the_field_and_keeps_what_was_typed(client, council):
    response = client.post(reverse("applications:contest-create"),
                           {**FORM, "application_closes_at": "2026-09-30T18:00"})
    assert response.status_code == 200
    assert response.context["form"].errors["application_closes_at"] == [
        "The deadline must come after the window opens."]
    body = response.content.decode()
    assert "2026년 시군구 연고산업 육성 협업 프로젝트" in body and 'value="1000000000"' in body
    assert not Contest.objects.filter(year=2026).exists()


def test_changing_a_contest_needs_a_reason_and_records_old_and_new_values(client, council):
    contest = make_contest()
    url = reverse("applications:contest-update", args=[contest.pk])
    values = {**FORM, "year": "2025", "name_ko": contest.name_ko, "accepted_kinds": DesignationKind.values,
              "application_opens_at": "2025-10-01T09:00", "application_closes_at": "2025-10-24T18:00"}
    refused = client.post(url, values)
    assert "reason" in refused.context["form"].errors
    client.post(url, {**values, "reason": "Deadline extended by council decision 2025-10-15"})
    entry = history_of(contest).get(action="contest.updated")
    assert entry.reason == "Deadline extended by council decision 2025-10-15"
    assert set(entry.changes) >= {"application_closes_at", "name_en"}
    contest.refresh_from_db()
    assert contest.eligibility_date == date(2025, 10, 24)


def test_audit_entries_cannot_be_rewritten():
    contest = make_contest()
    entry = AuditEntry.objects.create(action="x", target_type="applications.contest", target_id=str(contest.pk))
    entry.reason = "rewritten"
    with pytest.raises(ValueError, match="never changed"):
        entry.save()


@pytest.mark.parametrize("role", [Role.LOCAL_OFFICIAL, Role.PROVINCIAL_OFFICER, Role.REVIEWER,
                                  Role.MINISTRY_STAFF])
def test_only_council_changes_contests_but_everyone_reads_them(client, role):
    contest = make_contest()
    client.force_login(make_user(role, language="en"))
    for name in ("applications:contest-list",):
        assert client.get(reverse(name)).status_code == 200
    for name in ("applications:contest-detail", "applications:contest-eligible"):
        assert client.get(reverse(name, args=[contest.pk])).status_code == 200
    assert client.get(reverse("applications:contest-create")).status_code == 403
    assert client.post(reverse("applications:contest-create"), FORM).status_code == 403
    assert client.get(reverse("applications:contest-update", args=[contest.pk])).status_code == 403
    assert client.post(reverse("applications:preliminary-add", args=[contest.pk]),
                       {"local_government_code": "11680", "programme": "x", "selected_on": "2025-02-26"}
                       ).status_code == 403
    detail = client.get(reverse("applications:contest-detail", args=[contest.pk])).content.decode()
    assert "History" not in detail and "contest.created" not in detail  # the audit trail is the council's
    assert not PreliminarySelection.objects.exists()


def test_a_preliminary_selection_makes_an_undesignated_local_government_eligible(client, council):
    contest = make_contest()
    gangnam = LocalGovernment.objects.get(code="11680")
    before = eligible_local_governments_for_contest(contest).count()
    assert not eligibility_for_contest(contest=contest, local_government=gangnam).eligible
    response = client.post(reverse("applications:preliminary-add", args=[contest.pk]), {
        "local_government_code": "11680", "programme": "Regional Innovation Contest", "task_title": "Test task",
        "selected_on": "2025-02-26", "source": "MSS notice", "reason": "22 preliminary tasks"})
    assert response.status_code == 302
    eligibility = eligibility_for_contest(contest=contest, local_government=gangnam)
    assert eligibility.eligible and eligibility.preliminary_selection.task_title == "Test task"
    assert eligible_local_governments_for_contest(contest).count() == before + 1
    assert history_of(contest).filter(action="contest.preliminary_selection_added").exists()


def test_recording_a_preliminary_selection_twice_or_for_an_unknown_code_is_refused(client, council):
    contest = make_contest()
    data = {"local_government_code": "48870", "programme": "RIC", "selected_on": "2024-02-26"}
    client.post(reverse("applications:preliminary-add", args=[contest.pk]), data)
    again = client.post(reverse("applications:preliminary-add", args=[contest.pk]), data)
    assert "already has a preliminary selection" in again.context["preliminary_form"].errors[
        "local_government_code"][0]
    unknown = client.post(reverse("applications:preliminary-add", args=[contest.pk]),
                          {**data, "local_government_code": "99999"})
    assert unknown.context["preliminary_form"].errors["local_government_code"] == [
        "No local government has this code."]
    assert PreliminarySelection.objects.count() == 1


def test_removing_a_preliminary_selection_needs_a_reason_and_is_audited(client, council):
    contest = make_contest()
    selection = add_preliminary_selection(actor=council, contest=contest,
                                          local_government=LocalGovernment.objects.get(code="11680"),
                                          programme="RIC", selected_on=date(2025, 2, 26))
    url = reverse("applications:preliminary-remove", args=[contest.pk, selection.pk])
    client.post(url, {"reason": ""})
    assert PreliminarySelection.objects.exists()
    client.post(url, {"reason": "Entered for the wrong contest"})
    assert not PreliminarySelection.objects.exists()
    assert history_of(contest).get(action="contest.preliminary_selection_removed").reason == (
        "Entered for the wrong contest")


def test_an_official_sees_why_his_local_government_may_not_apply(client):
    contest = make_contest(kinds=[DesignationKind.POPULATION_DECLINING])
    client.force_login(make_user(Role.LOCAL_OFFICIAL, language="en",
                                 local_government=LocalGovernment.objects.get(code="11680")))
    body = client.get(reverse("applications:contest-detail", args=[contest.pk])).content.decode()
    assert "On 2025-10-20, Gangnam-gu holds no designation this contest accepts" in body


def test_an_official_sees_the_designation_that_qualifies_him(client):
    contest = make_contest()
    client.force_login(make_user(Role.LOCAL_OFFICIAL, language="en"))
    body = client.get(reverse("applications:contest-detail", args=[contest.pk])).content.decode()
    assert "Hamyang-gun may apply." in body
    assert "Population-declining area, valid from 2021-10-19" in body


def test_eligible_list_runs_fixed_queries_whatever_its_length(client, council, django_assert_max_num_queries):
    wide, narrow = make_contest(), make_contest(kinds=[DesignationKind.INTEREST_AREA], year=2024)
    # 11: each row's periods and codes (as it stood on the contest's date) are two of them.
    with django_assert_max_num_queries(11):
        wide_rows = client.get(reverse("applications:contest-eligible", args=[wide.pk])).context["rows"]
    with django_assert_max_num_queries(11):
        narrow_rows = client.get(reverse("applications:contest-eligible", args=[narrow.pk])).context["rows"]
    assert (len(wide_rows), len(narrow_rows)) == (107, 18)


def test_the_landing_pages_count_and_judge_eligibility_as_the_contest_pages_do(django_assert_max_num_queries):
    """The dashboards judge several contests in memory; they must agree with the database's rule."""
    contests = [make_contest(), make_contest(kinds=[DesignationKind.INTEREST_AREA], year=2024),
                make_contest(kinds=[DesignationKind.POPULATION_DECLINING], year=2023,
                             opens=datetime(2016, 1, 1, tzinfo=UTC), closes=datetime(2016, 1, 4, 18, 0, tzinfo=UTC))]
    add_preliminary_selection(actor=make_user(Role.COUNCIL_STAFF), contest=contests[1],
                              local_government=LocalGovernment.objects.get(code="11680"), programme="RIC",
                              selected_on=date(2024, 2, 26))
    contests = list(Contest.objects.prefetch_related("accepted_designation_kinds").order_by("-year"))
    with django_assert_max_num_queries(2):
        counts = eligible_counts(contests)
    assert counts == {contest.pk: eligible_local_governments_for_contest(contest).count() for contest in contests}
    assert counts[contests[1].pk] == 19  # 18 interest areas and Gangnam's preliminary selection
    for code in ["48870", "11680", "12720"]:
        local_government = LocalGovernment.objects.get(code=code)
        with django_assert_max_num_queries(2):
            together = eligibility_for_contests(contests, local_government)
        assert [row.eligible for row in together] == [
            eligible_local_governments_for_contest(contest).filter(pk=local_government.pk).exists()
            for contest in contests]


def test_matching_shares_are_entered_and_shown_as_percentages_and_kept_in_basis_points(client, council):
    """Officials write 5 or 12.25 (%), never basis points; the contest keeps 500 and 1,225; a share with three
    decimals or over the bound is refused in percent."""
    client.post(reverse("applications:contest-create"),
                {**FORM, "provincial_match_min_bp": "5", "local_match_min_bp": "12.25%"})
    contest = Contest.objects.get(year=2026)
    assert (contest.provincial_match_min_bp, contest.local_match_min_bp) == (500, 1225)
    edit = client.get(reverse("applications:contest-update", args=[contest.pk])).content.decode()
    assert 'value="12.25"' in edit and 'value="5"' in edit and "basis points" not in edit
    detail = client.get(reverse("applications:contest-detail", args=[contest.pk])).content.decode()
    assert "12.25% of national" in detail and "5% of national" in detail
    refused = client.post(reverse("applications:contest-create"),
                          {**FORM, "year": "2027", "provincial_match_min_bp": "5.125", "local_match_min_bp": "5000"})
    errors = refused.context["form"].errors
    assert errors["provincial_match_min_bp"] == ["Enter a percentage with at most two decimals, e.g. 12.25."]
    assert errors["local_match_min_bp"] == ["Enter a percentage of at most 1000%."]


def test_the_contests_history_names_each_changed_setting_by_its_label(client, council):
    contest = make_contest()
    url = reverse("applications:contest-update", args=[contest.pk])
    values = {**FORM, "year": "2025", "name_ko": contest.name_ko, "accepted_kinds": DesignationKind.values,
              "application_opens_at": "2025-10-01T09:00", "application_closes_at": "2025-10-24T18:00",
              "reason": "연장"}
    client.post(url, values)
    page = client.get(reverse("applications:contest-detail", args=[contest.pk])).content.decode()
    assert "Application deadline" in page.split(">History<")[1] and "<code>application_closes_at</code>" not in page


def test_the_contest_page_lists_its_milestones_in_date_order_whatever_the_default_order(client, council):
    """A briefing held after the window opens (2026-11-19 vs 11-16) and a stage that starts before the deadline
    read where their dates put them, on the contest's page."""
    contest = make_contest(opens=datetime(2026, 11, 16, 9, 0, tzinfo=SEOUL),
                           closes=datetime(2026, 12, 4, 18, 0, tzinfo=SEOUL), year=2026)
    contest.announced_on, contest.briefing_on = date(2026, 11, 2), date(2026, 11, 19)
    contest.selection_on, contest.results_published_on = date(2027, 1, 20), date(2027, 1, 15)
    contest.save()
    labels = [str(label) for label, _value in contest.schedule()]
    assert labels == ["Announcement", "Application window opens", "Briefing session", "Application deadline",
                      "Results published", "Final selection"]
    body = client.get(reverse("applications:contest-detail", args=[contest.pk])).content.decode()
    positions = [body.index(f"<span>{label}</span>") for label in labels]
    assert positions == sorted(positions)
