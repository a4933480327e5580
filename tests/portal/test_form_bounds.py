"""Issue 21's examples of input that reached the database unchecked (kind 6), each as the page or API sends it.
The walk over every form is ``test_hostile_forms.py``; these name the reported cases."""
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from accounts.roles import Role
from applications.models import BudgetLine, ProvincialMatchConfirmation
from applications.services import create_proposal
from core.fields import MAX_KRW
from tests.applications.test_proposal_services import SECTIONS
from tests.factories import api_as, make_contest, make_user
from tracking.models import Disbursement

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english", "registry")]


@pytest.fixture
def draft():
    official = make_user(Role.LOCAL_OFFICIAL, language="en")
    now = timezone.now()
    contest = make_contest(opens=now - timedelta(days=1), closes=now + timedelta(days=1), year=2031)
    return create_proposal(actor=official, contest=contest, values=SECTIONS,
                           lead_local_government=official.local_government)


@pytest.mark.parametrize("amount", ["1" + "0" * 20, str(2**63 - 1), f"{MAX_KRW + 1:,}"])
def test_a_budget_cell_beyond_the_bound_is_refused_next_to_the_field(client, draft, amount):
    """The issue's example: 10^20 in a private cell answered 500 (and 2^63-1 was stored on SQLite, after which
    the council's list and exports answered 500). The contest of 2031 funds 2032-2033."""
    client.force_login(draft.created_by)
    response = client.post(reverse("applications:proposal-budget", args=[draft.pk]),
                           {"amount_2032_national": "500,000,000", "amount_2032_private": amount})
    assert response.status_code == 200
    assert "Ensure this value is less than or equal to 999999999999999" in response.content.decode()
    assert amount in response.content.decode()  # what was typed is kept
    assert not BudgetLine.objects.filter(proposal=draft).exists()


@pytest.mark.parametrize("paid_on", ["0001-01-01", "9999-12-31", "1999-12-31"])
def test_a_disbursement_dated_outside_2000_2100_is_refused(client, hamyang, council, paid_on):
    client.force_login(council)
    line = hamyang.agreement_lines.order_by("year").first()
    before = Disbursement.objects.count()
    response = client.post(reverse("tracking:task-disbursement", args=[hamyang.pk]),
                           {"line": line.pk, "amount_krw": "1,000", "paid_on": paid_on})
    assert response.status_code == 200
    assert "Enter a date between 2000-01-01 and 2100-12-31." in response.content.decode()
    assert Disbursement.objects.count() == before


def test_the_api_bodies_not_run_through_a_form_have_the_same_bounds(draft, council):
    type(draft).objects.filter(pk=draft.pk).update(status="submitted", receipt_number="2031-0001")
    officer = make_user(Role.PROVINCIAL_OFFICER, language="en")
    response = api_as(officer).post(f"/api/v1/proposals/{draft.pk}/provincial-match/", {"amount_krw": 10**20},
                                    format="json")
    assert response.status_code == 400 and "amount_krw" in response.json()
    response = api_as(council).post(f"/api/v1/proposals/{draft.pk}/request-correction/",
                                    {"reason": "보완", "due_at": "0001-01-01T00:00:00Z"}, format="json")
    assert response.status_code == 400 and "due_at" in response.json()
    assert not ProvincialMatchConfirmation.objects.exists()
