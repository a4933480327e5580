"""The scale data set (``manage.py seed_scale``): yearly rounds at national size, built in bulk and
deterministically from a seed, so the benchmark and the scale tests measure the same rows every time.

Each round: a contest; a proposal from every local government in the registry (one active proposal per local
government is a database rule, so the round's further proposals are earlier ones that were withdrawn); each
proposal's sections, attachments' metadata and frozen version; two review stages of five sheets per proposal
over five criteria; the selection computed, approved, published and confirmed by the real services; the
selected tasks opened by the real service, with their support lines, milestones, reports and companies."""
from collections.abc import Callable
from dataclasses import dataclass

from django.db import transaction

from .people import ScalePeople, ensure_people
from .proposals import build_proposals, ensure_contest
from .review import build_review
from .tracking import build_tracking

PROPOSALS_PER_ROUND = 250
FIRST_YEAR = 2030


@dataclass(frozen=True)
class RoundFigures:
    year: int
    proposals: int
    submitted: int
    sheets: int
    scores: int
    tasks: int


def build_round(people: ScalePeople, year: int, seed: int) -> RoundFigures | None:
    """One round, in one transaction; ``None`` when the round exists already (re-running extends the set)."""
    with transaction.atomic():
        contest, created = ensure_contest(year)
        if not created:
            return None
        proposals = build_proposals(contest, people, seed, PROPOSALS_PER_ROUND)
        sheets, scores = build_review(contest, proposals, people, seed)
    tasks = build_tracking(contest, people, seed)
    return RoundFigures(year, PROPOSALS_PER_ROUND, len(proposals), sheets, scores, tasks)


def build_scale(rounds: int, seed: int, progress: Callable[[int, RoundFigures | None], None]) -> None:
    people = ensure_people()
    for index in range(rounds):
        progress(index, build_round(people, FIRST_YEAR + index, seed + index))
