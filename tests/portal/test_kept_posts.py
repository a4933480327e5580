"""A form sent after the session ended, or from a page left open too long, keeps what was typed: after
signing in the page the form was on opens with it (``core.kept_posts``), and the CSRF failure is the
portal's own page in the user's language."""

import json

import pytest
from django.test import Client
from django.urls import reverse

from accounts.roles import Role
from applications.services import create_proposal, submit_proposal
from tests.applications.test_proposal_services import SECTIONS
from tests.factories import PASSWORD, complete_sections, make_open_contest, make_user

pytestmark = pytest.mark.usefixtures("registry")


@pytest.fixture
def official():
    return make_user(Role.LOCAL_OFFICIAL)


@pytest.fixture
def draft(official):
    return create_proposal(actor=official, contest=make_open_contest(), values=SECTIONS,
                           lead_local_government=official.local_government)


def kept_on(response) -> dict | None:
    body = response.content.decode()
    marker = '<script id="kept-post" type="application/json">'
    if marker not in body:
        return None
    return json.loads(body.split(marker, 1)[1].split("</script>", 1)[0])


def sign_in(client, user, next_address):
    return client.post(f"{reverse('login')}?next={next_address}",
                       {"username": user.username, "password": PASSWORD, "next": next_address}, follow=True)


def test_a_form_sent_after_the_session_ended_opens_filled_in_after_signing_in(client, official, draft):
    page = reverse("applications:proposal-kpi", args=[draft.pk])
    response = client.post(page, {"jobs": "40", "youth_jobs": "12", "csrfmiddlewaretoken": "x"},
                           HTTP_REFERER=f"http://testserver{page}")
    assert response.status_code == 302 and response["Location"].startswith(reverse("login"))
    assert not draft.kpi_targets.exists()
    response = sign_in(client, official, page)
    assert response.redirect_chain[-1][0] == page
    kept = kept_on(response)
    assert kept == {"action": page, "fields": {"jobs": ["40"], "youth_jobs": ["12"]}}
    assert "data-restored" in response.content.decode()
    assert kept_on(client.get(page)) is None  # filled in once


def test_an_action_form_leads_back_to_the_page_it_was_on(client, official, draft):
    complete_sections(draft, official)
    submit_proposal(actor=official, proposal=draft)
    detail = reverse("applications:proposal-detail", args=[draft.pk])
    withdraw = reverse("applications:proposal-withdraw", args=[draft.pk])
    client.post(withdraw, {"reason": "사업 재검토로 철회합니다"}, HTTP_REFERER=f"http://testserver{detail}")
    response = sign_in(client, official, detail)
    assert response.redirect_chain[-1][0] == detail
    assert kept_on(response) == {"action": withdraw, "fields": {"reason": ["사업 재검토로 철회합니다"]}}
    draft.refresh_from_db()
    assert draft.status != "withdrawn"  # nothing is replayed without the user's click


def test_a_form_from_another_site_or_a_password_is_never_kept(client, official, draft):
    page = reverse("applications:proposal-kpi", args=[draft.pk])
    client.post(page, {"jobs": "999"}, HTTP_REFERER="https://evil.example/form")
    assert kept_on(sign_in(client, official, page)) is None
    other = Client()
    other.post(reverse("password_change"), {"old_password": "secret", "new_password1": "n", "new_password2": "n"},
               HTTP_REFERER=f"http://testserver{reverse('password_change')}")
    assert "secret" not in json.dumps(dict(other.session))


def test_a_stale_page_gets_the_portals_own_csrf_page_in_korean_and_keeps_the_text(official, draft):
    client = Client(enforce_csrf_checks=True)
    client.force_login(official)
    page = reverse("applications:proposal-kpi", args=[draft.pk])
    response = client.post(page, {"jobs": "40", "csrfmiddlewaretoken": "stale"},
                           HTTP_REFERER=f"http://testserver{page}")
    body = response.content.decode()
    assert response.status_code == 403
    assert "페이지가 오래되어" in body and 'id="reopen-kept"' in body and "CSRF verification failed" not in body
    assert kept_on(client.get(page))["fields"] == {"jobs": ["40"]}


def test_the_csrf_page_speaks_english_to_an_english_reader(official, draft):
    official.language = "en"
    official.save()
    client = Client(enforce_csrf_checks=True)
    client.force_login(official)
    body = client.post(reverse("applications:proposal-kpi", args=[draft.pk]), {"jobs": "1"}).content.decode()
    assert "The page had expired" in body and "Go back, reload the page" in body
