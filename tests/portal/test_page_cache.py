"""Pages kept per reader until the next write (core.page_cache): a page read again comes without rendering,
yet nobody ever sees a page from before a write that has committed, nor anyone else's page.

The test settings turn the cache off (a test's writes never commit); here it is on, and a write commits the
way the portal's would: ``django_capture_on_commit_callbacks(execute=True)`` runs what a commit runs."""
from unittest import mock

import pytest
from django.conf import settings
from django.db import connection
from django.test import Client
from django.urls import reverse
from rest_framework.test import APIClient

from accounts.roles import Role
from accounts.tokens import issue_token
from applications.models import Contest
from notifications.models import Notification
from portal.scale.pages import QueryCounter
from tests.factories import make_contest, make_open_contest, make_outsider, make_user

pytestmark = pytest.mark.usefixtures("registry", "english")

NOTIFICATIONS = reverse("notifications:list")
# What a kept page costs: the session and the user, as the floor of the benchmark.
KEPT_PAGE_QUERIES = 2


@pytest.fixture(autouse=True)
def page_cache(settings):
    settings.PAGE_CACHE_SECONDS = 60


def notify(user, subject: str) -> Notification:
    return Notification.objects.create(recipient=user, event="test", key=subject, subject=subject, body=subject)


def signed_in(user) -> Client:
    """A browser signed in as ``user`` that has opened one page, so it holds its CSRF cookie as browsers do."""
    client = Client()
    client.force_login(user)
    client.get(NOTIFICATIONS)
    assert settings.CSRF_COOKIE_NAME in client.cookies
    return client


@pytest.fixture
def council():
    return make_user(Role.COUNCIL_STAFF, language="en")


def test_a_page_read_again_is_served_without_rendering(council, django_assert_max_num_queries):
    notify(council, "Round 2025 opened")
    browser = signed_in(council)
    first = browser.get(NOTIFICATIONS)
    with django_assert_max_num_queries(KEPT_PAGE_QUERIES):
        again = browser.get(NOTIFICATIONS)
    assert again.status_code == 200
    assert "Round 2025 opened" in again.content.decode()
    assert again.content == first.content
    assert again["X-Page-Cache"] == "hit"


def test_a_committed_write_shows_on_the_next_read(council, django_capture_on_commit_callbacks):
    browser = signed_in(council)
    assert "Scores are due" not in browser.get(NOTIFICATIONS).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        notify(council, "Scores are due")
    assert "Scores are due" in browser.get(NOTIFICATIONS).content.decode()


def test_a_bulk_update_shows_too(council, django_capture_on_commit_callbacks):
    """``update()`` sends no signal; the page still follows it."""
    contest = make_contest()
    browser = signed_in(council)
    assert contest.name_en in browser.get(reverse("applications:contest-list")).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        Contest.objects.filter(pk=contest.pk).update(name_en="2025 Collaboration Project (renamed)")
    assert "(renamed)" in browser.get(reverse("applications:contest-list")).content.decode()


def test_an_uncommitted_write_is_not_announced(council, django_capture_on_commit_callbacks):
    """Until the write commits, others go on reading the page as it stands (and it stays kept)."""
    notify(council, "Round 2025 opened")
    browser = signed_in(council)
    browser.get(NOTIFICATIONS)
    with django_capture_on_commit_callbacks(execute=False) as pending:
        notify(council, "Not yet committed")
    assert pending, "the write asked to move the version on at its commit"
    assert browser.get(NOTIFICATIONS)["X-Page-Cache"] == "hit"


def test_a_write_through_the_portal_shows_at_once(council, django_capture_on_commit_callbacks):
    notify(council, "Round 2025 opened")
    browser = signed_in(council)
    assert "1 unread" in browser.get(NOTIFICATIONS).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        browser.post(reverse("notifications:read-all"))
    assert "1 unread" not in browser.get(NOTIFICATIONS).content.decode()


def test_each_reader_gets_his_own_page(council):
    notify(council, "For the council clerk only")
    other = make_user(Role.COUNCIL_STAFF, language="en")
    notify(other, "For the other clerk only")
    first, second = signed_in(council), signed_in(other)
    for _ in range(2):
        mine, theirs = first.get(NOTIFICATIONS).content.decode(), second.get(NOTIFICATIONS).content.decode()
        assert "For the council clerk only" in mine and "For the other clerk only" not in mine
        assert "For the other clerk only" in theirs and "For the council clerk only" not in theirs


def test_the_language_chosen_is_the_language_served(council):
    browser = signed_in(council)
    assert "Notifications" in browser.get(NOTIFICATIONS).content.decode()
    browser.cookies[settings.LANGUAGE_COOKIE_NAME] = "ko"
    assert "알림" in browser.get(NOTIFICATIONS).content.decode()
    browser.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    assert "Notifications" in browser.get(NOTIFICATIONS).content.decode()


