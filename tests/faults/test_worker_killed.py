"""A real worker killed (SIGKILL, as ``kill -9``) at chosen points of a selection run, a notification fan-out,
an e-mail and the opening of selected tasks, then restarted (the prefork worker starts a new child and gets
the message back): the outcome equals the no-fault one, with no duplicate rows and no duplicate e-mails. And
the broker pointed at a closed port: the write is kept and the worker does the work once the broker returns.
Runs on PostgreSQL with Redis (CI's second run); skipped on SQLite."""
import os
from collections import Counter

import pytest
import redis
from django.db import connection

from accounts.roles import Role
from applications.models import Proposal
from notifications.models import Delivery, DeliveryStatus, Notification
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
from tests.faults.worker import Worker
from tests.selection.builders import scored_contest

REDIS_URL = os.environ.get("CELERY_BROKER_URL", "")

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.usefixtures("registry")]


@pytest.fixture(scope="module")
def running_worker(tmp_path_factory, django_db_setup):
    """One worker for the module (starting one takes seconds); each test names its own fault point."""
    if connection.vendor != "postgresql" or not REDIS_URL.startswith("redis://"):
        pytest.skip("Needs PostgreSQL and Redis (CI's second run): a worker in its own process shares neither "
                    "SQLite's in-memory test database nor an eager Celery.")
    try:
        redis.Redis.from_url(REDIS_URL, socket_connect_timeout=1).ping()
    except redis.RedisError:
        pytest.skip(f"No Redis reachable at {REDIS_URL}.")
    from config.celery import app

    previous = app.conf.task_always_eager
    app.conf.update(task_always_eager=False, broker_url=REDIS_URL)
    forget_connections()
    with app.connection_for_write() as broker:
        broker.default_channel.queue_purge(app.conf.task_default_queue)  # what earlier tests left behind
    running = Worker(REDIS_URL, tmp_path_factory.mktemp("worker"))
    try:
        yield running
    finally:
        running.stop()
        app.conf.update(task_always_eager=previous)
        forget_connections()


@pytest.fixture
def worker(running_worker):
    from config.celery import app

    app.conf.update(task_always_eager=False)  # another module's fixture may have left Celery eager
    yield running_worker
    running_worker.fault_file.unlink(missing_ok=True)


def test_a_run_killed_after_writing_its_decisions_is_computed_once(worker):
    contest, _proposals = scored_contest(SCORES, target=2)
    council = make_user(Role.COUNCIL_STAFF)
    worker.settle()
    worker.kill_at("selection.execute_run.decisions_written")
    run = start_run(actor=council, contest=contest)
    worker.settle()
    assert worker.killed
    run.refresh_from_db()
    assert run.status == RunStatus.COMPLETED
    assert sorted(run.decisions.values_list("proposal_id", "rank", "outcome", "national_krw")) == (
        no_fault_outcome(contest))


@pytest.mark.parametrize("point", ["notifications.deliver.midway", "notifications.email.before_send"])
def test_a_fan_out_killed_midway_tells_each_recipient_once(worker, point):
    contest, _proposals = scored_contest(SCORES, target=2)
    proposal = Proposal.objects.filter(contest=contest).order_by("pk").first()
    recipients = officials_of(proposal)
    assert len(recipients) >= 4
    worker.settle()
    sent_before = len(worker.mails())
    worker.kill_at(point)
    announce_correction(proposal, "fault")
    worker.settle()
    assert worker.killed
    notified = Notification.objects.filter(key=f"proposal.correction_requested:{proposal.pk}:fault")
    assert sorted(notified.values_list("recipient__email", flat=True)) == sorted(recipients)
    mails = worker.mails()[sent_before:]
    assert Counter(message["To"] for message in mails) == Counter(recipients)  # each once
    for channel in ("in_app", "email"):  # one delivery per recipient and channel, each delivered
        deliveries = Delivery.objects.filter(notification__in=notified, channel=channel)
        assert sorted(deliveries.values_list("status", flat=True)) == [DeliveryStatus.DELIVERED] * len(recipients)


def test_an_e_mail_killed_after_the_server_took_it_is_sent_again_with_the_same_message_id(worker):
    """The one crash window left (README): the same message, marked by its Message-ID, twice."""
    contest, _proposals = scored_contest(SCORES, target=2)
    proposal = Proposal.objects.filter(contest=contest).order_by("pk").first()
    recipients = officials_of(proposal)
    worker.settle()
    sent_before = len(worker.mails())
    worker.kill_at("notifications.email.after_send")
    announce_correction(proposal, "window")
    worker.settle()
    assert worker.killed
    mails = worker.mails()[sent_before:]
    counts = Counter(message["To"] for message in mails)
    assert set(counts) == recipients and sorted(counts.values()) == [1] * (len(recipients) - 1) + [2]
    twice = [message["Message-ID"] for message in mails if counts[message["To"]] == 2]
    assert len(set(twice)) == 1
    assert Delivery.objects.filter(notification__key__endswith=":window", channel="email", attempts=2).count() == 1


def test_opening_tasks_killed_midway_opens_each_selected_task_once(worker):
    run, council = published_run(worker)
    worker.kill_at("tracking.open_tasks.midway")
    confirm_run(actor=council, run=run, now=run.objection_closes_at)
    worker.settle()
    assert worker.killed
    assert_each_selected_task_opened_once(run)


def test_with_the_broker_down_a_run_is_kept_and_the_worker_computes_it_once_the_broker_returns(worker,
                                                                                                monkeypatch):
    from config.celery import app
    from outbox.models import PendingWork
    from outbox.services import sweep
    from tests.faults.conftest import CLOSED_PORT_BROKER

    contest, _proposals = scored_contest(SCORES, target=2)
    council = make_user(Role.COUNCIL_STAFF)
    worker.settle()
    monkeypatch.setenv("CELERY_BROKER_URL", CLOSED_PORT_BROKER)
    app.conf.update(broker_url=CLOSED_PORT_BROKER)
    forget_connections()
    run = start_run(actor=council, contest=contest)  # answers; the hand-over failed
    work = PendingWork.objects.get(key=f"selection.run:{run.pk}")
    assert work.done_at is None and work.enqueued_at is None and work.last_error
    monkeypatch.setenv("CELERY_BROKER_URL", REDIS_URL)  # Redis is back
    app.conf.update(broker_url=REDIS_URL)
    forget_connections()
    assert sweep()["handed_over"] == 1  # what beat's sweep does within a minute
    worker.settle()
    run.refresh_from_db()
    assert run.status == RunStatus.COMPLETED
    assert sorted(run.decisions.values_list("proposal_id", "rank", "outcome", "national_krw")) == (
        no_fault_outcome(contest))
