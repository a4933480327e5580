"""A scale round's review: both stages scored by five reviewers per proposal on five criteria, in bulk."""
import random
from datetime import timedelta
from decimal import Decimal

from applications.models import Contest, Proposal
from reviews.models import (
    Assignment,
    AssignmentStatus,
    Criterion,
    Panel,
    PanelProposal,
    Rubric,
    Score,
    ScoreSheet,
    SheetStatus,
)

from .people import ScalePeople
from .proposals import BATCH

CRITERIA = (("feasibility", "사업 타당성", "Feasibility"), ("effectiveness", "기대 효과", "Effectiveness"),
            ("policy_linkage", "정책 연계성", "Policy linkage"), ("capacity", "추진 역량", "Capacity"),
            ("sustainability", "지속 가능성", "Sustainability"))
POINTS_EACH = 20
PANELS_PER_STAGE = 5
REVIEWERS_PER_PROPOSAL = 5


def _rubric(contest: Contest, stage: str) -> list[Criterion]:
    rubric = Rubric.objects.create(contest=contest, stage=stage, trim_min_sheets=5, pass_mark=Decimal(60))
    return Criterion.objects.bulk_create([
        Criterion(rubric=rubric, code=code, name_ko=name_ko, name_en=name_en, max_points=POINTS_EACH,
                  position=position, tie_break_order=position + 1 if position < 2 else None)
        for position, (code, name_ko, name_en) in enumerate(CRITERIA)])


def _points(rng: random.Random, quality: float) -> Decimal:
    """A reviewer's half-point mark around the proposal's quality, within the criterion's bounds."""
    value = min(POINTS_EACH, max(0.0, rng.gauss(quality * POINTS_EACH, 1.5)))
    return Decimal(round(value * 2) / 2).quantize(Decimal("0.1"))


def build_review(contest: Contest, proposals: list[Proposal], people: ScalePeople, seed: int) -> tuple[int, int]:
    """Panels, assignments, submitted sheets and scores for both stages; returns (sheets, scores) made."""
    rng = random.Random(seed * 7919)
    quality = {proposal.pk: rng.uniform(0.55, 0.92) for proposal in proposals}
    pool = people.reviewers
    signed_off = contest.application_closes_at + timedelta(days=20)
    sheets = scores = 0
    for stage in ("document", "presentation"):
        criteria = _rubric(contest, stage)
        panels = Panel.objects.bulk_create([
            Panel(contest=contest, stage=stage, name=f"{number + 1}분과", reviewers_per_proposal=REVIEWERS_PER_PROPOSAL,
                  signed_off_at=signed_off) for number in range(PANELS_PER_STAGE)])
        members = {panel.pk: pool[index::PANELS_PER_STAGE] for index, panel in enumerate(panels)}
        for panel in panels:
            panel.members.set(members[panel.pk])
        placements, assignments = [], []
        for index, proposal in enumerate(proposals):
            panel = panels[index % PANELS_PER_STAGE]
            placements.append(PanelProposal(panel=panel, proposal=proposal, stage=stage))
            team = members[panel.pk]
            start = index // PANELS_PER_STAGE
            for offset in range(REVIEWERS_PER_PROPOSAL):
                assignments.append(Assignment(
                    panel=panel, proposal=proposal, reviewer=team[(start + offset) % len(team)],
                    status=AssignmentStatus.CONFIRMED, automatic=True, assigned_by=people.council,
                    pledge_signed_at=signed_off - timedelta(days=15), due_at=signed_off - timedelta(days=5)))
        PanelProposal.objects.bulk_create(placements, batch_size=BATCH)
        Assignment.objects.bulk_create(assignments, batch_size=BATCH)
        stage_sheets = ScoreSheet.objects.bulk_create([
            ScoreSheet(assignment=assignment, status=SheetStatus.SUBMITTED,
                       submitted_at=signed_off - timedelta(days=rng.randrange(1, 10)))
            for assignment in assignments], batch_size=BATCH)
        stage_scores = [Score(sheet=sheet, criterion=criterion,
                              points=_points(rng, quality[sheet.assignment.proposal_id]))
                        for sheet in stage_sheets for criterion in criteria]
        Score.objects.bulk_create(stage_scores, batch_size=BATCH * 5)
        sheets, scores = sheets + len(stage_sheets), scores + len(stage_scores)
    return sheets, scores
