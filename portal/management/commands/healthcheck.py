from django.core.management.base import BaseCommand, CommandError

from portal.health import report


class Command(BaseCommand):
    changes_state = False  # asks the database and the broker (audit.commands)
    help = ("Exit 0 when the database and the broker answer (what /healthz reports), 1 otherwise: the health "
            "check of containers that serve no HTTP (Celery beat).")

    def handle(self, *args, **options):
        status, healthy = report()
        line = " ".join(f"{name}={value}" for name, value in status.items())
        if not healthy:
            raise CommandError(f"unhealthy: {line}")
        self.stdout.write(line)
