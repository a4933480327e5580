"""A real Celery worker in a process of its own (prefork, one child), on the test database and the Redis
broker, for the fault tests: its child can be killed at a named point (``core.faults``) and is restarted by
the worker, which gets the message back (late acknowledgement, rejected on a lost worker); or its child can
be held at a point while the test kills the worker's main process."""
import email
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from django.conf import settings
from django.db import connection

from outbox.models import PendingWork

READY_TIMEOUT = 60
SETTLE_TIMEOUT = 60


def database_url() -> str:
    """The test database (not the configured one) as a URL the worker's settings read."""
    db = connection.settings_dict
    password = f":{db['PASSWORD']}" if db.get("PASSWORD") else ""
    return f"postgres://{db['USER']}{password}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"


class Worker:
    def __init__(self, broker_url: str, workdir: Path):
        self.fault_file = workdir / "fault"
        self.mail_dir = workdir / "mail"
        self.mail_dir.mkdir()
        self.log = workdir / "worker.log"
        env = {**os.environ, "DJANGO_SETTINGS_MODULE": "tests.faults.worker_settings",
               "DATABASE_URL": database_url(), "DATABASE_CONN_MAX_AGE": "0", "CELERY_BROKER_URL": broker_url,
               "PORTAL_FAULT_FILE": str(self.fault_file), "PORTAL_TEST_MAIL_DIR": str(self.mail_dir)}
        self.process = subprocess.Popen(
            [sys.executable, "-m", "celery", "-A", "config", "worker", "--pool=prefork", "--concurrency=1",
             "--without-heartbeat", "--without-mingle", "--without-gossip", "-l", "INFO",
             "-n", f"faults-{os.getpid()}@%h"],
            cwd=settings.BASE_DIR, env=env, stdout=self.log.open("w"), stderr=subprocess.STDOUT)
        deadline = time.monotonic() + READY_TIMEOUT
        while "ready." not in self.log.read_text(errors="replace"):
            if self.process.poll() is not None or time.monotonic() > deadline:
                self.stop()
                raise RuntimeError(f"The worker did not start:\n{self.log.read_text(errors='replace')[-3000:]}")
            time.sleep(0.3)

    def kill_at(self, point: str) -> None:
        """The next time the worker's child reaches ``point`` it dies (SIGKILL)."""
        self.fault_file.write_text(point, encoding="utf-8")

    def tail(self) -> str:
        """The end of the worker's log, for a failure's message."""
        return self.log.read_text(errors="replace")[-3000:]

    def finished(self) -> int:
        """How many tasks this worker has finished (succeeded, raised or retried), by its log."""
        text = self.log.read_text(errors="replace")
        return sum(text.count(word) for word in ("] succeeded in ", "] raised ", "] retry: "))

    def failed(self) -> int:
        """How many tasks of this worker raised an error or were retried, by its log."""
        text = self.log.read_text(errors="replace")
        return text.count("] raised ") + text.count("] retry: ")

    def hold_at(self, point: str) -> None:
        """The next time the worker's child reaches ``point`` it waits there (see ``held``, ``release``)."""
        self.fault_file.write_text(f"hold {point}", encoding="utf-8")

    def held(self, timeout: float = SETTLE_TIMEOUT) -> int:
        """Wait until the child waits at the held point; returns the child's process id."""
        marker = self.fault_file.with_name(f"{self.fault_file.name}.held")
        deadline = time.monotonic() + timeout
        while not marker.exists() or not marker.read_text(encoding="utf-8").strip():
            if time.monotonic() > deadline:
                raise AssertionError(f"The fault point was not reached:\n{self.tail()}")
            time.sleep(0.1)
        return int(marker.read_text(encoding="utf-8"))

    def release(self) -> None:
        """Let the held child go on."""
        self.fault_file.with_name(f"{self.fault_file.name}.held").unlink(missing_ok=True)

    def kill_main(self) -> None:
        """SIGKILL the worker's main process (the one that talks to the broker and acknowledges): no
        cleanup, no acknowledgement, no message given back. Celery has given its child the parent-death
        signal SIGKILL: the child dies with it."""
        self.process.send_signal(signal.SIGKILL)
        self.process.wait()

    @property
    def killed(self) -> bool:
        """The fault fired (the file is removed just before the kill)."""
        return not self.fault_file.exists()

    def settle(self, timeout: float = SETTLE_TIMEOUT, exclude_keys: list[str] = ()) -> None:
        """Wait until no pending work is left (every task handed over has finished), but for the work of
        ``exclude_keys`` (work whose message is lost with a killed worker)."""
        deadline = time.monotonic() + timeout
        while PendingWork.objects.filter(done_at=None).exclude(key__in=exclude_keys).exists():
            if time.monotonic() > deadline:
                raise AssertionError(f"Work still pending: {list(PendingWork.objects.filter(done_at=None))}\n"
                                     f"{self.log.read_text(errors='replace')[-3000:]}")
            time.sleep(0.3)

    def mails(self) -> list[email.message.Message]:
        """Every message the worker sent, parsed from the file backend's files."""
        found = []
        for path in sorted(self.mail_dir.iterdir()):
            for chunk in path.read_text(encoding="utf-8").split("-" * 79):
                if chunk.strip():
                    found.append(email.message_from_string(chunk.strip()))
        return found

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


def alive(pid: int) -> bool:
    """The process runs (a zombie left to a parent that does not reap counts as gone)."""
    try:
        status = Path(f"/proc/{pid}/status").read_text(encoding="utf-8")
    except FileNotFoundError:
        return False
    except OSError:  # no /proc: ask the kernel
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return False
        return True
    return "\nState:\tZ" not in status

