"""The anonymous recruitment form (issue 21, kind 9): limited per client address, every field capped in
length, and a company that applied already told so beside the field. Each field of the form is walked."""
from datetime import timedelta

import pytest
from django.core.cache import cache
from django.urls import reverse
from django.utils import timezone

from accounts.roles import Role
from applications.registration_number import check_digit
from tests.factories import make_user
from tracking.forms import PLAN_MAX_CHARS
from tracking.models import CompanyApplication
from tracking.services import publish_recruitment

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]


@pytest.fixture(autouse=True)
def fresh_limits():
    cache.clear()


@pytest.fixture
def url(hamyang) -> str:
    today = timezone.localdate()
    recruitment = publish_recruitment(actor=make_user(Role.LOCAL_OFFICIAL), task=hamyang, values={
        "title": "참여기업 모집", "published_through": "경남테크노파크", "body": "산삼 항노화 기업 모집",
        "opens_on": today - timedelta(days=1), "closes_on": today + timedelta(days=10)})
    return reverse("tracking:apply", args=[recruitment.pk])


@pytest.fixture
def visitor(client, settings):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    return client


def number(serial: int) -> str:
    first_nine = f"22081{serial:04d}"
    return first_nine + str(check_digit(first_nine))


def application(serial: int, **changes) -> dict:
    return {"company_name": f"지리산산삼바이오 {serial}", "business_registration_number": number(serial),
            "representative": "김지리", "email": f"ceo{serial}@example.invalid", "growth_stage": "early",
            "youth_led": "on", "plan": "시제품 제작", **changes}


def test_thirty_applications_from_one_address_are_refused_past_the_rate(visitor, url):
    statuses = [visitor.post(url, application(serial), REMOTE_ADDR="203.0.113.7").status_code
                for serial in range(30)]
    assert statuses.count(302) == 10 and statuses[-1] == 429
    refused = visitor.post(url, application(99), REMOTE_ADDR="203.0.113.7")
    page = refused.content.decode()
    assert "Too many applications were sent from your address" in page and "지리산산삼바이오 99" in page
    assert visitor.post(url, application(100), REMOTE_ADDR="198.51.100.8").status_code == 302
    assert CompanyApplication.objects.count() == 11


def test_a_forged_forwarded_for_does_not_escape_the_limit(visitor, url):
    statuses = [visitor.post(url, application(serial), HTTP_X_FORWARDED_FOR=f"192.0.2.{serial}").status_code
                for serial in range(12)]
    assert statuses[-1] == 429


LIMITS = {"company_name": 200, "representative": 100, "email": 254, "business_registration_number": 14,
          "plan": PLAN_MAX_CHARS}


@pytest.mark.parametrize("field", LIMITS)
def test_every_field_is_capped_with_the_message_beside_it(visitor, url, field):
    too_long = "가" * (LIMITS[field] + 1) if field != "email" else "a" * 60 + "@" + "b" * 200 + ".invalid"
    response = visitor.post(url, application(1, **{field: too_long}))
    assert response.status_code == 200
    assert field in response.context["form"].errors
    kept = "김지리" if field != "representative" else "지리산산삼바이오 1"
    assert kept in response.content.decode()  # nothing else typed is lost
    assert not CompanyApplication.objects.exists()


def test_a_four_megabyte_plan_is_refused(visitor, url):
    response = visitor.post(url, application(1, plan="x" * (4 * 1024 * 1024)))
    assert response.status_code == 200 and "plan" in response.context["form"].errors
    assert not CompanyApplication.objects.exists()


def test_repeats_are_refused_beside_the_field(visitor, url):
    assert visitor.post(url, application(1)).status_code == 302
    again = visitor.post(url, application(2, business_registration_number=number(1)))
    assert "has applied already" in str(again.context["form"].errors["business_registration_number"])
    renamed = visitor.post(url, application(3, company_name="지리산산삼바이오　１"))  # full-width digit and space
    assert "has applied already" in str(renamed.context["form"].errors["company_name"])
    assert CompanyApplication.objects.count() == 1
