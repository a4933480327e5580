"""Every irreversible step on a proposal asks first, saying what will happen (static/js/confirm.js reads
data-confirm; without it the button acts on one click)."""
import pytest
from django.urls import reverse

from accounts.roles import Role
from applications.services import submit_proposal
from tests.confirmations import confirmation_for
from tests.factories import complete_sections, make_user

pytestmark = pytest.mark.usefixtures("registry")


def test_submitting_asks_first_and_says_the_version_is_kept_as_filed(client, official, draft):
    complete_sections(draft, official)
    client.force_login(official)
    body = client.get(reverse("applications:proposal-detail", args=[draft.pk])).content.decode()
    message = confirmation_for(body, reverse("applications:proposal-submit", args=[draft.pk]))
    assert message and "cannot be changed" in message and "receipt number" in message
    assert 'id="confirm-dialog"' in body and "js/confirm.js" in body


def test_withdrawing_and_requesting_a_correction_ask_first(client, official, draft):
    complete_sections(draft, official)
    submit_proposal(actor=official, proposal=draft)
    client.force_login(official)
    body = client.get(reverse("applications:proposal-detail", args=[draft.pk])).content.decode()
    assert "cannot be undone" in confirmation_for(body, reverse("applications:proposal-withdraw", args=[draft.pk]))
    council = make_user(Role.COUNCIL_STAFF, language="en")
    client.force_login(council)
    body = client.get(reverse("applications:proposal-detail", args=[draft.pk])).content.decode()
    message = confirmation_for(body, reverse("applications:proposal-correction", args=[draft.pk]))
    assert message and "notified" in message


def test_removing_an_attachment_asks_first_naming_the_file(client, official, draft):
    complete_sections(draft, official)
    attachment = draft.current_attachments()[0]
    client.force_login(official)
    body = client.get(reverse("applications:proposal-attachments", args=[draft.pk])).content.decode()
    message = confirmation_for(body, reverse("applications:proposal-attachment-remove",
                                             args=[draft.pk, attachment.pk]))
    assert message and attachment.original_name in message
