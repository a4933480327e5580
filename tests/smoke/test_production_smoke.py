"""The production smoke test (issue 25): the portal as deployed, without Docker.

The repository's `deploy/Caddyfile` in Debian's Caddy terminates TLS (its internal CA) and proxies, with
X-Forwarded-Proto and X-Forwarded-For, to gunicorn with two processes and the production settings; a Celery
worker and beat run against PostgreSQL and Redis. Over HTTPS a local official signs in, submits a proposal,
and the notification the worker delivers appears on his notifications page; the worker's log line for it
carries the request id of the submission. Servers run from `PORTAL_SMOKE_PYTHON` (CI: the virtualenv built
from requirements.txt alone by .ci/runtime-check); the test data is made from this environment's factories.

Runs when PORTAL_SMOKE_PYTHON is set, with DATABASE_URL (PostgreSQL) and CELERY_BROKER_URL (Redis):
    PORTAL_SMOKE_PYTHON=.venv/bin/python DATABASE_URL=postgres://postgres@127.0.0.1:5432/portal \\
    CELERY_BROKER_URL=redis://127.0.0.1:6379/0 .venv/bin/python -m pytest tests/smoke
Ports: PORTAL_SMOKE_PORTS=first (five in a row from it; default 8131).
"""
import http.cookiejar
import json
import os
import re
import secrets
import shutil
import ssl
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from pathlib import Path

import psycopg2
import pytest
from django.conf import settings

ROOT = Path(settings.BASE_DIR)
PYTHON = os.environ.get("PORTAL_SMOKE_PYTHON", "")
DATABASE_URL = os.environ.get("DATABASE_URL", "")
BROKER_URL = os.environ.get("CELERY_BROKER_URL", "")

# Skipped unless asked for; once asked for (CI's PostgreSQL run), a missing piece fails instead of skipping.
pytestmark = pytest.mark.skipif(not PYTHON, reason="production smoke test: set PORTAL_SMOKE_PYTHON (README)")


def _wait(predicate, seconds: float, what: str):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(0.5)
    raise AssertionError(f"timed out waiting for {what}")


class Deployment:
    """The processes of one smoke deployment, their logs in ``work``; stopped by their own pids."""

    def __init__(self, work: Path):
        self.work, self.processes = work, {}
        first = int(os.environ.get("PORTAL_SMOKE_PORTS", "8131"))
        self.gunicorn_port, self.https_port, self.http_port, self.admin_port = first, first + 1, first + 2, first + 3
        base = urllib.parse.urlsplit(DATABASE_URL)
        self.database = f"{base.path.lstrip('/') or 'portal'}_smoke"
        self.database_url = urllib.parse.urlunsplit(base._replace(path=f"/{self.database}"))
        broker = urllib.parse.urlsplit(BROKER_URL)
        cache_db = (int(broker.path.lstrip("/") or 0) + 1) % 16
        self.token = secrets.token_urlsafe(24)
        self.environment = {
            **{key: value for key, value in os.environ.items() if not key.startswith(("DJANGO_", "PORTAL_"))},
            "DJANGO_SETTINGS_MODULE": "config.settings.production",
            "DJANGO_SECRET_KEY": secrets.token_urlsafe(50), "PORTAL_DOMAIN": "localhost",
            "DATABASE_URL": self.database_url, "CELERY_BROKER_URL": BROKER_URL,
            "CACHE_URL": urllib.parse.urlunsplit(broker._replace(path=f"/{cache_db}")),
            "PORTAL_UPLOAD_ROOT": str(work / "uploads"), "DJANGO_STATIC_ROOT": str(work / "static"),
            "DJANGO_STATIC_COMPRESS": "false",
            # Caddy is the one trusted proxy: its X-Forwarded-Proto says HTTPS, its X-Forwarded-For the client.
            "DJANGO_SECURE_PROXY_SSL_HEADER": "true", "TRUSTED_PROXY_COUNT": "1",
            "PORTAL_METRICS_TOKEN": self.token, "EMAIL_BACKEND": "django.core.mail.backends.locmem.EmailBackend",
            "GUNICORN_BIND": f"127.0.0.1:{self.gunicorn_port}", "GUNICORN_WORKERS": "2",
            "GUNICORN_FORWARDED_ALLOW_IPS": "127.0.0.1", "PROMETHEUS_MULTIPROC_DIR": str(work / "prometheus"),
        }

    def run(self, python: str, *arguments: str, timeout: int = 300) -> str:
        result = subprocess.run([python, *arguments], cwd=ROOT, env=self.environment, capture_output=True,
                                text=True, timeout=timeout)
        assert result.returncode == 0, f"{arguments}: {result.stdout}{result.stderr}"
        return result.stdout

    def start(self, name: str, argv: list[str], environment: dict | None = None) -> None:
        log = (self.work / f"{name}.log").open("w")
        self.processes[name] = subprocess.Popen(argv, cwd=ROOT, env=environment or self.environment,
                                                stdout=log, stderr=subprocess.STDOUT)

    def log(self, name: str) -> str:
        return (self.work / f"{name}.log").read_text(errors="replace")

    def stop(self) -> None:
        for process in self.processes.values():
            process.terminate()
        for process in self.processes.values():
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                process.kill()

    def sql(self, query: str, *parameters):
        with psycopg2.connect(self.database_url) as conn, conn.cursor() as cursor:
            cursor.execute(query, parameters)
            return cursor.fetchall()


