"""The continuation evaluation tried as an outside tester would (issue 21, 22): an amount beyond the portal's
bounds is told once beside the field (not also called missing), the page and the API take reasons of the same
length, and a second decision of a year, on either door, is a message that leaves the first standing."""
import pytest
from django.urls import reverse

from audit.models import AuditEntry
from tests.factories import api_as
from tests.tracking.builders import confirmed_tasks
from tests.tracking.test_continuation import DANYANG
from tracking.continuation_forms import ContinuationForm
from tracking.models import ContinuationEvaluation
from tracking.services import set_condition

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english", "celery_eager")]


@pytest.fixture
def danyang(council, django_capture_on_commit_callbacks):
    """Danyang-gun's task, funded for 2026 only: its 2027 year waits for a continuation evaluation."""
    tasks = confirmed_tasks(council, django_capture_on_commit_callbacks, target=3)
    return set_condition(actor=council, task=tasks[DANYANG], from_year=2027, reason="1년 과제")


@pytest.mark.parametrize("amount", ["10" + "0" * 30, "-5", "0", "1.5", "백만"])
def test_a_reduced_amount_the_field_refuses_is_told_once_beside_it(client, council, danyang, amount):
    client.force_login(council)
    response = client.post(reverse("tracking:task-continuation", args=[danyang.pk]),
                           {"year": "2027", "outcome": "reduced", "national_krw": amount, "reason": "감액 사유"})
    assert response.status_code == 200
    errors = response.context["form"].errors["national_krw"]
    assert len(errors) == 1, errors
    assert response.context["form"]["reason"].value() == "감액 사유"
    assert not ContinuationEvaluation.objects.exists()


def test_the_page_and_the_api_take_reasons_of_the_same_length(client, council, danyang):
    limit = ContinuationForm(task=danyang).fields["reason"].max_length
    client.force_login(council)
    body = {"year": 2027, "outcome": "stop", "reason": "사" * (limit + 1)}
    page = client.post(reverse("tracking:task-continuation", args=[danyang.pk]), body)
    api = api_as(council).post(f"/api/v1/selected-tasks/{danyang.pk}/continuation/", body, format="json")
    assert page.status_code == 200 and "reason" in page.context["form"].errors
    assert api.status_code == 400 and "reason" in api.json()
    assert not ContinuationEvaluation.objects.exists()


def test_a_year_decided_on_one_door_is_a_message_on_the_other(client, council, danyang):
    api = api_as(council)
    url = f"/api/v1/selected-tasks/{danyang.pk}/continuation/"
    first = api.post(url, {"year": 2027, "outcome": "stop", "reason": "성과 미흡"}, format="json")
    assert first.status_code == 201
    again = api.post(url, {"year": 2027, "outcome": "continue", "reason": "재평가"}, format="json")
    assert again.status_code == 400 and "decided already" in str(again.json())
    client.force_login(council)
    page = client.post(reverse("tracking:task-continuation", args=[danyang.pk]),
                       {"year": "2027", "outcome": "continue", "reason": "재평가"})
    assert page.status_code == 200 and "decided already" in page.content.decode()
    assert list(ContinuationEvaluation.objects.values_list("outcome", flat=True)) == ["stop"]
    assert AuditEntry.objects.filter(action="tracking.continuation_decided").count() == 1
