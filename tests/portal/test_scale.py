"""The scale data set: one round has the national shape, passes the database's rules, is the same from the same
seed, and a second run keeps what exists."""
import pytest
from django.core.management import call_command
from django.db import transaction

from applications.models import Proposal, ProposalStatus, ProposalVersion
from reviews.models import Score, ScoreSheet
from selection.models import RunStatus, SelectionRun
from tracking.models import KpiActual, SelectedTask, SupportLineRow

pytestmark = pytest.mark.usefixtures("registry")

ROUND_LINE = "1/1 round 2030: 250 proposals (230 submitted), 2300 sheets, 11500 scores, 30 tasks"


class Discard(Exception):
    """Raised to roll a build back after reading it."""


def fingerprint(seed: int) -> list:
    """Who scored which proposal how, and which were selected, in a build from ``seed`` (then rolled back)."""
    try:
        with transaction.atomic():
            call_command("seed_scale", rounds=1, seed=seed)
            scores = list(Score.objects.order_by("sheet__assignment__proposal__receipt_number",
                                                 "sheet__assignment__panel__stage",
                                                 "sheet__assignment__reviewer__user__username", "criterion__position")
                          .values_list("sheet__assignment__proposal__receipt_number", "points")[:500])
            selected = sorted(SelectedTask.objects.values_list("proposal__receipt_number", flat=True))
            raise Discard
    except Discard:
        return [scores, selected]


def test_one_round_has_the_national_shape(db, capsys):
    call_command("seed_scale", rounds=1)
    assert ROUND_LINE in capsys.readouterr().out
    assert Proposal.objects.count() == 250
    assert Proposal.objects.filter(status=ProposalStatus.WITHDRAWN).count() == 20
    versions = ProposalVersion.objects.all()
    # One per local government of the 2030 layout: 230 since Incheon's reorganisation of 2026-07-01.
    assert versions.count() == 230 and all(version.checksum_matches for version in versions[:20])
    assert ScoreSheet.objects.count() == 230 * 10 and Score.objects.count() == 230 * 10 * 5
    run = SelectionRun.objects.get()
    assert run.status == RunStatus.CONFIRMED
    assert SelectedTask.objects.filter(decision__run=run).count() == 30
    assert SupportLineRow.objects.filter(line__code="regional_visa").count() == 30 and KpiActual.objects.exists()

    call_command("seed_scale", rounds=1)
    assert "round 2030 exists, kept" in capsys.readouterr().out
    assert Proposal.objects.count() == 250


def test_the_same_seed_builds_the_same_round(db):
    first = fingerprint(2025)
    assert fingerprint(2025) == first
    assert fingerprint(7) != first
