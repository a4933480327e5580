import pytest

from ministries.models import Ministry, SupportItem, SupportLineKind
from ministries.reference import create_reference_data
from regions.models import Province
from regions.services import load_region_registry


def _ensure_reference_data() -> None:
    """Registry and ministries, loaded when absent (a transactional test flushes them)."""
    if not Province.objects.exists():
        load_region_registry()
    if not Ministry.objects.exists():
        create_reference_data(Ministry, SupportLineKind, SupportItem)


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        _ensure_reference_data()


@pytest.fixture
def registry(db):
    """The shipped region registry and the ministries, as after ``migrate`` and ``load_regions``."""
    _ensure_reference_data()


def pytest_collection_modifyitems(items):
    """Browser journeys last: their live server flushes the database when they end."""
    items.sort(key=lambda item: item.get_closest_marker("browser") is not None)


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