def _admin_sql(statement: str) -> None:
    conn = psycopg2.connect(urllib.parse.urlunsplit(urllib.parse.urlsplit(DATABASE_URL)._replace(path="/postgres")))
    conn.autocommit = True
    with conn.cursor() as cursor:
        cursor.execute(statement)
    conn.close()


@pytest.fixture(scope="module")
def deployment(tmp_path_factory):
    assert DATABASE_URL.startswith("postgres") and BROKER_URL.startswith("redis"), \
        "the smoke test needs a PostgreSQL DATABASE_URL and a Redis CELERY_BROKER_URL"
    assert shutil.which("caddy"), "the smoke test needs Caddy (Debian package caddy)"
    work = tmp_path_factory.mktemp("smoke")
    deployment = Deployment(work)
    _admin_sql(f'DROP DATABASE IF EXISTS "{deployment.database}" WITH (FORCE)')
    _admin_sql(f'CREATE DATABASE "{deployment.database}"')
    try:
        # What compose's one-shot service and image build do, from the runtime environment.
        deployment.run(PYTHON, "manage.py", "migrate", "--noinput", "-v", "0")
        deployment.run(PYTHON, "manage.py", "load_regions")
        deployment.run(PYTHON, "manage.py", "collectstatic", "--noinput", "-v", "0")
        proposal_id = int(deployment.run(sys.executable, "manage.py", "shell", "--command",
                                         (ROOT / "tests" / "smoke" / "prepare.py").read_text()).split()[-2])
        celery = [str(Path(PYTHON).parent / "celery"), "-A", "config"]
        deployment.start("web", [str(Path(PYTHON).parent / "gunicorn"), "-c", "config/gunicorn.py", "config.wsgi"])
        deployment.start("worker", [*celery, "worker", "--loglevel=info", "--concurrency=2", "--without-gossip",
                                    "--without-mingle", "--hostname", f"smoke-{secrets.token_hex(3)}@%h"])
        deployment.start("beat", [*celery, "beat", "--loglevel=info", "--schedule", str(work / "beat-schedule")])
        deployment.start("proxy", ["caddy", "run", "--config", str(ROOT / "deploy" / "Caddyfile")], {
            "PATH": os.environ["PATH"], "HOME": str(work), "XDG_DATA_HOME": str(work / "caddy-data"),
            "XDG_CONFIG_HOME": str(work / "caddy-config"), "PORTAL_DOMAIN": "localhost", "PORTAL_TLS": "internal",
            "CADDY_ADMIN": f"127.0.0.1:{deployment.admin_port}", "CADDY_HTTP_PORT": str(deployment.http_port),
            "CADDY_HTTPS_PORT": str(deployment.https_port), "PORTAL_UPSTREAM_HOST": "127.0.0.1",
            "PORTAL_UPSTREAM_PORT": str(deployment.gunicorn_port)})
        deployment.proposal_id = proposal_id
        yield deployment
    finally:
        deployment.stop()
        _admin_sql(f'DROP DATABASE IF EXISTS "{deployment.database}" WITH (FORCE)')


