from django.utils.translation import gettext_lazy as _

from audit.commands import AuditedCommand
from regions.services import load_region_registry


class Command(AuditedCommand):
    help = "Load the shipped provinces, local governments, code history and MOIS designations (idempotent)."
    default_reason = _("The region registry brought up to the shipped files")

    def handle(self, *args, **options):
        report = load_region_registry()
        for model in sorted(set(report.created) | set(report.updated) | set(report.unchanged)):
            self.stdout.write(f"{model}: {report.created[model]} created, {report.updated[model]} updated, "
                              f"{report.unchanged[model]} unchanged")
        # A run that found the registry up to date (every start of the container) changed nothing to record.
        self.outcome = {model: {"created": report.created[model], "updated": report.updated[model]}
                        for model in sorted(set(report.created) | set(report.updated))} \
            if report.changed_anything else None
        self.stdout.write(self.style.SUCCESS("Region registry loaded." if report.changed_anything
                                             else "Region registry already up to date."))
