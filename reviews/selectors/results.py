"""Reads of the review. Results are computed from the submitted sheets' totals, fetched for a whole stage in
two grouped queries and ranked in exact decimal arithmetic, so the same sheets always give the same numbers
whatever the number of rows; ``explain`` says in words how."""
import statistics
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from django.db.models import Count, F, QuerySet, Sum

from applications.models import Contest, Proposal
from applications.selectors.layout import in_round_layout
from reviews.models import AssignmentStatus, Criterion, Panel, Reviewer, Rubric, Score, ScoreSheet, SheetStatus


def _submitted_sheets(panels: Iterable[Panel]) -> QuerySet[ScoreSheet]:
    return (ScoreSheet.objects.filter(assignment__panel__in=panels, status=SheetStatus.SUBMITTED)
            .exclude(assignment__status=AssignmentStatus.RECUSED))


def rubric_of(panel: Panel) -> Rubric:
    return Rubric.objects.prefetch_related("criteria").get(contest_id=panel.contest_id, stage=panel.stage)


@dataclass
class Tally:
    """One proposal's submitted totals in one panel, and its mean points on each tie-break criterion."""

    totals: list[Decimal] = field(default_factory=list)
    tie_breaks: dict[int, Decimal] = field(default_factory=dict)

    @property
    def sheets(self) -> int:
        return len(self.totals)

    @property
    def raw_mean(self) -> Decimal | None:
        return sum(self.totals) / len(self.totals) if self.totals else None

    def trimmed_mean(self, rubric: Rubric) -> Decimal | None:
        """Without the highest and the lowest total once there are enough sheets; the plain mean below that."""
        if self.sheets < rubric.trim_min_sheets:  # at least three, by a constraint
            return self.raw_mean
        return (sum(self.totals) - max(self.totals) - min(self.totals)) / (self.sheets - 2)


def _tallies(panels: list[Panel], tie_breaks: list[Criterion]) -> dict[tuple[int, int], Tally]:
    """Per (panel, proposal): two grouped queries whatever the number of sheets."""
    sheets = _submitted_sheets(panels)
    tallies: dict[tuple[int, int], Tally] = defaultdict(Tally)
    for panel_id, proposal_id, total in (sheets.values("pk").annotate(total=Sum("scores__points"))
                                         .values_list("assignment__panel_id", "assignment__proposal_id", "total")
                                         .order_by("pk")):
        tallies[panel_id, proposal_id].totals.append(Decimal(total or 0))
    if tie_breaks:
        for panel_id, proposal_id, criterion_id, points, count in (
                Score.objects.filter(sheet__in=sheets, criterion__in=tie_breaks)
                .values_list("sheet__assignment__panel_id", "sheet__assignment__proposal_id", "criterion_id")
                .annotate(points=Sum("points"), count=Count("pk")).order_by()):
            tallies[panel_id, proposal_id].tie_breaks[criterion_id] = Decimal(points) / count
    return tallies


@dataclass(frozen=True)
class RankedResult:
    rank: int | None  # None where the reader may not know ranks (reviews.selectors.visibility)
    proposal: Proposal
    sheets: int
    raw_mean: Decimal | None
    trimmed_mean: Decimal | None
    trimmed: bool
    spread: Decimal | None
    passed: bool | None
    exact_trimmed_mean: Decimal | None = None


def _round(value) -> Decimal | None:
    return None if value is None else Decimal(value).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def _proposals_by_panel(panels: list[Panel]) -> Iterable[tuple[int, Proposal]]:
    for proposal in in_round_layout(Proposal.objects.filter(panelproposal__panel__in=panels)
                                    .select_related("lead_local_government__province", "contest")
                                    .annotate(panel_id=F("panelproposal__panel_id")),
                                    local_government="lead_local_government"):
        yield proposal.panel_id, proposal


