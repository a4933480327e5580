"""The broker unreachable: a write answers success with its change and audit entry saved, the page says the
follow-up work is pending, an operator lists it, and it is delivered once the broker returns (the sweep)."""
from datetime import timedelta
from io import StringIO

import pytest
from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from accounts.roles import Role
from applications.models import SEOUL, ProposalStatus
from applications.services import create_proposal, submit_proposal
from audit.models import AuditEntry
from notifications.channels import register_channel, unregister_channel
from notifications.models import Delivery, DeliveryStatus, Notification
from notifications.services import deliver
from outbox.models import PendingWork
from outbox.selectors import oldest_pending_age
from outbox.services import sweep
from selection.models import RunStatus, SelectionRun
from tests.applications.test_proposal_services import SECTIONS
from tests.factories import complete_sections, make_open_contest, make_user
from tests.notifications.test_channels import FakeSmsGateway
from tests.selection.builders import scored_contest

# Committed for real, as in production: the hand-over happens inside the request, when its write commits.
pytestmark = [pytest.mark.usefixtures("registry"), pytest.mark.django_db(transaction=True)]


@pytest.fixture
def submitted(celery_eager):
    official = make_user(Role.LOCAL_OFFICIAL, language="en")
    proposal = complete_sections(create_proposal(actor=official, contest=make_open_contest(), values=SECTIONS,
                                                 lead_local_government=official.local_government), official)
    submit_proposal(actor=official, proposal=proposal)
    mail.outbox.clear()
    return proposal


def test_a_correction_request_succeeds_with_the_broker_down_and_is_delivered_when_it_returns(
        client, submitted, broker_down):
    client.force_login(make_user(Role.COUNCIL_STAFF, language="en"))
    due = (timezone.now() + timedelta(days=3)).astimezone(SEOUL).strftime("%Y-%m-%dT%H:%M")
    response = client.post(reverse("applications:proposal-correction", args=[submitted.pk]),
                           {"reason": "Budget table incomplete", "due_at": due}, follow=True)
    assert response.status_code == 200
    submitted.refresh_from_db()
    assert submitted.status == ProposalStatus.CORRECTION_REQUESTED
    assert AuditEntry.objects.filter(action="proposal.correction_requested").count() == 1
    assert "Follow-up work (notifications, computations) is pending" in response.content.decode()
    work = PendingWork.objects.get(done_at=None)
    assert work.done_at is None and work.enqueued_at is None and "Error" in work.last_error
    assert oldest_pending_age() is not None
    listing = StringIO()
    call_command("pending_work", stdout=listing)
    assert f"notify:proposal.correction_requested:{submitted.pk}:" in listing.getvalue()
    assert not Notification.objects.filter(event="proposal.correction_requested").exists() and mail.outbox == []

    broker_down()  # the broker is back: the next sweep (Celery beat, every minute) hands the work over
    assert sweep()["handed_over"] == 1
    assert Notification.objects.filter(event="proposal.correction_requested").count() == 1
    assert [message.to for message in mail.outbox] == [[submitted.created_by.email]]
    assert not PendingWork.objects.filter(done_at=None).exists() and oldest_pending_age() is None
    assert sweep()["handed_over"] == 0  # nothing is delivered twice
    assert len(mail.outbox) == 1


def test_starting_a_selection_run_succeeds_with_the_broker_down_and_is_computed_when_it_returns(
        client, broker_down):
    contest, _proposals = scored_contest({"48870": ([80] * 3, [90] * 3), "12720": ([70] * 3, [75] * 3)}, target=1)
    client.force_login(make_user(Role.COUNCIL_STAFF, language="en"))
    response = client.post(reverse("selection:run-start", args=[contest.pk]), {"reason": ""}, follow=True)
    assert response.status_code == 200
    assert "Follow-up work (notifications, computations) is pending" in response.content.decode()
    run = SelectionRun.objects.get(contest=contest)
    assert run.status == RunStatus.QUEUED
    broker_down()
    sweep()
    run.refresh_from_db()
    assert run.status == RunStatus.COMPLETED and run.decisions.count() == 2


def test_deliveries_recorded_while_the_broker_is_down_go_through_every_channel_once_when_it_returns(
        submitted, broker_down):
    """The fan-out ran (a worker was up) but its sends could not be handed over: each recipient's delivery per
    channel waits in the outbox, and the sweep sends each once, whatever the channel."""
    gateway = register_channel(FakeSmsGateway())
    try:
        readers = [submitted.created_by, make_user(Role.LOCAL_OFFICIAL, language="ko"),
                   make_user(Role.LOCAL_OFFICIAL, language="ko")]
        assert deliver("proposal.correction_requested", submitted.pk, "broker-down") == 3 + 2
        sends = PendingWork.objects.filter(task="notifications.tasks.task_send", done_at=None)
        assert sends.count() == 5 and all(work.enqueued_at is None and work.last_error for work in sends)
        assert mail.outbox == [] and gateway.sent == []

        broker_down()
        assert sweep()["handed_over"] == 5
        texted = sorted(recipient for recipient, _subject in gateway.sent)
        assert texted == sorted(user.pk for user in readers if user.language == "ko")
        assert sorted(message.to[0] for message in mail.outbox) == sorted(user.email for user in readers)
        assert set(Delivery.objects.values_list("status", flat=True)) == {DeliveryStatus.DELIVERED}
        assert sweep()["handed_over"] == 0
        assert deliver("proposal.correction_requested", submitted.pk, "broker-down") == 0
        assert len(gateway.sent) == 2 and len(mail.outbox) == 3
    finally:
        unregister_channel(gateway.code)
