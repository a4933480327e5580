import pytest

from accounts.roles import Role
from selection.services import approve_run, execute_run, publish_run, start_run
from tests.factories import make_user
from tests.selection.builders import scored_contest


@pytest.fixture
def council(db):
    return make_user(Role.COUNCIL_STAFF, language="en")


@pytest.fixture
def scored(db):
    """Hamyang (doc 80, presentation 90), Gokseong (70, 75), Uiseong (85, 55: below the presentation cut-off),
    Danyang (65, 70); a target of two tasks and one reserve by default."""
    contest, proposals = scored_contest({"48870": ([80, 80, 80], [90, 90, 90]),
                                         "12720": ([70, 70, 70], [75, 75, 75]),
                                         "47730": ([85, 85, 85], [55, 55, 55]),
                                         "43800": ([65, 65, 65], [70, 70, 70])}, target=2)
    return contest, proposals


def computed_run(contest, council, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False):
        run = start_run(actor=council, contest=contest)
    return execute_run(run.pk)


@pytest.fixture
def published(scored, council, django_capture_on_commit_callbacks, celery_eager):
    """The scored contest's run, computed, approved and published (with the notifications' tasks run)."""
    contest, proposals = scored
    run = computed_run(contest, council, django_capture_on_commit_callbacks)
    approve_run(actor=council, run=run)
    with django_capture_on_commit_callbacks(execute=True):
        run = publish_run(actor=council, run=run)
    return run, proposals
