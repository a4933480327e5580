"""A real Celery worker, consuming from the Redis on this machine, runs a selection end to end: the request
commits, the task crosses the broker, the worker computes the run in its own thread and connection."""
import os
import time

import pytest
import redis
from celery.contrib.testing.worker import start_worker
from django.db import OperationalError

from accounts.roles import Role
from config.celery import app
from selection.models import Outcome, RunStatus, SelectionRun
from selection.services import start_run
from tests.factories import make_user
from tests.selection.builders import scored_contest

REDIS_URL = os.environ.get("CELERY_BROKER_URL") or os.environ.get("PORTAL_TEST_REDIS_URL",
                                                                     "redis://127.0.0.1:6379/15")


def _redis_reachable() -> bool:
    try:
        return bool(redis.Redis.from_url(REDIS_URL, socket_connect_timeout=1).ping())
    except redis.RedisError:
        return False


@pytest.fixture
def real_worker():
    if not _redis_reachable():
        pytest.skip(f"No Redis reachable at {REDIS_URL}: the real-worker test needs a broker.")
    previous = {key: app.conf[key] for key in ("broker_url", "task_always_eager")}
    app.conf.update(broker_url=REDIS_URL, task_always_eager=False)
    app.loader.import_default_modules()  # every app's tasks.py, as a worker started by ``celery -A`` has them
    _forget_connections()  # a producer made earlier may point at the default broker
    with app.connection_for_write() as connection:
        connection.default_channel.queue_purge(app.conf.task_default_queue)  # what earlier tests left behind
    try:
        with start_worker(app, pool="solo", perform_ping_check=False, loglevel="WARNING", shutdown_timeout=10):
            yield
    finally:
        app.conf.update(previous)
        _forget_connections()


def _forget_connections():
    app.close()
    app.amqp._producer_pool = None


@pytest.mark.django_db(transaction=True)
@pytest.mark.usefixtures("registry")  # an earlier transactional test may have flushed it
def test_a_real_worker_runs_a_selection_end_to_end(real_worker):
    contest, _proposals = scored_contest({"48870": ([80] * 3, [90] * 3), "12720": ([70] * 3, [75] * 3),
                                          "43800": ([65] * 3, [70] * 3)}, target=2)
    run = start_run(actor=make_user(Role.COUNCIL_STAFF), contest=contest)  # commits, then enqueues
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        time.sleep(0.5)
        try:
            run.refresh_from_db()
        except OperationalError:  # SQLite's shared in-memory test database locks the table while the worker writes
            continue
        if run.status not in (RunStatus.QUEUED, RunStatus.RUNNING):
            break
    assert run.status == RunStatus.COMPLETED, run.error
    assert list(run.decisions.order_by("rank").values_list("outcome", flat=True)) == [
        Outcome.SELECTED, Outcome.SELECTED, Outcome.RESERVE]
    assert SelectionRun.objects.filter(contest=contest).count() == 1
