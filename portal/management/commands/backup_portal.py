import sys
from pathlib import Path
from subprocess import CalledProcessError

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.core.management.base import BaseCommand, CommandError
from django.db import connection

from portal.backup import write_backup


class Command(BaseCommand):
    changes_state = False  # reads the database and the uploads; writes only the archive (audit.commands)
    help = ("Write one archive with the database (pg_dump) and the uploads: to a file, or with `-` to standard "
            "output (docker compose exec -T web python manage.py backup_portal - > backup.tar).")

    def add_arguments(self, parser):
        parser.add_argument("output", help="the archive to write, or - for standard output")

    def handle(self, *args, output: str, **options):
        upload_root = Path(settings.STORAGES["default"]["OPTIONS"]["location"])
        try:
            if output == "-":
                manifest = write_backup(sys.stdout.buffer, database=connection.settings_dict,
                                        upload_root=upload_root)
            else:
                with open(output, "xb") as handle:
                    manifest = write_backup(handle, database=connection.settings_dict, upload_root=upload_root)
        except FileExistsError as error:
            raise CommandError(f"{output} exists already; give a new name.") from error
        except ImproperlyConfigured as error:
            raise CommandError(str(error)) from error
        except CalledProcessError as error:
            raise CommandError(f"pg_dump failed: {error.stderr.decode(errors='replace')}") from error
        self.stderr.write(f"backup of {manifest['database']}: {manifest['database_bytes']} bytes of database, "
                          f"{manifest['upload_files']} uploaded files")
