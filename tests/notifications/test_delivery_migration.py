"""Notifications written before the channels keep what happened to them: the migrations turn each into an
in-portal delivery and its e-mail state (sent with its attempts, pending in the outbox, begun and never
confirmed, never wanted) into an e-mail delivery; migrating back restores ``emailed_at`` and its attempts."""
from datetime import datetime

import pytest
from django.utils import timezone

from accounts.roles import Role
from notifications.models import Delivery
from outbox.models import PendingWork
from tests.factories import make_user
from tests.migrations import latest, migrate_to

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.migration, pytest.mark.usefixtures("registry")]

BEFORE = [("notifications", "0002_notification_email_attempts")]




def test_e_mail_dates_and_attempts_become_deliveries_and_come_back():
    official = make_user(Role.LOCAL_OFFICIAL)
    old = migrate_to(BEFORE)
    Notification = old.get_model("notifications", "Notification")
    sent_at = timezone.make_aware(datetime(2026, 3, 2, 9, 30))

    def write(key: str, **fields):
        return Notification.objects.create(recipient_id=official.pk, event="proposal.submitted", key=key,
                                           subject=key, body="", **fields)

    write("sent", emailed_at=sent_at, email_attempts=1)
    write("resent", emailed_at=sent_at, email_attempts=2)
    write("begun", email_attempts=1)
    waiting, never = write("waiting"), write("never")
    work = PendingWork.objects.create(key=f"email:{waiting.pk}", task="notifications.tasks.task_email",
                                      args=[waiting.pk])
    PendingWork.objects.create(key=f"email:{never.pk}", task="notifications.tasks.task_email", args=[never.pk],
                               done_at=sent_at)  # its task found no address: done, nothing sent
    try:
        migrate_to(latest())
        email = {d.notification.key: d for d in Delivery.objects.filter(channel="email").select_related(
            "notification")}
        assert {key: (d.status, d.attempts, d.delivered_at) for key, d in email.items()} == {
            "sent": ("delivered", 1, sent_at), "resent": ("delivered", 2, sent_at),
            "waiting": ("pending", 0, None), "begun": ("failed", 1, None)}
        assert "never confirmed" in email["begun"].last_error
        assert Delivery.objects.filter(channel="in_app", status="delivered").count() == 5
        work.refresh_from_db()
        pending = email["waiting"].pk
        assert (work.task, work.args, work.key) == ("notifications.tasks.task_send", [pending], f"send:{pending}")

        back = migrate_to(BEFORE).get_model("notifications", "Notification")
        restored = {n.key: (n.emailed_at, n.email_attempts) for n in back.objects.all()}
        assert restored == {"sent": (sent_at, 1), "resent": (sent_at, 2), "waiting": (None, 0), "begun": (None, 1),
                            "never": (None, 0)}
        work.refresh_from_db()
        assert (work.task, work.args, work.key) == ("notifications.tasks.task_email", [waiting.pk],
                                                    f"email:{waiting.pk}")
    finally:
        migrate_to(latest())
