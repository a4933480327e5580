"""Headers and plain text (issue 21, kind 10): a Content-Security-Policy that allows only the portal's own
scripts (so no template may carry an inline script or event handler: every template is walked), signed-in
answers not kept by browsers (pages, kept pages, API), the proxy's HTTPS header trusted only when configured,
and e-mail subjects and bodies written as plain text, escaped once where a page shows them."""
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from accounts.roles import Role
from accounts.tokens import issue_token
from notifications.models import Notification
from notifications.services import deliver
from notifications.tasks import task_send
from outbox.models import PendingWork
from reviews.models import Assignment
from tests.factories import make_user
from tests.reviews.builders import make_panel, make_reviewer

pytestmark = pytest.mark.usefixtures("registry")

TEMPLATE_DIRS = [Path(settings.BASE_DIR) / "templates",
                 *Path(settings.BASE_DIR).glob("*/templates")]
INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)(?![^>]*application/(?:ld\+)?json)[^>]*>", re.IGNORECASE)
INLINE_HANDLER = re.compile(r"\son[a-z]+\s*=\s*['\"]", re.IGNORECASE)


def policy(response) -> dict[str, list[str]]:
    header = response["Content-Security-Policy"]
    return {part.split()[0]: part.split()[1:] for part in header.split(";") if part.strip()}


def test_pages_carry_a_policy_that_runs_only_the_portals_own_scripts(client):
    directives = policy(client.get(reverse("login")))
    assert directives["script-src"] == ["'self'"] and directives["default-src"] == ["'self'"]
    assert directives["object-src"] == ["'none'"] and directives["frame-ancestors"] == ["'none'"]


@pytest.mark.parametrize("directory", TEMPLATE_DIRS, ids=lambda path: str(path.parent.name))
def test_no_template_has_an_inline_script_or_event_handler(directory):
    offenders = []
    for template in directory.rglob("*.html"):
        text = template.read_text(encoding="utf-8")
        offenders += [f"{template}: {match.group(0)}" for pattern in (INLINE_SCRIPT, INLINE_HANDLER)
                      for match in pattern.finditer(text)]
    assert offenders == []


def test_the_api_docs_load_their_start_up_script_as_a_file(client, council):
    client.force_login(council)
    page = client.get("/api/docs/")
    html = page.content.decode()
    assert page.status_code == 200 and not INLINE_SCRIPT.search(html)
    script = re.search(r'<script src="(/api/docs/\?[^"]+)"', html).group(1).replace("&amp;", "&")
    answer = client.get(script)
    assert answer.status_code == 200 and "SwaggerUIBundle" in answer.content.decode()


SIGNED_IN_PAGES = ["/", "/notifications/", "/contests/", "/proposals/", "/tracking/", "/regions/",
                   "/api/v1/notifications/", "/admin/"]


@pytest.mark.parametrize("path", SIGNED_IN_PAGES)
def test_signed_in_answers_are_not_kept_by_browsers(client, path):
    client.force_login(make_user(Role.ADMINISTRATOR, language="en"))
    cache_control = client.get(path)["Cache-Control"]
    assert "private" in cache_control and "no-store" in cache_control


def test_api_answers_to_a_token_are_not_kept_either(client):
    user = make_user(Role.LOCAL_OFFICIAL)
    response = client.get("/api/v1/notifications/", HTTP_AUTHORIZATION=f"Token {issue_token(user)[1]}")
    assert response.status_code == 200 and "no-store" in response["Cache-Control"]


def test_a_page_served_from_the_page_cache_says_no_store_too(settings):
    """The kept page is stored server-side (core.page_cache); its answer still tells the browser not to."""
    from tests.portal.test_page_cache import NOTIFICATIONS, signed_in

    settings.PAGE_CACHE_SECONDS = 60
    browser = signed_in(make_user(Role.COUNCIL_STAFF, language="en"))
    first, again = browser.get(NOTIFICATIONS), browser.get(NOTIFICATIONS)
    assert again["X-Page-Cache"] == "hit"
    assert "no-store" in first["Cache-Control"] and "no-store" in again["Cache-Control"]


def production_setting(name: str, **env) -> str:
    environment = {**os.environ, "DJANGO_SETTINGS_MODULE": "config.settings.production",
                   "DJANGO_SECRET_KEY": "x" * 50, **env}
    environment.pop("DJANGO_SECURE_PROXY_SSL_HEADER", None) if not env else None
    code = f"import django; django.setup(); from django.conf import settings; print(settings.{name})"
    return subprocess.run([sys.executable, "-c", code], env=environment, cwd=settings.BASE_DIR, check=True,
                          capture_output=True, text=True).stdout.strip().splitlines()[-1]


def test_the_proxys_https_header_is_trusted_only_when_configured():
    assert production_setting("SECURE_PROXY_SSL_HEADER") == "None"
    assert production_setting("SECURE_PROXY_SSL_HEADER", DJANGO_SECURE_PROXY_SSL_HEADER="true") == \
        "('HTTP_X_FORWARDED_PROTO', 'https')"


def test_e_mail_subjects_are_plain_text_and_the_list_escapes_once(client):
    panel = make_panel(codes=["48870"], members=1, name='"사과" & 배')
    reviewer = make_reviewer()
    assignment = Assignment.objects.create(panel=panel, proposal=panel.proposals.get(), reviewer=reviewer,
                                           assigned_by=reviewer.user, due_at=timezone.now())
    deliver("review.assigned", assignment.pk, "plain-text")
    for work in PendingWork.objects.filter(task="notifications.tasks.task_send"):
        task_send.run(*work.args)  # the e-mail delivery's own task (the outbox hands it over in production)
    notification = Notification.objects.get(recipient=reviewer.user)
    assert '"사과" & 배' in notification.subject and "&quot;" not in notification.subject + notification.body
    assert '"사과" & 배' in mail.outbox[0].subject and "&amp;" not in mail.outbox[0].subject
    client.force_login(reviewer.user)
    page = client.get(reverse("notifications:list")).content.decode()
    assert "&quot;사과&quot; &amp; 배" in page and "&amp;quot;" not in page and "&amp;amp;" not in page
