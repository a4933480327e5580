"""`make start` says only what a newcomer needs (issue 25): no catalogue skipped as fuzzy, no task chatter."""
import logging
from pathlib import Path

import pytest
from babel.messages.pofile import read_po
from django.conf import settings

ROOT = Path(settings.BASE_DIR)


@pytest.mark.parametrize("catalogue", sorted((ROOT / "locale").glob("*/LC_MESSAGES/django.po")), ids=str)
def test_no_catalogue_is_skipped_as_fuzzy(catalogue):
    """Babel skips a catalogue whose header is marked fuzzy ("marked as fuzzy, skipping") on every run."""
    with catalogue.open("rb") as handle:
        assert not read_po(handle).fuzzy


def test_tasks_run_eagerly_log_only_their_warnings():
    assert settings.CELERY_TASK_ALWAYS_EAGER is (not settings.CELERY_BROKER_URL)
    expected = logging.WARNING if settings.CELERY_TASK_ALWAYS_EAGER else logging.INFO
    assert logging.getLogger("celery.app.trace").getEffectiveLevel() == expected


def test_make_start_hides_what_its_steps_print_unless_they_fail():
    makefile = (ROOT / "Makefile").read_text()
    recipes = [line.strip() for line in makefile.splitlines() if line.startswith("\t")]
    noisy = ("pip install", "npm ci", "migrate", "seed_demo", "babel.messages.frontend compile")
    for line in recipes:
        if any(word in line for word in noisy) and "pytest" not in line:
            assert line.endswith("$(QUIET)") or line.endswith("$(QUIET); }"), line
