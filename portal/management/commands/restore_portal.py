import sys
import tarfile
from pathlib import Path
from subprocess import CalledProcessError

import dj_database_url
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.core.management.base import CommandError
from django.db import connection
from django.utils.translation import gettext_lazy as _

from audit.commands import AuditedCommand
from portal.backup import restore_backup


class Command(AuditedCommand):
    help = ("Restore an archive written by backup_portal: replaces the database's tables and writes the uploads. "
            "Stop web, worker and beat first. --database-url and --uploads-dir restore elsewhere (a drill). "
            "The run is recorded in the portal's own audit trail (the restored one when that is what was restored).")
    default_reason = _("Restored from a backup")
    # pg_restore drops and recreates the tables from its own process: a transaction of the portal's connection
    # held open around it would hold locks pg_restore waits for. Its entry is written once the restore is in.
    entry_in_transaction = False

    def add_arguments(self, parser):
        parser.add_argument("archive", help="the archive to read, or - for standard input")
        parser.add_argument("--database-url", help="restore into this database instead of DATABASE_URL")
        parser.add_argument("--uploads-dir", help="write the uploads here instead of PORTAL_UPLOAD_ROOT")

    def handle(self, *args, archive: str, database_url: str | None, uploads_dir: str | None, **options):
        database = dj_database_url.parse(database_url) if database_url else connection.settings_dict
        upload_root = Path(uploads_dir or settings.STORAGES["default"]["OPTIONS"]["location"])
        try:
            if archive == "-":
                manifest = restore_backup(sys.stdin.buffer, database=database, upload_root=upload_root)
            else:
                with open(archive, "rb") as handle:
                    manifest = restore_backup(handle, database=database, upload_root=upload_root)
        except (OSError, ValueError, tarfile.TarError, ImproperlyConfigured) as error:
            raise CommandError(str(error)) from error
        except CalledProcessError as error:
            raise CommandError(f"pg_restore failed, nothing changed: {error.stderr.decode(errors='replace')}") \
                from error
        self.outcome = {"archive": "-" if archive == "-" else Path(archive).name, "backup_of": manifest["created"],
                        "database": database["NAME"], "uploads_dir": str(upload_root),
                        "upload_files": manifest["upload_files"]}
        self.stderr.write(f"restored the backup of {manifest['created']} into {database['NAME']} "
                          f"({manifest['upload_files']} uploaded files into {upload_root})")
