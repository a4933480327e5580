"""A notification reads in the reader's language: written once per recipient with its text in every
language of the portal, shown on the notification centre and the API in the language chosen in the header
(whoever it was written for), e-mailed in the recipient's preferred language; written before that, a row
keeps its text as its recipient's language version."""
from datetime import timedelta

import pytest
from django.conf import settings
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from accounts.roles import Role
from notifications.models import Delivery, Notification
from notifications.services import deliver
from notifications.tasks import task_send
from tests.factories import make_user
from tests.migrations import latest, migrate_to
from tests.reviews.builders import make_panel

pytestmark = pytest.mark.django_db

ENGLISH_SUBJECT, KOREAN_SUBJECT = "Correction requested for receipt 2025-0001", "접수번호 2025-0001 보완 요청"


@pytest.fixture
def proposal():
    proposal = make_panel(codes=["48870"], members=1).proposals.get()
    proposal.receipt_number, proposal.correction_reason = "2025-0001", "예산표 보완"
    proposal.correction_due_at = timezone.now() + timedelta(days=3)
    proposal.save()
    return proposal


def read_in(client, user, language: str, path: str):
    client.force_login(user)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    return client.get(path)


def test_a_korean_users_notification_reads_in_the_language_he_switches_to_on_the_page_and_the_api(
        client, proposal):
    korean = make_user(Role.LOCAL_OFFICIAL, language="ko")
    deliver("proposal.correction_requested", proposal.pk, "entry-1")
    notification = Notification.objects.get(recipient=korean)
    assert (notification.subject, set(notification.texts)) == (KOREAN_SUBJECT, {"ko", "en"})

    english_page = read_in(client, korean, "en", "/notifications/").content.decode()
    assert ENGLISH_SUBJECT in english_page and 'The council asks for a correction of' in english_page
    assert KOREAN_SUBJECT not in english_page and "보완을 요청" not in english_page
    korean_page = read_in(client, korean, "ko", "/notifications/").content.decode()
    assert KOREAN_SUBJECT in korean_page and ENGLISH_SUBJECT not in korean_page

    english_api = read_in(client, korean, "en", "/api/v1/notifications/").json()["results"]
    assert [(row["subject"], "예산표 보완" in row["body"]) for row in english_api] == [(ENGLISH_SUBJECT, True)]
    assert english_api[0]["body"].startswith("The council asks")
    korean_api = read_in(client, korean, "ko", "/api/v1/notifications/").json()["results"]
    assert [row["subject"] for row in korean_api] == [KOREAN_SUBJECT]
    one = read_in(client, korean, "en", f"/api/v1/notifications/{notification.pk}/").json()
    assert one["subject"] == ENGLISH_SUBJECT


def test_the_e_mail_goes_in_the_recipients_preferred_language_when_it_leaves(proposal):
    english, korean = make_user(Role.LOCAL_OFFICIAL, language="en"), make_user(Role.LOCAL_OFFICIAL, language="ko")
    changed_mind = make_user(Role.LOCAL_OFFICIAL, language="ko")
    deliver("proposal.correction_requested", proposal.pk, "entry-1")
    changed_mind.language = "en"  # chose English between the notification and its e-mail
    changed_mind.save(update_fields=["language"])
    for delivery in Delivery.objects.filter(channel="email"):
        task_send.run(delivery.pk)
    by_address = {message.to[0]: message for message in mail.outbox}
    assert by_address[english.email].subject == ENGLISH_SUBJECT
    assert by_address[changed_mind.email].subject == ENGLISH_SUBJECT
    assert by_address[korean.email].subject == KOREAN_SUBJECT
    assert "The council asks" in by_address[english.email].body
    assert "The council asks" not in by_address[korean.email].body and "예산표 보완" in by_address[korean.email].body


def test_the_page_and_the_api_read_as_many_queries_at_one_row_as_at_three(client, proposal):
    korean = make_user(Role.LOCAL_OFFICIAL, language="ko")
    client.force_login(korean)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    counts = []
    for occasions in (["entry-1"], ["entry-2", "entry-3"]):
        for occasion in occasions:
            deliver("proposal.correction_requested", proposal.pk, occasion)
        with CaptureQueriesContext(connection) as page:
            assert client.get("/notifications/").content.decode().count(ENGLISH_SUBJECT) == len(counts) * 2 + 1
        with CaptureQueriesContext(connection) as api:
            client.get("/api/v1/notifications/")
        counts.append((len(page), len(api)))
    assert counts[0] == counts[1]


@pytest.mark.django_db(transaction=True)
@pytest.mark.migration
@pytest.mark.usefixtures("registry")
def test_a_notification_written_before_keeps_its_text_as_its_recipients_language_version():
    english, korean = make_user(Role.LOCAL_OFFICIAL, language="en"), make_user(Role.LOCAL_OFFICIAL, language="ko")
    old = migrate_to([("notifications", "0005_remove_notification_emailed_at")])
    Old = old.get_model("notifications", "Notification")
    Old.objects.create(recipient_id=english.pk, event="proposal.submitted", key="a", subject="Received", body="b")
    Old.objects.create(recipient_id=korean.pk, event="proposal.submitted", key="a", subject="접수", body="본문")
    migrate_to(latest())
    written = {row.recipient_id: row for row in Notification.objects.all()}
    assert written[english.pk].texts == {"en": {"subject": "Received", "body": "b"}}
    assert written[korean.pk].texts == {"ko": {"subject": "접수", "body": "본문"}}
    assert written[korean.pk].text_in("en").subject == "접수"  # nothing to translate it from: kept as written
