from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from regions.services import ImportRejected, import_rural_agreement


class Command(BaseCommand):
    help = "Import Rural Agreement designations from a CSV or XLSX file, all or nothing (format: README)."

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path)
        parser.add_argument("--reason", default="Imported from the command line",
                            help="Why this list is imported (recorded with the import).")
        parser.add_argument("--user", help="Username recorded as the importer.")

    def handle(self, *args, file: Path, reason: str, user: str | None, **options):
        if not file.is_file():
            raise CommandError(f"No such file: {file}")
        importer = None
        if user:
            importer = get_user_model().objects.filter(username=user).first()
            if importer is None:
                raise CommandError(f"No such user: {user}")
        try:
            with file.open("rb") as stream:
                record = import_rural_agreement(stream=stream, file_name=file.name, reason=reason,
                                                imported_by=importer)
        except ImportRejected as rejected:
            for error in rejected.errors:
                self.stderr.write(str(error))
            raise CommandError("The file was refused; nothing was imported.") from rejected
        self.stdout.write(self.style.SUCCESS(
            f"Imported {record.file_name}: {record.rows_created} new designations from {record.rows_in_file} rows."))
