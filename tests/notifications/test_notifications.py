"""Notifications: each at most once per event and recipient even when delivery is retried, in the
recipient's language, in the navigation until read, and sent for the review's events."""
from datetime import timedelta
from smtplib import SMTPException

import pytest
from django.core import mail
from django.core.mail import EmailMessage
from django.urls import reverse
from django.utils import timezone

from accounts.roles import Role
from notifications.models import Delivery, DeliveryStatus, Notification
from notifications.sending import DeliveryDeferred
from notifications.services import deliver
from notifications.tasks import task_send
from outbox.models import PendingWork
from reviews.models import Assignment, AssignmentStatus
from reviews.reminders import send_scoring_reminders
from reviews.services import assign_reviewer, schedule_presentation
from tests.factories import make_user
from tests.reviews.builders import make_panel, make_reviewer, make_rubric, submitted_sheet, totals

pytestmark = pytest.mark.django_db


@pytest.fixture
def proposal():
    return make_panel(codes=["48870"], members=3).proposals.get()


@pytest.fixture
def officials(proposal):
    """Hamyang-gun's officials: two more, one reading English and one Korean, beside the proposal's author."""
    english, korean = make_user(Role.LOCAL_OFFICIAL, language="en"), make_user(Role.LOCAL_OFFICIAL, language="ko")
    return [english, korean, proposal.created_by]


def test_a_fan_out_is_one_e_mail_task_per_recipient_and_a_retry_sends_each_once(proposal, officials,
                                                                                  monkeypatch):
    assert deliver("proposal.correction_requested", proposal.pk, "entry-1") == 3
    pending = PendingWork.objects.filter(task="notifications.tasks.task_send").order_by("pk")
    assert pending.count() == 3 and mail.outbox == []  # recorded with the notifications; sent by their tasks
    assert Delivery.objects.filter(channel="in_app", status=DeliveryStatus.DELIVERED).count() == 3  # seen already
    real_send, calls = EmailMessage.send, []

    def flaky_send(message, *args, **kwargs):
        calls.append(message.to[0])
        if len(calls) == 2:  # the mail server drops the second message
            raise SMTPException("451 try again later")
        return real_send(message, *args, **kwargs)

    monkeypatch.setattr(EmailMessage, "send", flaky_send)
    first, second, third = (work.args[0] for work in pending.all())
    assert task_send.run(first) is True
    with pytest.raises(DeliveryDeferred):  # what makes the task retry (autoretry_for, with backoff)
        task_send.run(second)
    assert Delivery.objects.get(pk=second).last_error == "SMTPException: 451 try again later"
    assert task_send.run(third) is True
    assert len(mail.outbox) == 2
    assert task_send.run(second) is True  # the retry sends only what did not go
    assert [task_send.run(pk) for pk in (first, second, third)] == [False, False, False]  # duplicates later
    assert sorted(message.to[0] for message in mail.outbox) == sorted(official.email for official in officials)
    assert len({message.extra_headers["Message-ID"] for message in mail.outbox}) == 3
    assert Notification.objects.count() == 3
    assert sorted(Delivery.objects.filter(channel="email").values_list("status", "attempts")) == [
        ("delivered", 1), ("delivered", 1), ("delivered", 2)]
    assert deliver("proposal.correction_requested", proposal.pk, "entry-1") == 0  # a duplicate delivery
    assert pending.count() == 3
    deliver("proposal.correction_requested", proposal.pk, "entry-2")  # a second request is a new occasion
    assert pending.count() == 6
    assert DeliveryDeferred in task_send.autoretry_for and task_send.retry_backoff
    officials[0].email = ""  # an address removed before its e-mail went: failed, not retried
    officials[0].save()
    left = Delivery.objects.get(notification__recipient=officials[0], notification__key__endswith=":entry-2",
                                channel="email")
    assert task_send.run(left.pk) is False
    left.refresh_from_db()
    assert (left.status, left.last_error) == ("failed", "DeliveryRefused: The recipient has no e-mail address.")


def test_each_recipient_reads_it_in_his_own_language(proposal, officials):
    proposal.receipt_number, proposal.correction_reason = "2025-0001", "예산표 보완"
    proposal.correction_due_at = timezone.now() + timedelta(days=3)
    proposal.save()
    deliver("proposal.correction_requested", proposal.pk, "entry-1")
    english, korean = (Notification.objects.get(recipient=official) for official in officials[:2])
    assert english.subject == "Correction requested for receipt 2025-0001"
    assert korean.subject == "접수번호 2025-0001 보완 요청"
    assert "예산표 보완" in english.body and "예산표 보완" in korean.body
    assert english.link == reverse("applications:proposal-detail", args=[proposal.pk])


