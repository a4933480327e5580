"""What machines ask of the portal (issue 25): /healthz whatever the host, /metrics for administrators or a
token, one domain setting, and JSON logs carrying the request id."""
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings
from django.test import override_settings

from accounts.roles import Role
from tests.factories import make_user

ROOT = Path(settings.BASE_DIR)
DOMAIN_ONLY = override_settings(ALLOWED_HOSTS=["portal.example.go.kr"])


@pytest.mark.django_db
@DOMAIN_ONLY
def test_healthz_answers_a_probe_by_any_host_name(client):
    response = client.get("/healthz", HTTP_HOST="10.0.3.7:8000")
    assert response.status_code == 200
    body = response.json()
    assert body["database"] == "ok"
    assert body["broker"] == ("ok" if settings.CELERY_BROKER_URL else "eager")
    assert body["cache"] == "ok"
    # Issue 22's outbox fills this in (portal.health.oldest_pending_outbox_age_seconds).
    assert "outbox_oldest_pending_seconds" in body


@pytest.mark.django_db
@DOMAIN_ONLY
def test_every_other_page_still_refuses_a_host_that_is_not_allowed(client):
    assert client.get("/accounts/login/", HTTP_HOST="10.0.3.7:8000").status_code == 400
    assert client.get("/accounts/login/", HTTP_HOST="portal.example.go.kr").status_code == 200


@pytest.mark.django_db
@pytest.mark.parametrize("part, status_code", [("database", 503), ("broker", 503), ("cache", 200)])
def test_healthz_is_503_when_the_database_or_broker_is_down_but_not_the_cache(client, monkeypatch, part,
                                                                             status_code):
    """A cache that is down is reported, but pages are then rendered: the portal stays in rotation."""
    from portal import health

    monkeypatch.setattr(health, f"check_{part}", lambda: health.DOWN)
    response = client.get("/healthz")
    assert response.status_code == status_code
    assert response.json()[part] == "down"


@pytest.mark.django_db
def test_metrics_for_an_administrator_only(client, registry):
    assert client.get("/metrics").status_code in (302, 403)
    client.force_login(make_user(Role.COUNCIL_STAFF))
    assert client.get("/metrics").status_code == 403
    client.force_login(make_user(Role.ADMINISTRATOR))
    response = client.get("/metrics")
    assert response.status_code == 200
    assert b"django_http_requests_total_by_method_total" in response.content


@pytest.mark.django_db
@DOMAIN_ONLY
def test_metrics_for_a_scraper_with_the_token_by_any_host(client):
    with override_settings(PORTAL_METRICS_TOKEN="scrape-me-" + "x" * 30):
        ok = client.get("/metrics", HTTP_HOST="10.0.3.7:8000", HTTP_AUTHORIZATION="Bearer scrape-me-" + "x" * 30)
        wrong = client.get("/metrics", HTTP_HOST="10.0.3.7:8000", HTTP_AUTHORIZATION="Bearer guess")
    assert ok.status_code == 200 and b"django_http_requests" in ok.content
    assert wrong.status_code == 403
    with override_settings(PORTAL_METRICS_TOKEN=""):
        assert client.get("/metrics", HTTP_AUTHORIZATION="Bearer ").status_code == 403


def _production_settings(**variables) -> dict:
    code = ("from django.conf import settings as s; import json; print(json.dumps({'hosts': s.ALLOWED_HOSTS, "
            "'origins': s.CSRF_TRUSTED_ORIGINS, 'base': s.PORTAL_BASE_URL}))")
    environment = {**os.environ, "DJANGO_SETTINGS_MODULE": "config.settings.production",
                   "DJANGO_SECRET_KEY": "k" * 50, **variables}
    for name in ("DJANGO_ALLOWED_HOSTS", "DJANGO_CSRF_TRUSTED_ORIGINS", "PORTAL_BASE_URL"):
        if name not in variables:
            environment.pop(name, None)
    result = subprocess.run([sys.executable, "-c", f"import django; django.setup(); {code}"], cwd=ROOT,
                            env=environment, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_one_domain_gives_the_allowed_host_the_csrf_origin_and_the_e_mail_links():
    assert _production_settings(PORTAL_DOMAIN="Portal.Example.go.kr") == {
        "hosts": ["portal.example.go.kr"], "origins": ["https://portal.example.go.kr"],
        "base": "https://portal.example.go.kr"}


def test_production_logs_are_json_lines_with_the_request_id():
    code = ("import django, logging; django.setup(); from django_guid import set_guid; "
            "set_guid('0f3c9a7e5b2d4c1f8e6a9b0c1d2e3f40'); logging.getLogger('portal').warning('체크 %s', 1)")
    environment = {**os.environ, "DJANGO_SETTINGS_MODULE": "config.settings.production",
                   "DJANGO_SECRET_KEY": "k" * 50}
    environment.pop("DJANGO_LOG_FORMAT", None)
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=environment, capture_output=True,
                            text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    line = json.loads([text for text in result.stderr.splitlines() if "체크" in text][-1])
    assert line["message"] == "체크 1"
    assert line["level"] == "WARNING" and line["logger"] == "portal"
    assert line["request_id"] == "0f3c9a7e5b2d4c1f8e6a9b0c1d2e3f40"
    assert line["time"]


@pytest.mark.django_db
def test_each_answer_names_its_request_id(client):
    response = client.get("/accounts/login/")
    assert len(response["Correlation-ID"]) == 32
    given = client.get("/accounts/login/", HTTP_CORRELATION_ID="7d6c5b4a39281706f5e4d3c2b1a09f8e")
    assert given["Correlation-ID"] == "7d6c5b4a39281706f5e4d3c2b1a09f8e"
