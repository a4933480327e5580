from django.core.management.base import BaseCommand

from regions.services import load_region_registry


class Command(BaseCommand):
    help = "Load the shipped provinces, local governments, code history and MOIS designations (idempotent)."

    def handle(self, *args, **options):
        report = load_region_registry()
        for model in sorted(set(report.created) | set(report.updated) | set(report.unchanged)):
            self.stdout.write(f"{model}: {report.created[model]} created, {report.updated[model]} updated, "
                              f"{report.unchanged[model]} unchanged")
        self.stdout.write(self.style.SUCCESS("Region registry loaded." if report.changed_anything
                                             else "Region registry already up to date."))
