"""Backup and restore (issue 25): a backup restored into a scratch database and upload directory holds the
same rows and the same files. PostgreSQL only (pg_dump), so this runs in CI's PostgreSQL run."""
import hashlib
from pathlib import Path

import psycopg2
import pytest
from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.management import CommandError, call_command
from django.db import connection

from accounts.roles import Role
from audit.models import AuditEntry
from tests.factories import make_user

pytestmark = pytest.mark.skipif("postgresql" not in settings.DATABASES["default"]["ENGINE"],
                                reason="backup and restore need PostgreSQL (the SQLite run has none)")


def _connect(name: str):
    values = connection.settings_dict
    return psycopg2.connect(dbname=name, host=values["HOST"] or None, port=values["PORT"] or None,
                            user=values["USER"] or None, password=values["PASSWORD"] or None)


@pytest.fixture
def scratch_database():
    """An empty database beside the test database, dropped afterwards; yields (name, url)."""
    name = f"{connection.settings_dict['NAME']}_restore"
    admin = _connect("postgres")
    admin.autocommit = True
    with admin.cursor() as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{name}"')
        cursor.execute(f'CREATE DATABASE "{name}"')
    values = connection.settings_dict
    auth = values["USER"] + (f":{values['PASSWORD']}" if values["PASSWORD"] else "")
    yield name, f"postgres://{auth}@{values['HOST'] or '127.0.0.1'}:{values['PORT'] or 5432}/{name}"
    with admin.cursor() as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    admin.close()


def _row_counts(conn) -> dict[str, int]:
    with conn.cursor() as cursor:
        cursor.execute("SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename")
        tables = [row[0] for row in cursor.fetchall()]
        counts = {}
        for table in tables:
            cursor.execute(f'SELECT count(*) FROM "{table}"')
            counts[table] = cursor.fetchone()[0]
    return counts


@pytest.mark.django_db(transaction=True)
def test_a_backup_restores_into_a_scratch_database_with_the_same_rows_and_files(registry, tmp_path,
                                                                                scratch_database):
    official = make_user(Role.LOCAL_OFFICIAL, username="restore-check")
    content = b"%PDF-1.4 backup drill \xec\xb2\xb4\xed\x81\xac"
    stored = default_storage.save("drill/plan.pdf", ContentFile(content))
    archive = tmp_path / "portal.tar"

    call_command("backup_portal", str(archive))
    name, url = scratch_database
    restored_uploads = tmp_path / "restored-uploads"
    call_command("restore_portal", str(archive), database_url=url, uploads_dir=str(restored_uploads))

    scratch = _connect(name)
    try:
        drill = AuditEntry.objects.get(action="command.ran", target_id="restore_portal")  # the portal's own trail
        assert drill.changes["door"] == "command" and drill.changes["outcome"]["database"] == name
        original = _row_counts(connection.connection)
        original["audit_auditentry"] -= 1  # that entry, written after the copy was taken
        assert _row_counts(scratch) == original
        assert original["regions_localgovernment"] > 200 and original["accounts_user"] >= 1
        with scratch.cursor() as cursor:
            cursor.execute("SELECT password, role FROM accounts_user WHERE username = 'restore-check'")
            assert cursor.fetchone() == (official.password, Role.LOCAL_OFFICIAL)
    finally:
        scratch.close()
    restored = (restored_uploads / stored).read_bytes()
    assert hashlib.sha256(restored).hexdigest() == hashlib.sha256(content).hexdigest()


def test_restore_refuses_a_file_that_is_not_a_backup(tmp_path, scratch_database):
    _name, url = scratch_database
    bogus = tmp_path / "bogus.tar"
    bogus.write_bytes(b"not a tar archive at all")
    with pytest.raises(CommandError):
        call_command("restore_portal", str(bogus), database_url=url, uploads_dir=str(tmp_path / "u"))
    assert not Path(tmp_path / "u").exists()


@pytest.mark.django_db
def test_backup_never_overwrites_an_earlier_archive(tmp_path):
    earlier = tmp_path / "portal.tar"
    earlier.write_bytes(b"yesterday")
    with pytest.raises(CommandError, match="exists already"):
        call_command("backup_portal", str(earlier))
    assert earlier.read_bytes() == b"yesterday"
