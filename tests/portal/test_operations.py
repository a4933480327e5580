"""Operational guarantees: production settings, migrations, catalogues, health and the broker."""
import os
import subprocess
import sys
from pathlib import Path

import pytest
from babel.messages.pofile import read_po
from django.conf import settings
from django.urls import reverse

ROOT = Path(settings.BASE_DIR)


def test_production_settings_pass_the_deploy_check():
    environment = {**os.environ, "DJANGO_SETTINGS_MODULE": "config.settings.production",
                   "DJANGO_SECRET_KEY": "x" * 20 + "-deploy-check-only-" + "y" * 30,
                   "DJANGO_ALLOWED_HOSTS": "portal.example.go.kr"}
    result = subprocess.run([sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
                            cwd=ROOT, env=environment, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr


def test_production_refuses_to_start_without_a_secret_key():
    environment = {**os.environ, "DJANGO_SETTINGS_MODULE": "config.settings.production"}
    environment.pop("DJANGO_SECRET_KEY", None)
    result = subprocess.run([sys.executable, "manage.py", "check"], cwd=ROOT, env=environment,
                            capture_output=True, text=True, timeout=120)
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY must be set" in result.stderr


def test_korean_catalogue_is_complete():
    with (ROOT / "locale" / "ko" / "LC_MESSAGES" / "django.po").open("rb") as handle:
        catalogue = read_po(handle)
    untranslated = [m.id for m in catalogue if m.id and not (all(m.string) if m.pluralizable else m.string)]
    fuzzy = [m.id for m in catalogue if m.id and m.fuzzy]
    assert untranslated == []
    assert fuzzy == []
    assert len(catalogue) > 100


@pytest.mark.django_db
def test_health_endpoint_reports_database_and_broker(client):
    response = client.get(reverse("healthz"))
    assert response.status_code == 200
    assert response.json()["database"] == "ok"
    assert response.json()["broker"] == ("ok" if settings.CELERY_BROKER_URL else "eager")


@pytest.mark.skipif(not settings.CELERY_BROKER_URL, reason="no CELERY_BROKER_URL: tasks run eagerly (SQLite run)")
def test_configured_broker_carries_a_message_for_real():
    from kombu import Connection

    with Connection(settings.CELERY_BROKER_URL, connect_timeout=3) as connection:
        queue = connection.SimpleQueue("portal-test-roundtrip")
        queue.put({"hello": "broker"})
        message = queue.get(timeout=3)
        assert message.payload == {"hello": "broker"}
        message.ack()
        queue.close()


def test_embedded_default_runs_tasks_eagerly_only_without_a_broker():
    assert settings.CELERY_TASK_ALWAYS_EAGER is (not settings.CELERY_BROKER_URL)


def test_uploads_live_outside_the_static_and_template_roots():
    upload_root = Path(settings.STORAGES["default"]["OPTIONS"]["location"]).resolve()
    for public in (ROOT / "static", Path(settings.STATIC_ROOT), ROOT / "templates"):
        assert not upload_root.is_relative_to(public.resolve())


def test_no_url_serves_files_straight_from_disk():
    from django.urls import get_resolver
    from django.views.static import serve

    def callbacks(resolver):
        for pattern in resolver.url_patterns:
            if hasattr(pattern, "url_patterns"):
                yield from callbacks(pattern)
            else:
                yield pattern.callback

    assert serve not in set(callbacks(get_resolver()))
