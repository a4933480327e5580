"""Every role against every review page it must not reach: 403 (or 404 for another reviewer's assignment),
a sign-in redirect for anonymous users, and no reviewer's name or score in what is returned."""
import pytest
from django.urls import reverse

from accounts.roles import Role
from reviews.models import Assignment, AssignmentStatus, ScoreSheet
from tests.factories import make_user
from tests.reviews.builders import make_panel, make_reviewer, make_rubric, submitted_sheet, totals

pytestmark = pytest.mark.usefixtures("registry", "english")

REVIEWER_NAME = "비밀평가"


@pytest.fixture
def review():
    panel = make_panel(codes=["48870"])
    make_rubric(panel.contest)
    proposal = panel.proposals.get()
    secret = make_reviewer(affiliation="비공개연구원")
    secret.user.last_name, secret.user.first_name = "비밀", "평가"
    secret.user.save()
    sheet = submitted_sheet(panel, proposal, totals(77)[0], reviewer=secret)
    chair = make_reviewer()
    panel.members.add(chair)
    panel.chair = chair
    panel.save()
    return {"panel": panel, "proposal": proposal, "sheet": sheet, "assignment": sheet.assignment,
            "chair": chair}


def council_urls(review) -> list[tuple[str, str]]:
    panel, sheet = review["panel"], review["sheet"]
    return [("get", reverse("reviews:pool")),
            ("get", reverse("reviews:contest-review", args=[panel.contest_id])),
            ("get", reverse("reviews:panel-create", args=[panel.contest_id])),
            ("post", reverse("reviews:panel-create", args=[panel.contest_id])),
            ("get", reverse("reviews:panel-detail", args=[panel.pk])),
            ("post", reverse("reviews:panel-add-proposals", args=[panel.pk])),
            ("post", reverse("reviews:panel-assign", args=[panel.pk])),
            ("post", reverse("reviews:panel-assign-auto", args=[panel.pk])),
            ("post", reverse("reviews:panel-deadline", args=[panel.pk])),
            ("post", reverse("reviews:panel-slot", args=[panel.pk])),
            ("get", reverse("reviews:panel-schedule", args=[panel.pk])),
            ("get", reverse("reviews:sheet-detail", args=[sheet.pk])),
            ("post", reverse("reviews:sheet-detail", args=[sheet.pk]))]


def results_urls(review) -> list[tuple[str, str]]:
    panel = review["panel"]
    return [("get", reverse("reviews:panel-results", args=[panel.pk])),
            ("get", reverse("reviews:panel-results-export", args=[panel.pk])),
            ("post", reverse("reviews:panel-sign-off", args=[panel.pk]))]


def assignment_urls(review) -> list[tuple[str, str]]:
    pk = review["assignment"].pk
    return [("get", reverse("reviews:assignment-detail", args=[pk])),
            ("post", reverse("reviews:assignment-pledge", args=[pk])),
            ("post", reverse("reviews:assignment-conflict", args=[pk])),
            ("post", reverse("reviews:assignment-sheet", args=[pk]))]


def request(client, method, url):
    return getattr(client, method)(url, {"reason": "x", "due_at": "2025-10-24T18:00"})


OUTSIDERS = ["local_official", "provincial_officer", "ministry_staff", "other_reviewer"]


def outsider(who: str):
    if who == "other_reviewer":
        return make_reviewer().user
    return make_user(who)


@pytest.mark.parametrize("who", OUTSIDERS)
def test_nobody_but_the_council_reaches_the_council_pages(client, review, who):
    client.force_login(outsider(who))
    for method, url in council_urls(review):
        response = request(client, method, url)
        assert response.status_code == 403, (who, method, url)
        assert REVIEWER_NAME not in response.content.decode()
    assert review["sheet"].status == "submitted" and Assignment.objects.count() == 1


@pytest.mark.parametrize("who", OUTSIDERS)
def test_nobody_but_the_council_and_the_chair_sees_the_ranking(client, review, who):
    client.force_login(outsider(who))
    for method, url in results_urls(review):
        assert request(client, method, url).status_code == 403, (who, url)
    review["panel"].refresh_from_db()
    assert review["panel"].signed_off_at is None


def test_another_reviewer_finds_no_such_assignment_and_other_roles_are_refused(client, review):
    client.force_login(make_reviewer().user)
    for method, url in assignment_urls(review):
        assert request(client, method, url).status_code == 404, url
    for who in ("local_official", "provincial_officer", "ministry_staff", "council_staff"):
        client.force_login(make_user(who))
        assert client.get(reverse("reviews:assignment-list")).status_code == 403, who
        for method, url in assignment_urls(review):
            assert request(client, method, url).status_code == 403, (who, url)
    assert Assignment.objects.get().status == AssignmentStatus.CONFIRMED


def test_anonymous_users_are_sent_to_sign_in(client, review):
    for method, url in council_urls(review) + results_urls(review) + assignment_urls(review):
        response = request(client, method, url)
        assert response.status_code == 302 and "/accounts/login/" in response.url, url


def test_the_chair_sees_the_ranking_but_not_the_sheets_nor_who_scores_apart(client, review):
    client.force_login(review["chair"].user)
    page = client.get(reverse("reviews:panel-results", args=[review["panel"].pk])).content.decode()
    assert "77.00" in page and REVIEWER_NAME not in page and 'id="deviations"' not in page
    assert client.get(reverse("reviews:sheet-detail", args=[review["sheet"].pk])).status_code == 403


def test_a_reviewer_lists_only_his_own_assignments(client, review):
    other = make_reviewer()
    client.force_login(other.user)
    assert review["proposal"].title not in client.get(reverse("reviews:assignment-list")).content.decode()
    client.force_login(review["assignment"].reviewer.user)
    assert review["proposal"].title in client.get(reverse("reviews:assignment-list")).content.decode()


def test_applicants_never_see_who_reviewed_them(client, review):
    client.force_login(make_user(Role.LOCAL_OFFICIAL))  # Hamyang-gun, the applicant
    page = client.get(reverse("applications:proposal-detail", args=[review["proposal"].pk])).content.decode()
    assert review["proposal"].title in page
    assert REVIEWER_NAME not in page and "비공개연구원" not in page


def test_the_council_reaches_every_page(client, review):
    client.force_login(make_user(Role.COUNCIL_STAFF))
    for method, url in council_urls(review) + results_urls(review)[:2]:
        if method == "get":
            assert client.get(url).status_code == 200, url
    sheet_page = client.get(reverse("reviews:sheet-detail", args=[review["sheet"].pk])).content.decode()
    assert REVIEWER_NAME in sheet_page  # what the others must not see is really there for the council
    assert ScoreSheet.objects.get().status == "submitted"
