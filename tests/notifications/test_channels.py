"""Channels are adapters: a channel registered in a test (an SMS gateway, as one would be added later, with
nothing changed outside the notifications app) gets its own delivery per recipient, sent once, retried by
its task and by the outbox's sweep; a refusal or a channel taken away fails its deliveries, nothing hangs."""
from datetime import timedelta

import pytest
from django.db import transaction
from django.utils import timezone

from accounts.roles import Role
from notifications.channels import Channel, DeliveryRefused, register_channel, unregister_channel
from notifications.models import Delivery, DeliveryStatus
from notifications.sending import DeliveryDeferred
from notifications.services import announce, deliver
from notifications.tasks import task_send
from outbox.models import PendingWork
from outbox.services import sweep
from tests.factories import make_user
from tests.reviews.builders import make_panel

pytestmark = pytest.mark.django_db


class GatewayBusy(Exception):
    """What the gateway's client raises for "503, try again later"."""


class FakeSmsGateway(Channel):
    """Texts officials who read Korean; fails the next tries for the recipients in ``busy_for``."""

    code = "sms"
    label = "SMS"
    transient_errors = (GatewayBusy,)
    max_attempts = 3

    def __init__(self):
        self.sent: list[tuple[int, str]] = []
        self.busy_for: dict[int, int] = {}
        self.refused: set[int] = set()

    def wants(self, notification) -> bool:
        return notification.recipient.language == "ko"

    def send(self, notification) -> None:
        recipient = notification.recipient_id
        if recipient in self.refused:
            raise DeliveryRefused("no such number")
        if self.busy_for.get(recipient):
            self.busy_for[recipient] -= 1
            raise GatewayBusy("503 busy")
        self.sent.append((recipient, notification.subject))


@pytest.fixture
def gateway():
    channel = register_channel(FakeSmsGateway())
    yield channel
    unregister_channel(channel.code)


@pytest.fixture
def proposal():
    return make_panel(codes=["48870"], members=1).proposals.get()


@pytest.fixture
def readers(proposal):
    """Hamyang-gun's officials: two reading Korean (texted), one reading English (not texted)."""
    proposal.created_by.language = "ko"
    proposal.created_by.save()
    return {"ko": [proposal.created_by, make_user(Role.LOCAL_OFFICIAL, language="ko")],
            "en": [make_user(Role.LOCAL_OFFICIAL, language="en")]}


def sms_deliveries():
    return Delivery.objects.filter(channel="sms").select_related("notification")


def test_a_registered_channel_carries_each_notification_once_beside_the_portal_and_e_mail(
        gateway, proposal, readers, celery_eager, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True), transaction.atomic():
        announce("proposal.correction_requested", proposal.pk, occasion="entry-1")
    assert sorted(recipient for recipient, _subject in gateway.sent) == sorted(user.pk for user in readers["ko"])
    texted = {delivery.notification.recipient_id: delivery for delivery in sms_deliveries()}
    assert set(texted) == {user.pk for user in readers["ko"]}
    assert all(delivery.status == DeliveryStatus.DELIVERED and delivery.delivered_at for delivery in texted.values())
    assert [delivery.attempts for delivery in texted.values()] == [1, 1]
    everyone = len(readers["ko"]) + len(readers["en"])
    assert Delivery.objects.filter(channel="in_app", status=DeliveryStatus.DELIVERED).count() == everyone
    assert Delivery.objects.filter(channel="email", status=DeliveryStatus.DELIVERED).count() == everyone

    with django_capture_on_commit_callbacks(execute=True), transaction.atomic():
        announce("proposal.correction_requested", proposal.pk, occasion="entry-1")  # delivered again
    assert len(gateway.sent) == 2 and sms_deliveries().count() == 2


def test_a_delivery_still_failing_after_its_task_waits_in_the_outbox_and_the_sweep_sends_it_once(
        gateway, proposal, readers, celery_eager):
    busy = readers["ko"][0]
    gateway.busy_for[busy.pk] = 1
    assert deliver("proposal.correction_requested", proposal.pk, "entry-1") == 3 + 2  # e-mails and texts
    delivery = sms_deliveries().get(notification__recipient=busy)
    work = PendingWork.objects.get(key=f"send:{delivery.pk}")
    with pytest.raises(DeliveryDeferred):  # what Celery retries with backoff (autoretry_for); say all failed
        task_send.run(delivery.pk)
    assert DeliveryDeferred in task_send.autoretry_for and task_send.retry_backoff
    delivery.refresh_from_db()
    assert (delivery.status, delivery.attempts, gateway.sent) == (DeliveryStatus.PENDING, 1, [])
    assert delivery.last_error == "GatewayBusy: 503 busy"
    assert PendingWork.objects.get(pk=work.pk).done_at is None

    assert sweep(now=timezone.now() + timedelta(hours=1))["handed_over"] == 5  # beat, a while later
    delivery.refresh_from_db()
    assert (delivery.status, delivery.attempts) == (DeliveryStatus.DELIVERED, 2)
    assert sorted(recipient for recipient, _subject in gateway.sent) == sorted(user.pk for user in readers["ko"])
    assert not PendingWork.objects.filter(done_at=None).exists()
    assert sweep(now=timezone.now() + timedelta(hours=2))["handed_over"] == 0
    assert len(gateway.sent) == 2


def test_a_refusal_or_too_many_tries_fail_a_delivery_and_a_channel_taken_away_fails_what_it_left(
        gateway, proposal, readers):
    refused, busy = readers["ko"]
    gateway.refused.add(refused.pk)
    gateway.busy_for[busy.pk] = 99
    deliver("proposal.correction_requested", proposal.pk, "entry-1")
    first, second = (sms_deliveries().get(notification__recipient=user).pk for user in readers["ko"])
    assert task_send.run(first) is False  # refused: failed at once, no retry
    for _try in range(2):
        with pytest.raises(DeliveryDeferred):
            task_send.run(second)
    assert task_send.run(second) is False  # the third try, still busy: max_attempts reached, failed
    assert sorted(sms_deliveries().values_list("status", "attempts", "last_error")) == [
        ("failed", 1, "DeliveryRefused: no such number"), ("failed", 3, "GatewayBusy: 503 busy")]
    assert gateway.sent == []

    deliver("proposal.correction_requested", proposal.pk, "entry-2")
    unregister_channel("sms")
    left = sms_deliveries().filter(status=DeliveryStatus.PENDING)
    assert left.count() == 2
    assert [task_send.run(delivery.pk) for delivery in left] == [False, False]
    assert set(sms_deliveries().filter(notification__key__endswith=":entry-2").values_list("status", flat=True)) == {
        DeliveryStatus.FAILED}
    register_channel(gateway)  # for the fixture's teardown

