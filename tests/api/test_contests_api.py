"""Contests through the API: the council creates and changes them under the page's rules, with the reason in the
contest's history, and publishes announcement files checked by their content; nobody else may."""
import pytest

from accounts.roles import Role
from applications.models import Contest
from audit.selectors import history_of
from tests.documents import pdf, upload
from tests.factories import api_as, make_contest, make_user

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english", "registry")]

CONTEST = {"name_ko": "2027년 협업 프로젝트", "name_en": "2027 Collaboration Project", "year": 2027,
           "application_opens_at": "2027-03-02T09:00:00+09:00", "application_closes_at": "2027-03-20T18:00:00+09:00",
           "document_review_starts_on": "2027-03-23", "objection_period_days": 7, "target_task_count": 30,
           "national_cap_per_task_krw": 1_000_000_000, "provincial_match_min_bp": 500, "local_match_min_bp": 1000,
           "total_national_budget_krw": 30_000_000_000, "accepted_designation_kinds": ["population_declining"],
           "participating_ministries": ["MSS", "MOJ"]}


@pytest.fixture
def council():
    return make_user(Role.COUNCIL_STAFF, language="en")


def test_the_council_creates_a_contest_audited_as_on_the_page(council):
    response = api_as(council).post("/api/v1/contests/", CONTEST, format="json")
    assert response.status_code == 201, response.content
    body = response.json()
    assert body["accepted_designation_kinds"] == ["population_declining"]
    assert sorted(body["participating_ministries"]) == ["MOJ", "MSS"]
    assert body["application_closes_at"].startswith("2027-03-20T18:00:00+09:00")
    contest = Contest.objects.get(pk=body["id"])
    assert history_of(contest).get().action == "contest.created"


def test_the_page_rules_refuse_a_contest_by_field(council):
    api = api_as(council)
    response = api.post("/api/v1/contests/", {**CONTEST, "application_closes_at": "2027-03-01T18:00:00+09:00",
                                              "document_review_starts_on": "2027-02-01"}, format="json")
    assert response.status_code == 400
    assert "after the window opens" in response.json()["application_closes_at"][0]
    api.post("/api/v1/contests/", CONTEST, format="json")
    again = api.post("/api/v1/contests/", CONTEST, format="json")
    assert again.status_code == 400 and Contest.objects.count() == 1


def test_a_change_names_only_what_changes_and_says_why(council):
    contest = make_contest()
    api = api_as(council)
    url = f"/api/v1/contests/{contest.pk}/"
    assert api.patch(url, {"target_task_count": 25}, format="json").status_code == 400  # no reason
    response = api.patch(url, {"target_task_count": 25, "reason": "예산 조정"}, format="json")
    assert response.status_code == 200, response.content
    contest.refresh_from_db()
    assert contest.target_task_count == 25 and contest.accepted_designation_kinds.count() == 3
    entry = history_of(contest).get(action="contest.updated")
    assert entry.reason == "예산 조정" and set(entry.changes) == {"target_task_count"}


def test_announcement_files_are_checked_published_read_and_removed_with_a_reason(council):
    contest = make_contest()
    api = api_as(council)
    files = f"/api/v1/contests/{contest.pk}/files/"
    fake = api.post(files, {"title": "공고문", "file": upload("공고문.pdf", b"not a pdf")}, format="multipart")
    assert fake.status_code == 400 and "file" in fake.json()
    added = api.post(files, {"title": "공고문", "file": upload("공고문.pdf", pdf())}, format="multipart")
    assert added.status_code == 201, added.content
    official = api_as(make_user(Role.LOCAL_OFFICIAL))
    assert [row["title"] for row in official.get(files).json()] == ["공고문"]
    download = official.get(f"{files}{added.json()['id']}/download/")
    assert download.status_code == 200 and b"".join(download.streaming_content) == pdf()
    assert official.post(f"{files}{added.json()['id']}/remove/", {"reason": "x"}, format="json").status_code == 403
    assert api.post(f"{files}{added.json()['id']}/remove/", {}, format="json").status_code == 400
    assert api.post(f"{files}{added.json()['id']}/remove/", {"reason": "개정 공고"},
                    format="json").status_code == 204
    assert official.get(files).json() == []
    assert history_of(contest).get(action="contest.attachment_removed").reason == "개정 공고"


@pytest.mark.parametrize("role", [Role.LOCAL_OFFICIAL, Role.PROVINCIAL_OFFICER, Role.REVIEWER, Role.MINISTRY_STAFF])
def test_nobody_else_creates_or_changes_a_contest(role):
    contest = make_contest()
    api = api_as(make_user(role))
    assert api.post("/api/v1/contests/", CONTEST, format="json").status_code == 403
    assert api.patch(f"/api/v1/contests/{contest.pk}/", {"year": 2030, "reason": "x"},
                     format="json").status_code == 403
    assert Contest.objects.count() == 1 and not history_of(contest).exists()
