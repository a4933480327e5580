"""The 2025 round's final selection for the demo: the presentation panel has scored and signed off, the
council set the policy (document 30 %, presentation 70 %) and computed run #1. The document panel is still
open (the demo reviewer owes Hamyang-gun's sheet), so the run shows that warning and cannot be approved yet.

Everything goes through the services; the run is computed here directly (the task would find it done).
"""
from decimal import Decimal

from applications.models import Contest
from reviews.models import Assignment, AssignmentStatus, ReviewStage, SheetStatus
from reviews.services import save_sheet, sign_off_panel, sign_pledge, submit_sheet
from selection.services import execute_run, save_policy, start_run

from .demo_reviews import POOL, QUALITY

# The presentation shifts what the papers promised: Jeongseon's presentation falls below the cut-off.
PRESENTATION_SHIFT = {"48870": 2, "48860": 0, "47730": -1, "46720": 1, "43800": -2, "51770": -6}
DOCUMENT_MAXIMA = (40, 30, 30)


def _presentation_points(assignment: Assignment, criteria) -> dict[str, Decimal]:
    code = assignment.proposal.lead_local_government.code
    bias = POOL[assignment.reviewer.user.username][7]
    wobble = (assignment.reviewer_id * 5 + assignment.proposal_id) % 3 - 1
    points = {}
    for criterion, base, document_maximum in zip(criteria, QUALITY[code], DOCUMENT_MAXIMA, strict=True):
        value = (base / document_maximum * criterion.max_points
                 + (bias + wobble + PRESENTATION_SHIFT[code]) * criterion.max_points / 40)
        points[criterion.code] = Decimal(str(round(min(max(value, 0), criterion.max_points) * 2) / 2))
    return points


def _score_presentation_panel(contest: Contest) -> None:
    panel = contest.panels.select_related("chair__user").get(stage=ReviewStage.PRESENTATION)
    if panel.is_signed_off:
        return
    criteria = list(contest.rubrics.get(stage=ReviewStage.PRESENTATION).criteria.order_by("position"))
    assignments = (panel.assignments.exclude(status=AssignmentStatus.RECUSED)
                   .exclude(sheet__status=SheetStatus.SUBMITTED)
                   .select_related("proposal__lead_local_government", "reviewer__user").order_by("pk"))
    for assignment in assignments:
        user = assignment.reviewer.user
        sign_pledge(actor=user, assignment=assignment)
        save_sheet(actor=user, assignment=assignment, points=_presentation_points(assignment, criteria),
                   comments={}, overall_comment="질의응답 충실")
        submit_sheet(actor=user, assignment=assignment)
    sign_off_panel(actor=panel.chair.user, panel=panel)


def ensure_selection(contest: Contest, council) -> None:
    _score_presentation_panel(contest)
    if contest.selection_runs.exists():
        return
    save_policy(actor=council, contest=contest, values={
        "document_weight_pct": 30, "presentation_weight_pct": 70, "document_cutoff": Decimal(60),
        "presentation_cutoff": Decimal(60), "reserve_count": 1})
    run = start_run(actor=council, contest=contest, reason="발표평가 확정 후 1차 산출 (서면평가 1분과 확정 전)")
    execute_run(run.pk)
