"""Only what can be done is offered: a closed round shows closed and takes no new draft (page, API and
service), an open one counts down to its deadline, and a proposal cannot be withdrawn once the deadline
has passed and the review begun."""
from datetime import datetime, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from applications.models import SEOUL, Proposal
from applications.services import SubmissionRefused, create_proposal, submit_proposal
from applications.window import WindowState, window_of
from tests.applications.test_proposal_services import SECTIONS
from tests.factories import api_as, complete_sections, make_contest

pytestmark = pytest.mark.usefixtures("registry", "english")
OPENS = datetime(2026, 9, 1, 9, 0, tzinfo=SEOUL)
CLOSES = datetime(2026, 9, 30, 18, 0, tzinfo=SEOUL)


@pytest.fixture
def closed_contest():
    return make_contest(opens=OPENS, closes=CLOSES)


def test_the_window_counts_down_in_korean_days():
    contest = make_contest(opens=OPENS, closes=CLOSES)
    assert window_of(contest, OPENS - timedelta(minutes=1)).is_upcoming
    assert window_of(contest, datetime(2026, 9, 27, 23, 59, tzinfo=SEOUL)).countdown == "D-3"
    # 00:30 KST on the last day is still the previous day in UTC: the countdown follows Korea's calendar
    assert window_of(contest, datetime(2026, 9, 30, 0, 30, tzinfo=SEOUL)).countdown == "D-day"
    assert window_of(contest, CLOSES).is_open
    closed = window_of(contest, CLOSES + timedelta(seconds=1))
    assert closed.state == WindowState.CLOSED and closed.countdown == ""


def test_no_draft_is_started_after_the_deadline_by_any_door(client, official, closed_contest):
    with pytest.raises(SubmissionRefused, match="no new proposal can be started"):
        create_proposal(actor=official, contest=closed_contest, values=SECTIONS, now=CLOSES + timedelta(days=60),
                        lead_local_government=official.local_government)
    client.force_login(official)
    page = client.get(f"{reverse('applications:proposal-create')}?contest={closed_contest.pk}", follow=True)
    assert "no new proposal can be started" in page.content.decode()
    client.post(reverse("applications:proposal-create"), {"contest": closed_contest.pk, **SECTIONS})
    answer = api_as(official).post("/api/v1/proposals/", {"contest": closed_contest.pk, **SECTIONS}, format="json")
    assert answer.status_code == 400 and "no new proposal can be started" in str(answer.data)
    assert not Proposal.objects.exists()


def test_the_proposals_page_offers_only_open_rounds_with_their_countdown(client, official, closed_contest):
    now = timezone.localtime()
    # the deadline's KST date is three days ahead whatever the hour (now + 3 days 1 hour is D-4 after 23:00 KST)
    closes = (now + timedelta(days=3)).replace(hour=23, minute=59, second=59)
    open_contest = make_contest(opens=now - timedelta(days=1), closes=closes, year=2027)
    client.force_login(official)
    body = client.get(reverse("applications:proposal-list")).content.decode()
    assert f"?contest={open_contest.pk}" in body and f"?contest={closed_contest.pk}" not in body
    assert "D-3" in body


def test_withdrawal_is_offered_only_until_the_deadline(client, official, draft):
    complete_sections(draft, official)
    submit_proposal(actor=official, proposal=draft)
    client.force_login(official)
    detail = reverse("applications:proposal-detail", args=[draft.pk])
    assert client.get(detail).context["can_withdraw"]
    draft.contest.application_closes_at = timezone.now() - timedelta(minutes=1)
    draft.contest.save()
    page = client.get(detail)
    assert not page.context["can_withdraw"]
    assert reverse("applications:proposal-withdraw", args=[draft.pk]) not in page.content.decode()
    refused = api_as(official).post(f"/api/v1/proposals/{draft.pk}/withdraw/", {"reason": "철회"}, format="json")
    assert refused.status_code == 403
