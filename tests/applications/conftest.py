import pytest

from accounts.roles import Role
from applications.services import create_proposal
from tests.applications.test_proposal_services import SECTIONS
from tests.factories import make_open_contest, make_user


@pytest.fixture
def official():
    """A local government's official who reads English."""
    return make_user(Role.LOCAL_OFFICIAL, language="en")


@pytest.fixture
def draft(official):
    """His draft in an open contest, its text sections filled."""
    return create_proposal(actor=official, contest=make_open_contest(), values=SECTIONS,
                           lead_local_government=official.local_government)
