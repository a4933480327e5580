"""Every page's header names what the signed-in user acts for (local government with its province, province or
ministry); reading it costs no query beyond the user's own, and sessions signed in before stay signed in."""
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from accounts.roles import Role
from tests.factories import make_user

pytestmark = pytest.mark.usefixtures("registry", "english")


@pytest.mark.parametrize("role, shown", [(Role.LOCAL_OFFICIAL, "Gyeongsangnam-do Hamyang-gun"),
                                         (Role.PROVINCIAL_OFFICER, "Gyeongsangnam-do"),
                                         (Role.MINISTRY_STAFF, "Ministry of Justice")])
def test_the_header_names_what_the_user_acts_for_with_no_query_of_its_own(client, role, shown):
    user = make_user(role, language="en")
    client.force_login(user)
    with CaptureQueriesContext(connection) as queries:
        page = client.get(reverse("notifications:list")).content.decode()
    assert f"{user.get_role_display()} · {shown}" in page
    separate = [query["sql"] for query in queries.captured_queries
                if query["sql"].startswith(('SELECT "regions_localgovernment"', 'SELECT "regions_province"',
                                            'SELECT "ministries_ministry"'))]
    assert separate == []


def test_a_session_signed_in_through_django_s_own_backend_stays_signed_in(client):
    official = make_user(Role.LOCAL_OFFICIAL, language="en")
    client.force_login(official, backend="django.contrib.auth.backends.ModelBackend")
    response = client.get(reverse("notifications:list"))
    assert response.status_code == 200 and "Gyeongsangnam-do Hamyang-gun" in response.content.decode()
