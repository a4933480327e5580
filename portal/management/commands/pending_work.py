"""``manage.py pending_work``: what committed writes promised and no worker has done yet, oldest first;
``--sweep`` hands it to the broker again now (what Celery beat does every minute), an audited run. The outbox's
command, kept here with the portal's other operations because it writes to the audit trail."""
from django.core.management.base import CommandParser
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from audit.commands import AuditedCommand
from outbox.selectors import oldest_pending_age, pending_work
from outbox.services import sweep


class Command(AuditedCommand):
    help = "List the pending follow-up work (notifications, selection runs, opening tasks); --sweep re-enqueues it."
    default_reason = _("Pending work handed to the workers again by hand")

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--sweep", action="store_true", help="Hand the pending work to the broker again now.")
        parser.add_argument("--limit", type=int, default=200, help="List at most this many (default 200).")

    def ran_changes(self, options) -> bool:
        return bool(options.get("sweep"))

    def handle(self, *args, limit: int = 200, **options):
        if options.get("sweep"):
            result = sweep()
            self.outcome = dict(result)
            self.stdout.write(f"handed over: {result['handed_over']}, not handed over: "
                              f"{result['not_handed_over']}, forgotten (done long ago): {result['forgotten']}")
        now = timezone.now()
        rows = list(pending_work()[:limit])
        age = oldest_pending_age(now)
        self.stdout.write(f"pending: {pending_work().count()}; oldest waiting: "
                          f"{int(age.total_seconds()) if age is not None else '-'} s")
        for work in rows:
            waited = int((now - work.created_at).total_seconds())
            self.stdout.write(f"{work.key}\t{work.task}\twaiting {waited} s\tattempts {work.attempts}\t"
                              f"{work.last_error or '-'}")
