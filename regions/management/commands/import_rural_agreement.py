from pathlib import Path

from django.core.management.base import CommandError
from django.utils.translation import gettext_lazy as _

from audit.commands import AuditedCommand
from regions.services import ImportRejected, import_rural_agreement


class Command(AuditedCommand):
    help = ("Import Rural Agreement designations from a CSV or XLSX file, all or nothing (format: README); "
            "--reason says why (recorded with the import), --user who imports.")
    default_reason = _("Imported from the command line")

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path)

    def handle(self, *args, file: Path, **options):
        if not file.is_file():
            raise CommandError(f"No such file: {file}")
        try:
            with file.open("rb") as stream:
                record = import_rural_agreement(stream=stream, file_name=file.name, reason=self.reason(options),
                                                imported_by=self.actor)
        except ImportRejected as rejected:
            for error in rejected.errors:
                self.stderr.write(str(error))
            raise CommandError("The file was refused; nothing was imported.") from rejected
        self.audit_target = record
        self.outcome = {"file": record.file_name, "rows_in_file": record.rows_in_file,
                        "rows_created": record.rows_created}
        self.stdout.write(self.style.SUCCESS(
            f"Imported {record.file_name}: {record.rows_created} new designations from {record.rows_in_file} rows."))
