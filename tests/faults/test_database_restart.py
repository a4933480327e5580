"""A database restart with no traffic: the connection a web worker kept is dead; with CONN_HEALTH_CHECKS the
next request finds that out before using it and reconnects, instead of answering 500. PostgreSQL only."""
import psycopg2
import pytest
from django.conf import settings
from django.db import close_old_connections, connection
from django.urls import reverse

from accounts.roles import Role
from tests.factories import make_user

pytestmark = pytest.mark.django_db(transaction=True)


def test_the_first_request_after_the_database_dropped_its_connections_is_answered(client):
    if connection.vendor != "postgresql":
        pytest.skip("Needs PostgreSQL: SQLite has no server connection to lose.")
    assert settings.DATABASES["default"]["CONN_HEALTH_CHECKS"] is True
    client.force_login(make_user(Role.COUNCIL_STAFF))  # a signed-in page reads the database
    assert client.get(reverse("home")).status_code == 200  # the connection is kept for the next request
    connection.ensure_connection()
    kept = connection.connection.info.backend_pid
    params = connection.get_connection_params()
    params.pop("cursor_factory", None)
    other = psycopg2.connect(**params)
    try:
        other.autocommit = True
        with other.cursor() as cursor:  # what a restart does to every connection
            cursor.execute("SELECT pg_terminate_backend(%s)", [kept])
    finally:
        other.close()
    close_old_connections()  # what a real server does as each request starts (the test client leaves it out)
    assert client.get(reverse("home")).status_code == 200
    assert connection.connection.info.backend_pid != kept