def test_a_message_is_shown_once_and_never_kept(django_capture_on_commit_callbacks):
    official = make_user(Role.LOCAL_OFFICIAL, language="en")
    contest = make_open_contest()
    browser = signed_in(official)
    with django_capture_on_commit_callbacks(execute=True):
        created = browser.post(reverse("applications:proposal-create") + f"?contest={contest.pk}",
                               {"contest": contest.pk, "title": "산삼 항노화"})
    detail = created.url
    assert "The draft was saved." in browser.get(detail).content.decode()
    assert "The draft was saved." not in browser.get(detail).content.decode()
    kept = browser.get(detail)
    assert kept["X-Page-Cache"] == "hit"
    assert "산삼 항노화" in kept.content.decode() and "The draft was saved." not in kept.content.decode()


def test_a_kept_form_still_takes_its_csrf_token(council, django_capture_on_commit_callbacks):
    notify(council, "Round 2025 opened")
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(council)
    browser.get(NOTIFICATIONS)
    browser.get(NOTIFICATIONS)
    kept = browser.get(NOTIFICATIONS)
    assert kept["X-Page-Cache"] == "hit"
    token = kept.content.decode().split('name="csrfmiddlewaretoken" value="', 1)[1].split('"', 1)[0]
    with django_capture_on_commit_callbacks(execute=True):
        response = browser.post(reverse("notifications:read-all"), {"csrfmiddlewaretoken": token})
    assert response.status_code == 302
    assert not Notification.objects.filter(recipient=council, read_at__isnull=True).exists()


def test_api_tokens_are_readers_of_their_own():
    official = make_user(Role.LOCAL_OFFICIAL, language="en")
    outsider = make_outsider("other_official")
    mine, theirs = APIClient(), APIClient()
    mine.credentials(HTTP_AUTHORIZATION=f"Token {issue_token(official)[1]}")
    theirs.credentials(HTTP_AUTHORIZATION=f"Token {issue_token(outsider)[1]}")
    notify(official, "Hamyang only")
    url = "/api/v1/notifications/"
    for _ in range(2):
        assert "Hamyang only" in mine.get(url).content.decode()
        assert "Hamyang only" not in theirs.get(url).content.decode()
    forged = APIClient()
    forged.credentials(HTTP_AUTHORIZATION="Token not-a-token")
    for _ in range(2):  # refused each time: only a 200 is kept
        refused = forged.get(url)
        assert refused.status_code in {401, 403} and "Hamyang only" not in refused.content.decode()


def test_a_kept_answer_is_never_served_to_a_token_past_its_expiry():
    """A token's expiry is the clock, not a write: its answer is kept no longer than the token lives."""
    from datetime import timedelta

    import time_machine
    from django.utils import timezone

    official = make_user(Role.LOCAL_OFFICIAL, language="en")
    token, secret = issue_token(official)
    # 20 seconds to live, then the clock moved just past them (still well inside the cache's 60): a slow machine
    # cannot let it expire before the first read.
    expiry = timezone.now() + timedelta(seconds=20)
    type(token).objects.filter(pk=token.pk).update(expiry=expiry)
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {secret}")
    notify(official, "Hamyang only")
    assert client.get("/api/v1/notifications/").status_code == 200
    with time_machine.travel(expiry + timedelta(seconds=1), tick=True):
        expired = client.get("/api/v1/notifications/")
    assert expired.status_code in {401, 403} and "Hamyang only" not in expired.content.decode()


def test_the_api_answers_in_the_format_asked(council):
    browser = signed_in(council)
    url = "/api/v1/provinces/"
    for _ in range(2):
        assert browser.get(url, HTTP_ACCEPT="application/json")["Content-Type"] == "application/json"
        assert browser.get(url, HTTP_ACCEPT="text/html")["Content-Type"].startswith("text/html")


def test_a_cache_that_is_down_only_costs_the_rendering(council):
    notify(council, "Round 2025 opened")
    browser = signed_in(council)
    with mock.patch("core.page_cache.cache.get_many", side_effect=ConnectionError("redis is down")):
        response = browser.get(NOTIFICATIONS)
    assert response.status_code == 200
    assert "Round 2025 opened" in response.content.decode()


def test_off_it_renders_every_time(council, settings):
    settings.PAGE_CACHE_SECONDS = 0
    browser = signed_in(council)
    browser.get(NOTIFICATIONS)
    counter = QueryCounter()
    with connection.execute_wrapper(counter):
        response = browser.get(NOTIFICATIONS)
    assert counter.count > KEPT_PAGE_QUERIES
    assert "X-Page-Cache" not in response


@pytest.mark.django_db(transaction=True)
def test_a_write_outside_any_request_moves_the_version(registry):
    """A management command, a Celery task or the shell writes in autocommit: the version moves at once,
    for ``update()`` as for ``save()``."""
    from core.data_version import current_data_version

    council = make_user(Role.COUNCIL_STAFF, language="en")
    notification = notify(council, "Round 2025 opened")
    before = current_data_version()
    Notification.objects.filter(pk=notification.pk).update(subject="Round 2025 opened (corrected)")
    after_update = current_data_version()
    assert after_update > before
    notify(council, "Scores are due")
    assert current_data_version() > after_update
