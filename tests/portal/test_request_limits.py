"""The request's outer bounds (issue 21, kind 6): a NUL byte anywhere the portal reads is a 400, a JSON body
nested too deep is a 400, and nothing is stored. On PostgreSQL a NUL reached the driver and answered 500."""
import json

import pytest
from django.urls import reverse

from accounts.roles import Role
from applications.models import Proposal
from tests.factories import api_as, make_open_contest, make_user

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english", "registry")]


@pytest.fixture
def council_client(client, council):
    client.force_login(council)
    return client


def test_the_issues_example_a_nul_province_filter_is_a_400(council_client):
    response = council_client.get("/tracking/?province=%00")
    assert response.status_code == 400
    assert "NUL character" in response.content.decode()


@pytest.mark.parametrize("request_kwargs", [
    {"path": "/proposals/?q=%E1%84%80%00"},
    {"path": "/proposals/?q=a\x00b"},
    {"path": "/proposals/%00/"},
    {"path": "/proposals/", "HTTP_ACCEPT_LANGUAGE": "ko\x00"},
    {"path": "/proposals/", "HTTP_HX_REQUEST": "true\x00"},
    {"path": "/api/v1/proposals/?search=%00"},
    {"path": "/api/v1/proposals/?ordering=title%00"},
])
def test_a_nul_in_path_query_or_header_is_a_400(council_client, request_kwargs):
    response = council_client.get(**request_kwargs)
    assert response.status_code == 400


def test_a_nul_in_a_form_field_or_json_stores_nothing(client):
    official = make_user(Role.LOCAL_OFFICIAL, language="en")
    contest = make_open_contest()
    client.force_login(official)
    response = client.post(reverse("applications:proposal-create"), {"contest": contest.pk, "title": "산삼\x00과제"})
    assert response.status_code == 400
    api = api_as(official)
    for body in ({"contest": contest.pk, "title": "산삼\u0000과제"}, {"contest": contest.pk, "title\u0000": "x"}):
        response = api.post("/api/v1/proposals/", body, format="json")
        assert response.status_code == 400 and "NUL" in response.json()["detail"]
    response = api.post("/api/v1/proposals/", {"contest": contest.pk, "title": "산삼\x00과제"}, format="multipart")
    assert response.status_code == 400
    assert not Proposal.objects.exists()


@pytest.mark.parametrize("depth", [100_000, 40])
def test_a_json_body_nested_too_deep_is_a_400(depth):
    official = make_user(Role.LOCAL_OFFICIAL, language="en")
    body = "[" * depth + "]" * depth
    response = api_as(official).post("/api/v1/proposals/", body, content_type="application/json")
    assert response.status_code == 400
    assert "nested deeper than 32 levels" in response.json()["detail"]


def test_json_of_ordinary_depth_and_text_is_still_read():
    official = make_user(Role.LOCAL_OFFICIAL, language="en")
    contest = make_open_contest()
    response = api_as(official).post("/api/v1/proposals/", json.dumps({"contest": contest.pk, "title": "산삼 과제"}),
                                     content_type="application/json")
    assert response.status_code == 201, response.content
