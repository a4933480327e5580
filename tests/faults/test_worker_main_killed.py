"""A worker's MAIN process killed (SIGKILL, as ``kill -9`` of the pid in the process list, or the OOM killer)
while its child is in the middle of a task; the child dies with it (Celery sets its parent-death signal).
The main process is the one that took the message from Redis and would acknowledge it: the message stays
unacknowledged and Redis gives it back only after the visibility timeout (twelve minutes). Recovery is the
outbox's sweep (Celery beat every minute; ``manage.py pending_work --sweep`` by hand), which hands the
pending work to a worker again; then the original message comes back too (here made visible at once, as
the timeout would). Either way each effect happens exactly once.

Runs only where Redis is the broker and PostgreSQL the database (CI's second run sets CELERY_BROKER_URL and
DATABASE_URL): the worker is a process of its own."""
import io
import os
import time
from collections import Counter

import pytest
import redis
from django.conf import settings
from django.core.management import call_command
from kombu import Connection

from accounts.roles import Role
from applications.models import Proposal
from notifications.models import Delivery, DeliveryStatus, Notification
from outbox.models import PendingWork
from selection.models import RunStatus
from selection.services import confirm_run, start_run
from tests.factories import make_user
from tests.faults.conftest import forget_connections
from tests.faults.scenarios import (
    SCORES,
    announce_correction,
    assert_each_selected_task_opened_once,
    no_fault_outcome,
    officials_of,
    published_run,
)
from tests.faults.worker import Worker, alive
from tests.selection.builders import scored_contest
from tracking.models import SelectedTask

REDIS_URL = os.environ.get("CELERY_BROKER_URL", "")
ON_POSTGRESQL = settings.DATABASES["default"]["ENGINE"].endswith("postgresql")

pytestmark = [
    pytest.mark.skipif(not (REDIS_URL.startswith("redis://") and ON_POSTGRESQL),
                       reason="Needs Redis as the Celery broker and PostgreSQL (CI's second run)"),
    pytest.mark.django_db(transaction=True), pytest.mark.usefixtures("registry"),
]
DRAIN_TIMEOUT = 60


@pytest.fixture
def broker(django_db_setup):
    """Celery in this process publishes to Redis (not eagerly); the queue and the unacknowledged messages
    earlier tests left are dropped. Yields a Redis client of the broker's database."""
    from config.celery import app

    client = redis.Redis.from_url(REDIS_URL, socket_connect_timeout=1)
    try:
        client.ping()
    except redis.RedisError:
        pytest.fail(f"No Redis reachable at {REDIS_URL}, though CELERY_BROKER_URL names it.")
    previous = {key: app.conf[key] for key in ("broker_url", "task_always_eager")}
    app.conf.update(task_always_eager=False, broker_url=REDIS_URL)
    forget_connections()
    client.delete(app.conf.task_default_queue, "unacked", "unacked_index")
    yield client
    client.delete(app.conf.task_default_queue, "unacked", "unacked_index")
    app.conf.update(previous)
    forget_connections()


@pytest.fixture
def workers(tmp_path):
    """Starts workers (each in a directory of its own); stops them afterwards."""
    started = []

    def start(name: str) -> Worker:
        directory = tmp_path / name
        directory.mkdir()
        started.append(Worker(REDIS_URL, directory))
        return started[-1]

    yield start
    for worker in started:
        worker.release()
        worker.stop()


def kill_main_while_held(worker: Worker) -> None:
    """Wait until the worker's child is held at its fault point, SIGKILL the worker's main process, and see
    the child go with it (Celery gives its pool children the parent-death signal SIGKILL): the task in
    flight is cut where it was held and its message is never acknowledged."""
    child = worker.held()
    worker.kill_main()
    wait_for(lambda: not alive(child), "the child to die with the main process", timeout=10)


def wait_for(condition, what: str, timeout: float = DRAIN_TIMEOUT) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"Timed out waiting for {what}")
        time.sleep(0.2)


def unacknowledged(client: redis.Redis) -> int:
    return client.hlen("unacked")


def sweep_as_beat(settings_) -> str:
    """The sweep beat runs every minute, after the hand-over is older than the redispatch delay (here: now);
    through the operator's command. Returns what it printed."""
    settings_.OUTBOX_REDISPATCH_AFTER_SECONDS = 0
    out = io.StringIO()
    call_command("pending_work", "--sweep", stdout=out)
    return out.getvalue()


def redeliver_unacknowledged(worker: Worker, client: redis.Redis) -> None:
    """What Redis does once the visibility timeout has passed: the message the killed main process took and
    never acknowledged goes back on the queue, and a worker runs it again. Waits until it has been run, and
    sees it find its work done without an error."""
    from config.celery import app

    assert unacknowledged(client) == 1  # the killed main process's message
    finished_before, failed_before = worker.finished(), worker.failed()
    with Connection(REDIS_URL, transport_options={"visibility_timeout": 0}) as connection:
        connection.default_channel.qos.restore_visible(num=100)
    queue = app.conf.task_default_queue
    wait_for(lambda: worker.finished() > finished_before and client.llen(queue) == 0
             and unacknowledged(client) == 0, "the redelivered message to be run and acknowledged")
    worker.settle()
    assert worker.failed() == failed_before, worker.tail()


