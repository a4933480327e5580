"""The demo's clock: each phase of the demo is built with the clock set to its real moment, so whatever the
services write then (the audit trail's ``at``, ``auto_now`` and ``auto_now_add`` fields, ``default=timezone.now``,
a service's own ``timezone.now()``) carries that moment, not the moment of seeding.

time-machine (a development package, requirements-dev.txt) moves the clock of the whole process, which is
what those fields read; patching ``django.utils.timezone.now`` would miss the defaults captured at import.
"""
import time as clocks
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, time, timedelta

from django.core.exceptions import ImproperlyConfigured

from applications.models import SEOUL

WORKDAY = (time(9), time(18))  # moments spread by ``working_moments`` fall in these hours (KST)


# The clock outside the demo's phases as the first phase was entered: (its time, time.monotonic() then).
_outside: list[tuple[datetime, float]] = []


def real_now() -> datetime:
    """The time outside the demo's phases, whatever clock a phase has set: the machine's, or the one a test has
    set to seed the demo on a given day (the monotonic clock, which no phase moves, carries it on)."""
    if _outside:
        at, entered = _outside[0]
        return at + timedelta(seconds=clocks.monotonic() - entered)
    return datetime.now(tz=UTC)


@contextmanager
def demo_clock(moment: datetime) -> Iterator[datetime]:
    """Run the block with the clock at ``moment`` and running on from there. A moment after the real now is
    taken as now, so seeding never dates anything in the future."""
    try:
        import time_machine
    except ImportError as error:  # pragma: no cover - the dev requirements install it
        raise ImproperlyConfigured("seed_demo needs time-machine: pip install -r requirements-dev.txt") from error
    now = real_now()
    # In UTC: time-machine would otherwise set the process's TZ to the moment's zone for the block.
    moment = min(moment, now).astimezone(UTC)
    _outside.append((now, clocks.monotonic()))
    try:
        with time_machine.travel(moment, tick=True):
            yield moment
    finally:
        _outside.pop()


def working_moments(start: datetime, end: datetime, count: int) -> list[datetime]:
    """``count`` distinct moments spread evenly over the working hours (09:00–18:00 KST) from ``start`` to
    ``end``, in order: when sheets, reports and the like come in over a period."""
    spans = []
    day = start.astimezone(SEOUL).date()
    while day <= end.astimezone(SEOUL).date():
        opens = max(datetime.combine(day, WORKDAY[0], tzinfo=SEOUL), start)
        closes = min(datetime.combine(day, WORKDAY[1], tzinfo=SEOUL), end)
        if closes > opens:
            spans.append((opens, closes - opens))
        day += timedelta(days=1)
    total = sum((length for _opens, length in spans), timedelta())
    if not spans or count <= 0:
        return [start] * max(count, 0)
    moments = []
    for number in range(count):
        offset = total * (number + 0.5) / count
        for opens, length in spans:
            if offset < length:
                moments.append((opens + offset).replace(microsecond=0))
                break
            offset -= length
    return moments
