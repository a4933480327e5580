"""Approving, publishing and confirming a selection ask first, saying what will happen."""
import pytest
from django.urls import reverse

from selection.services import approve_run
from tests.confirmations import confirmation_for
from tests.selection.conftest import computed_run

pytestmark = pytest.mark.usefixtures("registry")


def run_page(client, run) -> str:
    return client.get(reverse("selection:run", args=[run.pk])).content.decode()


def test_approving_and_publishing_ask_first_and_publishing_counts_who_is_told(
        client, scored, council, django_capture_on_commit_callbacks):
    contest, proposals = scored
    client.force_login(council)
    run = computed_run(contest, council, django_capture_on_commit_callbacks)
    message = confirmation_for(run_page(client, run), reverse("selection:run-approve", args=[run.pk]))
    assert message and f"#{run.number}" in message
    approve_run(actor=council, run=run)
    message = confirmation_for(run_page(client, run), reverse("selection:run-publish", args=[run.pk]))
    assert f"{len(proposals)} local governments will be notified" in message
    assert f"{contest.objection_period_days} days" in message and "cannot be undone" in message