def _ranked(panels: list[Panel], rubric: Rubric) -> dict[int, list[RankedResult]]:
    """Each panel's proposals in rank order: trimmed mean, then the tie-break criteria's means (highest
    first, proposals without sheets last), then the receipt number. Three queries whatever the rows (the
    rubric comes with its criteria prefetched)."""
    tie_breaks = sorted((criterion for criterion in rubric.criteria.all() if criterion.tie_break_order is not None),
                        key=lambda criterion: criterion.tie_break_order)
    tallies = _tallies(panels, tie_breaks)
    by_panel: dict[int, list[tuple[Proposal, Tally]]] = defaultdict(list)
    for panel_id, proposal in _proposals_by_panel(panels):
        by_panel[panel_id].append((proposal, tallies.get((panel_id, proposal.pk), Tally())))
    lowest = Decimal("-Infinity")

    def order(item: tuple[Proposal, Tally]):
        proposal, tally = item
        trimmed = tally.trimmed_mean(rubric)
        return (-(trimmed if trimmed is not None else lowest),
                *[-tally.tie_breaks.get(criterion.pk, lowest) for criterion in tie_breaks],
                proposal.receipt_number, proposal.pk)

    ranked: dict[int, list[RankedResult]] = {panel.pk: [] for panel in panels}
    for panel_id, items in by_panel.items():
        for rank, (proposal, tally) in enumerate(sorted(items, key=order), start=1):
            exact = tally.trimmed_mean(rubric)
            trimmed_mean = _round(exact)
            ranked[panel_id].append(RankedResult(
                rank=rank, proposal=proposal, sheets=tally.sheets, raw_mean=_round(tally.raw_mean),
                trimmed_mean=trimmed_mean, trimmed=tally.sheets >= rubric.trim_min_sheets,
                spread=_round(max(tally.totals) - min(tally.totals)) if tally.totals else None,
                passed=None if trimmed_mean is None else trimmed_mean >= rubric.pass_mark,
                exact_trimmed_mean=exact))
    return ranked


def ranked_results(panel: Panel) -> list[RankedResult]:
    """The ranking as the council reads it: rank 1 first, numbers rounded half up to two decimals."""
    return _ranked([panel], rubric_of(panel))[panel.pk]


@dataclass(frozen=True)
class StageResults:
    rubric: Rubric
    panels: dict[Panel, list[RankedResult]]

    @property
    def maximum(self) -> int:
        """The most points a sheet can give in this stage."""
        return sum(criterion.max_points for criterion in self.rubric.criteria.all())


def stage_results(contest: Contest, stage: str) -> StageResults | None:
    """Every panel's ranking in one stage of a contest, in as many queries as one panel's; ``None`` when the
    stage has no rubric."""
    rubric = Rubric.objects.filter(contest=contest, stage=stage).prefetch_related("criteria").first()
    if rubric is None:
        return None
    panels = list(Panel.objects.filter(contest=contest, stage=stage).order_by("name", "pk"))
    ranked = _ranked(panels, rubric) if panels else {}
    return StageResults(rubric, {panel: ranked[panel.pk] for panel in panels})


# A reviewer whose totals sit on average this many standard deviations from his panel's is shown apart.
OUTLIER_Z = 1.0


@dataclass(frozen=True)
class ReviewerDeviation:
    reviewer: Reviewer
    sheets: int
    mean_z: float | None

    @property
    def stands_apart(self) -> bool:
        return self.mean_z is not None and abs(self.mean_z) >= OUTLIER_Z


def reviewer_deviations(panel: Panel) -> list[ReviewerDeviation]:
    """How far each reviewer's totals stand from the other sheets on the same proposals: for every sheet,
    z = (total − proposal's mean) / proposal's standard deviation (population; proposals with fewer than
    two sheets or no spread say nothing), averaged per reviewer. Two queries whatever the panel's size."""
    rows = list(_submitted_sheets([panel]).values("assignment__reviewer_id", "assignment__proposal_id")
                .annotate(total=Sum("scores__points")).order_by())
    by_proposal: dict[int, list[float]] = {}
    for row in rows:
        by_proposal.setdefault(row["assignment__proposal_id"], []).append(float(row["total"] or 0))
    spread = {proposal_id: (statistics.fmean(values), statistics.pstdev(values))
              for proposal_id, values in by_proposal.items() if len(values) >= 2}
    z_scores: dict[int, list[float]] = {}
    sheets: Counter = Counter()
    for row in rows:
        reviewer_id = row["assignment__reviewer_id"]
        sheets[reviewer_id] += 1
        mean, deviation = spread.get(row["assignment__proposal_id"], (0.0, 0.0))
        if deviation > 0:
            z_scores.setdefault(reviewer_id, []).append((float(row["total"] or 0) - mean) / deviation)
    reviewers = Reviewer.objects.filter(pk__in=sheets).select_related("user")
    result = [ReviewerDeviation(reviewer, sheets[reviewer.pk],
                                round(statistics.fmean(z_scores[reviewer.pk]), 2) if reviewer.pk in z_scores
                                else None) for reviewer in reviewers]
    return sorted(result, key=lambda item: (-(abs(item.mean_z) if item.mean_z is not None else -1),
                                            item.reviewer.pk))
