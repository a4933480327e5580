import pytest

from accounts.roles import Role
from reviews.models import Assignment
from reviews.services import assign_automatically
from tests.factories import make_user
from tests.reviews.builders import make_panel, make_rubric


@pytest.fixture
def assignment():
    """One reviewer's assignment to Hamyang-gun's proposal, on a panel of three with the standard rubric."""
    panel = make_panel(members=3, per_proposal=3, codes=["48870"])
    make_rubric(panel.contest)
    assign_automatically(actor=make_user(Role.COUNCIL_STAFF), panel=panel)
    return Assignment.objects.filter(panel=panel).order_by("reviewer_id").first()


@pytest.fixture
def council_signed_in(client, council):
    """The council staff member (English), signed in on ``client``."""
    client.force_login(council)
    return council
