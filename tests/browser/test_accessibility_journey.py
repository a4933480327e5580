"""Each role's key pages at 1366×768 and 390×844: no serious or critical axe-core violation, no sideways
scroll of the page, and the unread count visible on a phone without opening the menu."""
import pytest

from accounts.roles import Role
from ministries.models import Ministry
from reviews.models import Assignment
from reviews.services import assign_automatically, sign_pledge
from tests.browser.accessibility import check_pages, require_axe
from tests.browser.conftest import sign_in
from tests.factories import make_user
from tests.reviews.builders import make_panel, make_rubric
from tests.tracking.builders import confirmed_tasks

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def round_done(django_capture_on_commit_callbacks, celery_eager):
    council = make_user(Role.COUNCIL_STAFF, language="ko")
    tasks = confirmed_tasks(council, django_capture_on_commit_callbacks)
    return council, tasks["48870"]


def test_the_council_and_the_official_pages_pass_axe_at_both_widths(page, browser, live_server, round_done):
    require_axe()
    council, hamyang = round_done
    proposal = hamyang.proposal
    run = proposal.selection_decisions.first().run
    sign_in(page, live_server, council)
    problems = check_pages(page, live_server, [
        "/", "/contests/", f"/contests/{proposal.contest_id}/proposals/", f"/proposals/{proposal.pk}/",
        f"/selection/runs/{run.pk}/", "/tracking/", f"/tracking/tasks/{hamyang.pk}/", "/tracking/dashboard/",
        "/notifications/", "/regions/"])
    official = make_user(Role.LOCAL_OFFICIAL, language="ko")
    context = browser.new_context(locale="ko-KR")
    other = context.new_page()
    sign_in(other, live_server, official)
    problems.update(check_pages(other, live_server, ["/", "/proposals/", f"/proposals/{proposal.pk}/",
                                                     f"/tracking/tasks/{hamyang.pk}/"]))
    other.set_viewport_size({"width": 390, "height": 844})
    other.goto(live_server.url + "/")
    bell_visible = other.locator("#notification-bell").is_visible()  # not hidden in the collapsed menu
    context.close()
    assert problems == {}
    assert bell_visible


def test_the_reviewer_and_the_ministry_pages_pass_axe_at_both_widths(page, browser, live_server):
    require_axe()
    panel = make_panel(members=3, per_proposal=3, codes=["48870"])
    make_rubric(panel.contest)
    assign_automatically(actor=make_user(Role.COUNCIL_STAFF), panel=panel)
    assignment = Assignment.objects.filter(panel=panel).order_by("reviewer_id").first()
    reviewer = assignment.reviewer.user
    sign_pledge(actor=reviewer, assignment=assignment)
    sign_in(page, live_server, reviewer)
    problems = check_pages(page, live_server, ["/", "/reviews/", f"/reviews/assignments/{assignment.pk}/"])
    moj = make_user(Role.MINISTRY_STAFF, ministry=Ministry.objects.get(code="MOJ"))
    context = browser.new_context(locale="ko-KR")
    other = context.new_page()
    sign_in(other, live_server, moj)
    problems.update(check_pages(other, live_server, ["/", "/tracking/"]))
    context.close()
    assert problems == {}
