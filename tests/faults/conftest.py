"""Fixtures of the fault tests: a broker that cannot be reached (a closed port)."""
import pytest

from config.celery import app

CLOSED_PORT_BROKER = "redis://127.0.0.1:1/0"  # nothing listens on port 1: connection refused at once


def forget_connections() -> None:
    """Drop Celery's pooled connections and producers, so the next publish uses the broker configured now.
    Every app's tasks are imported first: ``close`` unregisters the app, and a shared task imported after it
    would not join it."""
    app.loader.import_default_modules()
    app.close()
    app.amqp._producer_pool = None


@pytest.fixture
def broker_down(monkeypatch):
    """Celery not eager, its broker a closed port, as when Redis is down. Yields a function that brings the
    broker "back" (Celery eager: the task runs where it is handed over, as a worker would run it)."""
    previous = {key: app.conf[key] for key in ("broker_url", "task_always_eager")}
    monkeypatch.setenv("CELERY_BROKER_URL", CLOSED_PORT_BROKER)  # Celery reads it before its settings
    app.conf.update(broker_url=CLOSED_PORT_BROKER, task_always_eager=False)
    forget_connections()

    def back():
        app.conf.update(task_always_eager=True)
        forget_connections()

    try:
        yield back
    finally:
        app.conf.update(previous)
        forget_connections()
