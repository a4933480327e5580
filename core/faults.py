"""Fault injection for the fault tests (tests/faults): named points in the code where a worker process can be
killed as ``kill -9`` would, or held while the test kills something else (the worker's main process). Inert
unless the process was started with ``PORTAL_FAULT_FILE``. The file holds either a point's name (that point
kills the process once) or ``hold <name>`` (that point writes its process id to ``<file>.held`` and waits
until the test removes that file, at most ``HOLD_SECONDS``). The fault file is removed first, so a restarted
worker runs on. Never set in production."""
import os
import signal
import time
from pathlib import Path

HOLD_SECONDS = 120


def fault_point(name: str) -> None:
    """Die here (SIGKILL, no cleanup, no acknowledgement), or wait here, when the fault file names this point."""
    path = os.environ.get("PORTAL_FAULT_FILE")
    if not path:
        return
    try:
        with open(path, encoding="utf-8") as handle:
            wanted = handle.read().strip()
    except FileNotFoundError:
        return
    if wanted == name:
        os.remove(path)
        os.kill(os.getpid(), signal.SIGKILL)
    elif wanted == f"hold {name}":
        os.remove(path)
        _hold(Path(f"{path}.held"))


def _hold(marker: Path) -> None:
    """Tell the test this process is here (its id in ``marker``) and wait until the test removes the marker;
    the test meanwhile kills what it wants (this process too)."""
    marker.write_text(str(os.getpid()), encoding="utf-8")
    deadline = time.monotonic() + HOLD_SECONDS
    while marker.exists() and time.monotonic() < deadline:
        time.sleep(0.05)
