"""Reads of the review. Results are computed by the database from the submitted sheets, so the same
sheets always give the same numbers; ``explain`` says in words how."""
import statistics
from collections import Counter
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from django.db.models import (
    Avg,
    Case,
    Count,
    DecimalField,
    ExpressionWrapper,
    F,
    FloatField,
    IntegerField,
    OuterRef,
    QuerySet,
    Subquery,
    Sum,
    When,
)
from django.db.models.functions import Cast, Coalesce

from applications.models import Proposal
from reviews.models import AssignmentStatus, Panel, Reviewer, Rubric, Score, ScoreSheet, SheetStatus


def _submitted_sheets(panel: Panel) -> QuerySet[ScoreSheet]:
    return (ScoreSheet.objects.filter(assignment__panel=panel, status=SheetStatus.SUBMITTED)
            .exclude(assignment__status=AssignmentStatus.RECUSED))


def _per_proposal(queryset: QuerySet, key: str, aggregate, output_field) -> Subquery:
    """``aggregate`` over ``queryset`` grouped by proposal, for the proposal of the outer row."""
    return Subquery(queryset.order_by().values(key).annotate(value=aggregate).values("value"),
                    output_field=output_field)


def rubric_of(panel: Panel) -> Rubric:
    return Rubric.objects.get(contest_id=panel.contest_id, stage=panel.stage)


def results_for_panel(panel: Panel, rubric: Rubric | None = None) -> QuerySet[Proposal]:
    """Each proposal of the panel with its number of sheets, raw mean, trimmed mean, highest and lowest
    total and the tie-break criteria's means, in rank order. One query whatever the number of rows."""
    rubric = rubric or rubric_of(panel)
    sheets = _submitted_sheets(panel).filter(assignment__proposal=OuterRef("pk"))
    totals = sheets.annotate(total=Sum("scores__points")).values("total")
    points = Score.objects.filter(sheet__in=_submitted_sheets(panel), sheet__assignment__proposal=OuterRef("pk"))
    money = DecimalField(max_digits=12, decimal_places=2)
    queryset = (Proposal.objects.filter(panelproposal__panel=panel).select_related("lead_local_government__province")
                .annotate(sheets=Coalesce(_per_proposal(sheets, "assignment__proposal", Count("pk"), IntegerField()),
                                          0),
                          sum_total=_per_proposal(points, "sheet__assignment__proposal", Sum("points"), money),
                          highest=Subquery(totals.order_by("-total")[:1], output_field=money),
                          lowest=Subquery(totals.order_by("total")[:1], output_field=money)))
    as_float = FloatField()
    mean = ExpressionWrapper(Cast("sum_total", as_float) / F("sheets"), output_field=as_float)
    trimmed = ExpressionWrapper(Cast(F("sum_total") - F("highest") - F("lowest"), as_float) / (F("sheets") - 2),
                                output_field=as_float)
    queryset = queryset.annotate(
        raw_mean=Case(When(sheets__gt=0, then=mean), output_field=as_float),
        trimmed_mean=Case(When(sheets__gte=rubric.trim_min_sheets, then=trimmed), When(sheets__gt=0, then=mean),
                          output_field=as_float))
    tie_breaks = list(rubric.criteria.exclude(tie_break_order=None).order_by("tie_break_order"))
    for criterion in tie_breaks:
        queryset = queryset.annotate(**{f"tie_break_{criterion.code}": _per_proposal(
            points.filter(criterion=criterion), "sheet__assignment__proposal", Avg("points"), as_float)})
    return queryset.order_by(F("trimmed_mean").desc(nulls_last=True),
                             *[F(f"tie_break_{criterion.code}").desc(nulls_last=True) for criterion in tie_breaks],
                             "receipt_number", "pk")


@dataclass(frozen=True)
class RankedResult:
    rank: int
    proposal: Proposal
    sheets: int
    raw_mean: Decimal | None
    trimmed_mean: Decimal | None
    trimmed: bool
    spread: Decimal | None
    passed: bool | None


def _round(value) -> Decimal | None:
    return None if value is None else Decimal(str(value)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def ranked_results(panel: Panel) -> list[RankedResult]:
    """The ranking as the council reads it: rank 1 first, numbers rounded half up to two decimals."""
    rubric = rubric_of(panel)
    rows = []
    for rank, proposal in enumerate(results_for_panel(panel, rubric), start=1):
        trimmed_mean = _round(proposal.trimmed_mean)
        rows.append(RankedResult(
            rank=rank, proposal=proposal, sheets=proposal.sheets, raw_mean=_round(proposal.raw_mean),
            trimmed_mean=trimmed_mean, trimmed=proposal.sheets >= rubric.trim_min_sheets,
            spread=_round(None if proposal.highest is None else proposal.highest - proposal.lowest),
            passed=None if trimmed_mean is None else trimmed_mean >= rubric.pass_mark))
    return rows




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
    rows = list(_submitted_sheets(panel).values("assignment__reviewer_id", "assignment__proposal_id")
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
