"""Fault injection for the fault tests (tests/faults): named points in the code where a worker process can be
killed as ``kill -9`` would. Inert unless the process was started with ``PORTAL_FAULT_FILE``: the point
whose name that file holds kills the process once (the file is removed first, so the restarted worker runs
on). Never set in production."""
import os
import signal


def fault_point(name: str) -> None:
    """Die here (SIGKILL, no cleanup, no acknowledgement) when the fault file names this point."""
    path = os.environ.get("PORTAL_FAULT_FILE")
    if not path:
        return
    try:
        with open(path, encoding="utf-8") as handle:
            wanted = handle.read().strip()
    except FileNotFoundError:
        return
    if wanted != name:
        return
    os.remove(path)
    os.kill(os.getpid(), signal.SIGKILL)