class Browser:
    """A cookie-keeping HTTPS client that trusts only Caddy's internal CA, as a browser told to would."""

    def __init__(self, deployment: Deployment):
        root = deployment.work / "caddy-data" / "caddy" / "pki" / "authorities" / "local" / "root.crt"
        _wait(root.exists, 60, "Caddy's internal CA")
        context = ssl.create_default_context(cafile=str(root))
        self.base = f"https://localhost:{deployment.https_port}"
        self.cookies = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPSHandler(context=context),
                                                  urllib.request.HTTPCookieProcessor(self.cookies), NoRedirect())

    def request(self, path: str, data: dict | None = None, headers: dict | None = None):
        body = urllib.parse.urlencode(data).encode() if data is not None else None
        request = urllib.request.Request(self.base + path, data=body, headers={
            "Referer": self.base + path, "Accept-Language": "ko", **(headers or {})})
        try:
            with self.opener.open(request, timeout=30) as response:
                return response.status, response.headers, response.read().decode()
        except urllib.error.HTTPError as error:
            return error.code, error.headers, error.read().decode(errors="replace")

    def csrf(self) -> str:
        return next(cookie.value for cookie in self.cookies if cookie.name == "csrftoken")

    def cookie(self, name: str) -> http.cookiejar.Cookie:
        return next(cookie for cookie in self.cookies if cookie.name == name)


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def test_sign_in_submit_and_the_worker_s_notification_through_tls(deployment):
    browser = Browser(deployment)
    _wait(lambda: browser.request("/healthz")[0] == 200, 90, "/healthz through Caddy")
    status, _headers, body = browser.request("/healthz")
    assert json.loads(body) == {"database": "ok", "broker": "ok", "cache": "ok",
                                "outbox_oldest_pending_seconds": None}

    # Sign in over HTTPS: the scheme comes from the proxy's X-Forwarded-Proto, so there is no redirect loop
    # (SECURE_SSL_REDIRECT is on) and the Secure CSRF and session cookies are accepted.
    status, _headers, _body = browser.request("/accounts/login/")
    assert status == 200
    from tests.factories import PASSWORD

    status, headers, _body = browser.request("/accounts/login/", {
        "csrfmiddlewaretoken": browser.csrf(), "username": "smoke-official", "password": PASSWORD})
    assert status == 302 and headers["Location"] == "/", _body[:2000]
    assert browser.cookie("sessionid").secure and browser.cookie("csrftoken").secure

    proposal = f"/proposals/{deployment.proposal_id}/"
    assert browser.request(proposal)[0] == 200
    status, headers, _body = browser.request(proposal + "submit/", {"csrfmiddlewaretoken": browser.csrf()})
    assert status == 302, _body[:2000]
    request_id = headers["Correlation-ID"]
    [(receipt, state)] = deployment.sql("SELECT receipt_number, status FROM applications_proposal WHERE id = %s",
                                        deployment.proposal_id)
    assert state == "submitted" and receipt

    # The submission's own message (which names the receipt too) is shown once, on the next page.
    assert receipt in browser.request(proposal)[2]
    # The worker delivers the notification; the official sees it on his page.
    _wait(lambda: deployment.sql("SELECT count(*) FROM notifications_notification n JOIN accounts_user u "
                                 "ON u.id = n.recipient_id WHERE u.username = 'smoke-official'")[0][0],
          60, "the worker to write the notification")
    assert receipt in browser.request("/notifications/")[2]

    # Its worker log line is JSON and carries the submission's request id. The line that carries it is written
    # when the task ends, which may be a moment after the notification row is committed: wait for it.
    def worker_line_with_request_id():
        lines = [json.loads(line) for line in deployment.log("worker").splitlines() if line.startswith("{")]
        return any(line.get("request_id") == request_id and "task_deliver" in line["message"] for line in lines)

    try:
        _wait(worker_line_with_request_id, 30, "the worker's log line with the submission's request id")
    except AssertionError as error:
        raise AssertionError(deployment.log("worker")[-3000:]) from error
    # gunicorn's access line for the submission is JSON with the same request id; two processes served.
    web = [json.loads(line) for line in deployment.log("web").splitlines() if line.startswith("{")]
    assert any(line["logger"] == "gunicorn.access" and line["request_id"] == request_id and line["status"] == 302
               and line["path"] == proposal + "submit/" for line in web)
    assert len(re.findall(r"Booting worker with pid", deployment.log("web"))) == 2


def test_beat_installed_the_schedule_and_keeps_running(deployment):
    rows = _wait(lambda: deployment.sql("SELECT name FROM django_celery_beat_periodictask"), 60, "beat's schedule")
    assert {"scoring-deadline-reminders", "confirm-selections-after-objection-period"} <= {row[0] for row in rows}
    assert deployment.processes["beat"].poll() is None, deployment.log("beat")
    assert "Traceback" not in deployment.log("beat")


def test_metrics_through_the_proxy_with_the_token_only(deployment):
    browser = Browser(deployment)
    assert browser.request("/metrics")[0] in (302, 403)
    status, _headers, body = browser.request("/metrics", headers={"Authorization": f"Bearer {deployment.token}"})
    assert status == 200
    assert "django_http_requests_total_by_view_transport_method_total" in body