def test_reminders_go_only_to_reviewers_who_owe_sheets_and_once_a_day(celery_eager,
                                                                        django_capture_on_commit_callbacks):
    panel = make_panel(codes=["48870", "12720"], members=0)
    make_rubric(panel.contest)
    first, second = panel.proposals.order_by("receipt_number")
    owes, done, recused = make_reviewer(), make_reviewer(), make_reviewer()
    due = timezone.now() + timedelta(days=2)
    Assignment.objects.create(panel=panel, proposal=first, reviewer=owes, assigned_by=owes.user, due_at=due)
    Assignment.objects.create(panel=panel, proposal=second, reviewer=owes, assigned_by=owes.user, due_at=due)
    submitted_sheet(panel, first, totals(80)[0], reviewer=done)
    Assignment.objects.filter(reviewer=done).update(due_at=due)
    Assignment.objects.create(panel=panel, proposal=first, reviewer=recused, assigned_by=recused.user, due_at=due,
                              status=AssignmentStatus.RECUSED)
    beat = timezone.now()  # both runs on one day, even when the test starts just before midnight KST
    with django_capture_on_commit_callbacks(execute=True):
        assert send_scoring_reminders(now=beat) == 1
    with django_capture_on_commit_callbacks(execute=True):
        assert send_scoring_reminders(now=beat) == 1  # the beat fires twice: same day, same key
    reminder = Notification.objects.get()
    assert reminder.recipient == owes.user and "2 score sheets" in reminder.subject
    assert len(mail.outbox) == 1
    assert send_scoring_reminders(now=due + timedelta(minutes=1)) == 0  # past the deadline: no reminder


def test_assignment_and_presentation_slots_are_announced(proposal, officials, celery_eager,
                                                         django_capture_on_commit_callbacks):
    panel = proposal.panels.get()
    reviewer = panel.members.first()
    council = make_user(Role.COUNCIL_STAFF)
    with django_capture_on_commit_callbacks(execute=True):
        assign_reviewer(actor=council, panel=panel, proposal=proposal, reviewer=reviewer)
    assert Notification.objects.get(event="review.assigned").recipient == reviewer.user
    panel.stage = "presentation"
    panel.save()
    start = timezone.now() + timedelta(days=5)
    with django_capture_on_commit_callbacks(execute=True):
        schedule_presentation(actor=council, panel=panel, proposal=proposal, starts_at=start,
                              ends_at=start + timedelta(minutes=20), room="세종 중회의실")
    with django_capture_on_commit_callbacks(execute=True):
        schedule_presentation(actor=council, panel=panel, proposal=proposal, starts_at=start + timedelta(hours=1),
                              ends_at=start + timedelta(hours=1, minutes=20), room="세종 중회의실")
    heard = set(Notification.objects.filter(event="review.slot_scheduled").values_list("recipient", flat=True))
    assert heard == {official.pk for official in officials} | {reviewer.user_id}
    assert Notification.objects.filter(event="review.slot_moved").count() == 4


def test_the_navigation_counts_unread_and_opening_marks_read(client, proposal, officials):
    deliver("proposal.correction_requested", proposal.pk, "entry-1")
    official = officials[0]
    client.force_login(official)
    page = client.get(reverse("notifications:list")).content.decode()
    assert 'id="unread-count">1<' in page
    notification = Notification.objects.get(recipient=official)
    response = client.post(reverse("notifications:open", args=[notification.pk]))
    assert response.status_code == 302 and response.url == notification.link
    notification.refresh_from_db()
    assert notification.is_read
    assert 'id="unread-count"' not in client.get(reverse("notifications:list")).content.decode()


def test_nobody_opens_another_users_notification(client, proposal, officials):
    deliver("proposal.correction_requested", proposal.pk, "entry-1")
    theirs = Notification.objects.get(recipient=officials[1])
    client.force_login(officials[0])
    open_theirs = reverse("notifications:open", args=[theirs.pk])
    assert client.post(open_theirs).status_code == 404
    assert open_theirs not in client.get(reverse("notifications:list")).content.decode()
    client.post(reverse("notifications:read-all"))
    theirs.refresh_from_db()
    assert not theirs.is_read
