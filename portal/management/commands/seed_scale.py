import time

from django.test.utils import override_settings
from django.utils.translation import gettext_lazy as _

from audit.commands import AuditedCommand
from portal.scale import FIRST_YEAR, build_scale
from portal.scale.people import SCALE_PASSWORD
from regions.models import LocalGovernment


class Command(AuditedCommand):
    help = ("Build the national-scale data set on the configured database: per round 250 proposals, two review "
            "stages, a confirmed selection and its tracked tasks. Deterministic; re-running adds missing rounds.")
    default_reason = _("National-scale test data built")

    def add_arguments(self, parser):
        parser.add_argument("--rounds", type=int, default=1, help=f"Yearly rounds to build (from {FIRST_YEAR}).")
        parser.add_argument("--seed", type=int, default=2025, help="Seed of the generator: same seed, same data.")

    def surroundings(self, options):
        # Applicants are notified in-app as always; their e-mails, sent as the run commits, are not printed to
        # the console.
        return override_settings(EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend")

    def handle(self, *args, rounds: int, seed: int, **options):
        if not LocalGovernment.objects.exists():
            from regions.services import load_region_registry

            load_region_registry()
        started = time.monotonic()

        def progress(index: int, figures) -> None:
            done = index + 1
            bar = "#" * done + "-" * (rounds - done)
            if figures is None:
                line = f"round {FIRST_YEAR + index} exists, kept"
            else:
                line = (f"round {figures.year}: {figures.proposals} proposals ({figures.submitted} submitted), "
                        f"{figures.sheets} sheets, {figures.scores} scores, {figures.tasks} tasks")
            self.stdout.write(f"[{bar}] {done}/{rounds} {line} ({time.monotonic() - started:.0f} s)")

        build_scale(rounds, seed, progress)
        self.outcome = {"rounds": rounds, "seed": seed}
        self.stdout.write(self.style.SUCCESS(
            f"Scale data ready in {time.monotonic() - started:.0f} s. Accounts scale-council, scale-lg-<code>, "
            f"scale-reviewer-<nnn>, scale-moj, ... (password: {SCALE_PASSWORD})"))
