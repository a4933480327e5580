import importlib
from datetime import UTC, datetime

import pytest

from accounts.roles import Role
from applications.models import StageKind
from ministries.models import Measure, MeasureRule, Ministry, SupportLineKind
from ministries.reference import create_measures, create_reference_data
from regions.models import Province
from regions.services import load_region_registry
from tests.factories import make_user
from tests.tracking.builders import confirmed_tasks


def _ensure_reference_data() -> None:
    """Registry, ministries and the evaluation stages' kinds, loaded when absent (a transactional test flushes
    what the migrations seeded)."""
    if not Province.objects.exists():
        load_region_registry()
    if not Ministry.objects.exists():
        create_reference_data(Ministry, SupportLineKind)
        create_measures(SupportLineKind, Measure, MeasureRule)
    if not StageKind.objects.exists():  # seeded by applications 0011, whose list stays the one source
        kinds = importlib.import_module("applications.migrations.0011_contest_stages").KINDS
        StageKind.objects.bulk_create([StageKind(code=code, name_ko=name_ko, name_en=name_en, scheduled_slots=slots,
                                                 slot_location=location)
                                       for code, name_ko, name_en, slots, location in kinds])


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        _ensure_reference_data()


@pytest.fixture
def registry(db):
    """The shipped region registry and the ministries, as after ``migrate`` and ``load_regions``."""
    _ensure_reference_data()


def pytest_collection_modifyitems(items):
    """Browser journeys and migration tests last: they flush the database when they end."""
    items.sort(key=lambda item: item.get_closest_marker("browser") is not None
               or item.get_closest_marker("migration") is not None)


@pytest.fixture
def english():
    """Run the test in English, so assertions can quote the English messages."""
    from django.utils import translation

    with translation.override("en"):
        yield


@pytest.fixture
def celery_eager():
    """Run Celery tasks in-process for this test even where a broker is configured (the PostgreSQL run),
    so a test can see what a task did; the real-worker round trip is tested on its own."""
    from config.celery import app

    previous = app.conf.task_always_eager
    app.conf.task_always_eager = True
    yield
    app.conf.task_always_eager = previous


# The selected tasks of a confirmed round: tracking's tests and the API's build on them.

@pytest.fixture
def council(db):
    return make_user(Role.COUNCIL_STAFF, language="en")


@pytest.fixture
def tasks(db, council, django_capture_on_commit_callbacks, celery_eager):
    """Hamyang-gun (selected, 1,000,000,000 KRW over 2026–27) and Gokseong-gun (selected) of a confirmed run,
    opened by the task the confirmation enqueues. Returns {code: task}."""
    return confirmed_tasks(council, django_capture_on_commit_callbacks)


@pytest.fixture
def hamyang(tasks):
    return tasks["48870"]


@pytest.fixture
def staff():
    """One ministry staff user per ministry code."""
    return {code: make_user(Role.MINISTRY_STAFF, ministry=Ministry.objects.get(code=code), language="en")
            for code in ("MOJ", "MOIS", "MAFRA", "MSS", "MCST", "MOF")}


@pytest.fixture(autouse=True)
def _empty_cache():
    """Each test starts with an empty cache: a table cached by an earlier test must not show up in another."""
    from django.core.cache import cache

    cache.clear()


# The day the demo's README describes: the 2027 round open, the 2026 H2 reports still to write. The demo's history
# is fixed (2024–2026), so seeded on a later day its present would be the wrong round and every report late.
DEMO_DAY = datetime(2026, 11, 29, 1, 0, tzinfo=UTC)  # 10:00 KST; in UTC, so time-machine leaves TZ alone


@pytest.fixture
def demo_day():
    """The clock at ``DEMO_DAY`` and running on, for a test that seeds the demo and checks its present."""
    import time_machine

    with time_machine.travel(DEMO_DAY, tick=True):
        yield DEMO_DAY
