"""Two clerks at once get an answer, not a 500: adding the same agreement line twice at the same moment
answers the later clerk with a message next to what he typed (deterministically, and with ten real
concurrent requests on PostgreSQL); a race no service answers is a 409 asking to reload."""
import threading

import pytest
from django.db import IntegrityError, connection
from django.test import Client
from django.urls import reverse

from accounts.roles import Role
from tests.factories import make_user
from tracking import services as tracking_services
from tracking.models import AgreementLine
from tracking.services import tasks as task_services

pytestmark = pytest.mark.usefixtures("english")
RACED = "Someone has just added this line (the same year and source)"


def line_form(reason="협약 체결"):
    return {"year": 2030, "source": "national", "amount_krw": "5,000,000", "reason": reason}


def test_a_line_added_by_another_clerk_a_moment_ago_is_a_form_message(client, hamyang, council, monkeypatch):
    AgreementLine.objects.create(task=hamyang, year=2030, source="national", amount_krw=4_000_000)  # the other
    monkeypatch.setattr(task_services, "current_line", lambda *args: None)  # read before the other committed
    client.force_login(council)
    response = client.post(reverse("tracking:task-agreement", args=[hamyang.pk]), line_form("내가 입력한 사유"))
    assert response.status_code == 200
    assert RACED in str(response.context["form"].non_field_errors())
    assert response.context["form"]["reason"].value() == "내가 입력한 사유"  # nothing typed is lost
    assert list(AgreementLine.objects.filter(task=hamyang, year=2030).values_list("amount_krw", flat=True)) == [
        4_000_000]


def test_a_unique_race_no_service_answers_is_a_409_not_a_500(client, hamyang, council, monkeypatch):
    def raced(**kwargs):
        raise IntegrityError("duplicate key value violates unique constraint")

    monkeypatch.setattr(tracking_services, "change_status", raced)
    client.force_login(council)
    response = client.post(reverse("tracking:task-status", args=[hamyang.pk]),
                           {"status": "suspended", "reason": "점검"})
    assert response.status_code == 409 and 'id="write-conflict"' in response.content.decode()


@pytest.mark.django_db(transaction=True)
@pytest.mark.usefixtures("registry")
def test_ten_clerks_adding_the_same_line_at_once_each_get_an_answer(hamyang):
    if connection.vendor != "postgresql":
        pytest.skip("Needs PostgreSQL: SQLite lets one writer in at a time, so the requests never race.")
    clerks = [make_user(Role.COUNCIL_STAFF, language="en") for _ in range(10)]
    url = reverse("tracking:task-agreement", args=[hamyang.pk])
    start, answers = threading.Barrier(len(clerks)), []

    def add(clerk):
        client = Client()
        client.force_login(clerk)
        try:
            start.wait()
            answers.append(client.post(url, line_form()))
        finally:
            connection.close()

    threads = [threading.Thread(target=add, args=(clerk,)) for clerk in clerks]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(answers) == len(clerks)
    assert all(answer.status_code in (200, 302) for answer in answers)  # never a 500
    refused = [answer for answer in answers if answer.status_code == 200]
    assert all(RACED in str(answer.context["form"].non_field_errors()) for answer in refused)
    assert AgreementLine.objects.filter(task=hamyang, year=2030, source="national").count() == 1
