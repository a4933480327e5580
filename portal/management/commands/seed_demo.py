from django.conf import settings
from django.core.management.base import CommandError
from django.test.utils import override_settings
from django.utils.translation import gettext_lazy as _

from audit.commands import AuditedCommand
from portal.demo import DEMO_ACCOUNTS, DEMO_PASSWORD, seed_demo


class Command(AuditedCommand):
    help = "Create the demo accounts and the 2025 demo round (only where DEBUG is on, or with --force)."
    default_reason = _("Demo accounts and rounds seeded")

    def add_arguments(self, parser):
        parser.add_argument("--force", action="store_true",
                            help="Seed even though DEBUG is off. Never on a production database.")

    def surroundings(self, options):
        # The demo's notifications are delivered in-app; their e-mails, sent as the seed commits, are not
        # printed to the console.
        return override_settings(EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend")

    def handle(self, *args, force: bool, **options):
        if not (settings.DEBUG or force):
            raise CommandError("Demo accounts have a published password: refusing without DEBUG or --force.")
        seed_demo()
        self.outcome = {"accounts": [account.username for account in DEMO_ACCOUNTS]}
        names = ", ".join(account.username for account in DEMO_ACCOUNTS)
        self.stdout.write(self.style.SUCCESS(f"Demo data ready. Accounts: {names} (password: {DEMO_PASSWORD})"))
