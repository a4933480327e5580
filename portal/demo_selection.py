"""A reviewed round's final selection for the demo: the presentation panel scores and signs off, the council
sets the policy (document 30 %, presentation 70 %), computes run #1, approves, publishes and confirms it on
the round's dates (the 2025 round's on 2024-12-23, the 2026 round's on 2026-01-13). In the 2025 round
Gokseong-gun, below the presentation cut-off, objects, the demo reviewer, who never scored it, writes the
re-review, the council rejects the objection; confirmation opens the selected tasks.

Everything goes through the services; the run is computed here directly (the task would find it done).
"""
from datetime import timedelta
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile

from applications.models import Contest
from core.uploads import check_upload
from portal.sample_documents import minimal_pdf
from reviews.models import Assignment, AssignmentStatus, ReviewStage, SheetStatus
from reviews.services import save_sheet, sign_off_panel, sign_pledge, submit_sheet
from selection.services import (
    approve_run,
    confirm_run,
    decide_objection,
    execute_run,
    file_objection,
    publish_run,
    request_re_review,
    save_policy,
    sign_re_review_pledge,
    start_run,
    submit_re_review,
)
from selection.services.objections import eligible_re_reviewers

from .demo_clock import demo_clock
from .demo_dates import ROUND_2025, RoundDates
from .demo_reviews import POOL, quality_of

__all__ = ["ROUND_2025", "ensure_selection"]

# The presentation shifts what the papers promised: Gokseong's (2025) and Yeongyang's (2026) presentations
# fall below the cut-off.
PRESENTATION_SHIFT = {"48870": 2, "48860": 0, "47730": -1, "12720": -6, "43800": -2, "51770": 0, "47760": -7}
DOCUMENT_MAXIMA = (40, 30, 30)


def _presentation_points(assignment: Assignment, criteria) -> dict[str, Decimal]:
    code = assignment.proposal.lead_local_government.code
    bias = POOL[assignment.reviewer.user.username][7]
    wobble = (assignment.reviewer_id * 5 + assignment.proposal_id) % 3 - 1
    points = {}
    for criterion, base, document_maximum in zip(criteria, quality_of(code), DOCUMENT_MAXIMA, strict=True):
        value = (base / document_maximum * criterion.max_points
                 + (bias + wobble + PRESENTATION_SHIFT.get(code, 0)) * criterion.max_points / 40)
        points[criterion.code] = Decimal(str(round(min(max(value, 0), criterion.max_points) * 2) / 2))
    return points


def _score_presentation_panel(contest: Contest, dates: RoundDates) -> None:
    """Each sheet written and submitted right after its proposal's presentation; the chair signs off before
    the deadline."""
    panel = contest.panels.select_related("chair__user").get(stage=ReviewStage.PRESENTATION)
    if panel.is_signed_off:
        return
    criteria = list(contest.rubrics.get(stage=ReviewStage.PRESENTATION).criteria.order_by("position"))
    assignments = (panel.assignments.exclude(status=AssignmentStatus.RECUSED)
                   .exclude(sheet__status=SheetStatus.SUBMITTED)
                   .select_related("proposal__lead_local_government", "reviewer__user").order_by("pk"))
    slots = dict(panel.slots.values_list("proposal_id", "ends_at"))
    for number, assignment in enumerate(assignments):
        user = assignment.reviewer.user
        with demo_clock(slots.get(assignment.proposal_id, dates.presentations_start)
                        + timedelta(minutes=2 + number % 7)):
            sign_pledge(actor=user, assignment=assignment)
            save_sheet(actor=user, assignment=assignment, points=_presentation_points(assignment, criteria),
                       comments={}, overall_comment="질의응답 충실")
            submit_sheet(actor=user, assignment=assignment)
    with demo_clock(dates.presentation_due - timedelta(minutes=30)):
        sign_off_panel(actor=panel.chair.user, panel=panel)


def ensure_selection(contest: Contest, council, dates: RoundDates) -> None:
    """Policy and run on the morning of the council's meeting, approved that afternoon, published, objected
    to in the objection period, confirmed: each on its day."""
    _score_presentation_panel(contest, dates)
    if contest.selection_runs.exists():
        return
    with demo_clock(dates.approved - timedelta(hours=7)):
        save_policy(actor=council, contest=contest, values={
            "document_weight_pct": 30, "presentation_weight_pct": 70, "document_cutoff": Decimal(60),
            "presentation_cutoff": Decimal(60), "reserve_count": 1})
        run = start_run(actor=council, contest=contest, reason="서면·발표평가 확정 후 최종 산출")
        run = execute_run(run.pk)
    with demo_clock(dates.approved) as now:
        approve_run(actor=council, run=run, now=now, note=f"{dates.approved:%Y-%m-%d} 중앙협의회 최종 선정 심의 의결")
    with demo_clock(dates.published) as now:
        run = publish_run(actor=council, run=run, now=now)
    if dates.objected:
        _object(run, council, dates)
    with demo_clock(dates.confirmed) as now:
        confirm_run(actor=council, run=run, now=now)


def _object(run, council, dates: RoundDates) -> None:
    """Gokseong-gun objects to its result; a reviewer who never scored it (the demo reviewer when he is free
    to, so his login shows it) finds the missing table would not have changed the score, and the council
    rejects the objection with its answer."""
    decision = run.decisions.get(proposal__lead_local_government__code="12720")
    official = get_user_model().objects.get(username="gokseong")
    with demo_clock(dates.objected) as now:
        objection = _file(official, decision, now)
    eligible = eligible_re_reviewers(objection)
    chosen = [reviewer for reviewer in eligible if reviewer.user.username == "reviewer"] or eligible[:1]
    with demo_clock(dates.objected + timedelta(hours=17)):
        reviews = request_re_review(actor=council, objection=objection, reviewers=chosen) if chosen else []
    for review in reviews:  # the pledge first: the proposal opens to him only then
        with demo_clock(dates.re_reviewed - timedelta(hours=2)) as now:
            sign_re_review_pledge(actor=review.reviewer.user, review=review, now=now)
        with demo_clock(dates.re_reviewed) as now:
            submit_re_review(actor=review.reviewer.user, review=review, supports_objection=False, now=now,
                             opinion="제출된 매출실적표를 반영하더라도 효과성 항목의 평가 근거(고용·매출 목표의 "
                                     "구체성)는 달라지지 않으므로 발표평가 점수를 유지하는 것이 타당합니다.")
    with demo_clock(dates.decided) as now:
        decide_objection(actor=council, objection=objection, accept=False, now=now,
                         answer="재검토 위원 의견에 따라 발표평가 점수를 유지합니다. 매출실적표는 서면평가 자료에 "
                                "이미 포함되어 평가에 반영되었습니다.")


def _file(official, decision, now):
    """Gokseong-gun's objection, with the sales table it says was missing."""
    return file_objection(actor=official, decision=decision, reasons=(
        "발표평가 배포 자료에서 2023년 매출 실적표가 누락되어 효과성 항목이 낮게 평가되었습니다. "
        "누락된 실적표를 첨부하오니 발표평가 점수의 재검토를 요청합니다."), uploads=[check_upload(
            SimpleUploadedFile("곡성군_매출실적표.pdf", minimal_pdf(["Gokseong-gun objection (demo)",
                                                                 "2023 sales of participating companies"])))],
        now=now)