def test_a_run_whose_worker_main_process_died_is_computed_once_by_the_sweep(broker, workers, settings):
    contest, _proposals = scored_contest(SCORES, target=2)
    council = make_user(Role.COUNCIL_STAFF)
    first = workers("first")
    first.hold_at("selection.execute_run.decisions_written")
    run = start_run(actor=council, contest=contest)
    kill_main_while_held(first)  # the child's transaction is rolled back
    run.refresh_from_db()
    assert run.status == RunStatus.QUEUED and not run.decisions.exists()

    second = workers("second")
    time.sleep(2)  # a fresh worker does not get the dead one's message (visibility timeout)
    assert PendingWork.objects.get(key=f"selection.run:{run.pk}").done_at is None
    assert "handed over: 1," in sweep_as_beat(settings)
    second.settle()
    run.refresh_from_db()
    assert run.status == RunStatus.COMPLETED
    computed = sorted(run.decisions.values_list("proposal_id", "rank", "outcome", "national_krw"))
    assert computed == no_fault_outcome(contest)

    redeliver_unacknowledged(second, broker)
    run.refresh_from_db()
    assert run.status == RunStatus.COMPLETED
    assert sorted(run.decisions.values_list("proposal_id", "rank", "outcome", "national_krw")) == computed


def correction_cut_at(point: str, worker: Worker):
    """A correction request told to four or more officials, its worker's main process killed at ``point``.
    Returns the recipients' e-mails and the notifications of that request."""
    contest, _proposals = scored_contest(SCORES, target=2)
    proposal = Proposal.objects.filter(contest=contest).order_by("pk").first()
    recipients = officials_of(proposal)
    worker.hold_at(point)
    announce_correction(proposal, "main-killed")
    kill_main_while_held(worker)
    return recipients, Notification.objects.filter(key=f"proposal.correction_requested:{proposal.pk}:main-killed")


def test_a_fan_out_whose_worker_main_process_died_tells_each_recipient_once(broker, workers, settings):
    first = workers("first")
    recipients, notified = correction_cut_at("notifications.deliver.midway", first)
    assert not notified.exists()  # the fan-out is one transaction: nothing half-done

    second = workers("second")
    assert "handed over: 1," in sweep_as_beat(settings)
    second.settle()
    assert sorted(notified.values_list("recipient__email", flat=True)) == sorted(recipients)
    assert Counter(message["To"] for message in second.mails()) == Counter(recipients)

    redeliver_unacknowledged(second, broker)
    assert notified.count() == len(recipients)
    assert Counter(message["To"] for message in first.mails() + second.mails()) == Counter(recipients)
    assert Delivery.objects.filter(notification__in=notified, channel="email", attempts=1).count() == len(
        recipients)


def test_an_e_mail_whose_worker_main_process_died_is_sent_once(broker, workers, settings):
    """The issue's case: killing the main process left the message unacknowledged until the visibility
    timeout, then one e-mail went twice. The e-mail's attempt is recorded before the mail server is asked,
    so the sweep's hand-over and the redelivered message each find what was done."""
    first = workers("first")
    recipients, notified = correction_cut_at("notifications.email.before_send", first)
    assert notified.count() == len(recipients) and first.mails() == []
    emails = Delivery.objects.filter(notification__in=notified, channel="email")
    cut = emails.get(attempts=1, status=DeliveryStatus.PENDING)

    second = workers("second")
    second.settle(exclude_keys=[f"send:{cut.pk}"])  # the other recipients' e-mails were still on the queue
    cut.refresh_from_db()
    assert cut.status == DeliveryStatus.PENDING  # its message is the dead worker's, unacknowledged
    assert "handed over: 1," in sweep_as_beat(settings)
    second.settle()
    redeliver_unacknowledged(second, broker)
    assert Counter(message["To"] for message in second.mails()) == Counter(recipients)  # each once
    assert sorted(emails.values_list("status", flat=True)) == [DeliveryStatus.DELIVERED] * len(recipients)
    cut.refresh_from_db()
    assert cut.attempts == 2  # the dead worker's attempt, then the sweep's; the redelivery found it sent


def test_opening_tasks_whose_worker_main_process_died_opens_each_selected_task_once(broker, workers, settings):
    first = workers("first")
    run, council = published_run(first)
    first.hold_at("tracking.open_tasks.midway")
    confirm_run(actor=council, run=run, now=run.objection_closes_at)
    kill_main_while_held(first)
    assert SelectedTask.objects.filter(decision__run=run).count() == 1  # each task opens in its own transaction

    second = workers("second")
    second.settle(exclude_keys=[f"tracking.open_tasks:{run.pk}"])  # the confirmation's notifications
    assert "handed over: 1," in sweep_as_beat(settings)
    second.settle()
    assert_each_selected_task_opened_once(run)
    redeliver_unacknowledged(second, broker)
    assert_each_selected_task_opened_once(run)
