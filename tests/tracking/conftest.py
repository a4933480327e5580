import pytest

from accounts.roles import Role
from ministries.models import Ministry
from tests.factories import make_user
from tests.tracking.builders import confirmed_tasks


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
            for code in ("MOJ", "MOIS", "MAFRA", "MSS")}
