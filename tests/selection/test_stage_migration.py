"""A two-stage contest of the old schema (stage columns on the contest, weights and cut-offs on the selection
policy, two score columns on a decision) moves into stages as rows without losing anything: built with the
historical models, migrated, it ranks the same, its stored run's snapshot and digest read the same, and a new
run of the migrated contest finds the same inputs and decisions."""
from datetime import date, datetime
from decimal import Decimal

import pytest

from accounts.roles import Role
from applications.models import SEOUL, Contest
from reviews.models import PresentationSlot
from selection.computation import decide, digest, gather_inputs, upgraded
from selection.models import Outcome, SelectionDecision, SelectionRun
from selection.services import approve_run, policy_for
from tests.factories import make_user
from tests.migrations import latest, migrate_to

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.migration,
              pytest.mark.usefixtures("registry", "english")]

OLD = [("applications", "0010_support_request_fixed_fields_removed"), ("reviews", "0003_panel_accepts_late_sheets"),
       ("selection", "0002_decision_rank_order")]
# local government: (document sheet totals, presentation sheet totals); one criterion of 100 points
SHEETS = {"48870": (80, 90), "12720": (70, 75), "47730": (85, 55)}



def _old_contest(old, council, official, reviewers):
    model = old.get_model
    contest = model("applications", "Contest").objects.create(
        name_ko="2025년 협업 프로젝트", name_en="2025 Collaboration Project", year=2025,
        application_opens_at=datetime(2025, 10, 1, 9, tzinfo=SEOUL),
        application_closes_at=datetime(2025, 10, 20, 18, tzinfo=SEOUL),
        document_review_starts_on=date(2025, 10, 23), document_review_ends_on=date(2025, 10, 31),
        presentation_review_starts_on=date(2025, 11, 10), presentation_review_ends_on=date(2025, 11, 12),
        national_cap_per_task_krw=1_000_000_000, target_task_count=1)
    model("selection", "SelectionPolicy").objects.create(
        contest=contest, document_weight_pct=40, presentation_weight_pct=60, document_cutoff=Decimal(50),
        presentation_cutoff=Decimal(60), reserve_count=1, updated_by_id=council.pk)
    panels, criteria = {}, {}
    for stage in ("document", "presentation"):
        rubric = model("reviews", "Rubric").objects.create(contest=contest, stage=stage, trim_min_sheets=5)
        criteria[stage] = model("reviews", "Criterion").objects.create(
            rubric=rubric, code="feasibility", name_ko="타당성", name_en="Feasibility", max_points=100)
        panels[stage] = model("reviews", "Panel").objects.create(contest=contest, stage=stage, name="1분과",
                                                                 reviewers_per_proposal=3)
    proposals = {}
    for number, (code, stage_totals) in enumerate(SHEETS.items(), start=1):
        proposal = model("applications", "Proposal").objects.create(
            contest=contest, lead_local_government=model("regions", "LocalGovernment").objects.get(code=code),
            title=f"과제 {code}", created_by_id=official.pk, status="submitted", receipt_number=f"2025-{number:04d}")
        model("applications", "BudgetLine").objects.create(proposal=proposal, year=2026, source="national",
                                                            amount_krw=1_000_000_000)
        for stage, total in zip(("document", "presentation"), stage_totals, strict=True):
            model("reviews", "PanelProposal").objects.create(panel=panels[stage], proposal=proposal, stage=stage)
            for reviewer in reviewers:
                assignment = model("reviews", "Assignment").objects.create(
                    panel=panels[stage], proposal=proposal, reviewer_id=reviewer.pk, status="confirmed",
                    pledge_signed_at=datetime(2025, 10, 22, tzinfo=SEOUL), assigned_by_id=council.pk)
                sheet = model("reviews", "ScoreSheet").objects.create(
                    assignment=assignment, status="submitted", submitted_at=datetime(2025, 10, 30, tzinfo=SEOUL))
                model("reviews", "Score").objects.create(sheet=sheet, criterion=criteria[stage], points=total)
        proposals[code] = proposal
    model("reviews", "PresentationSlot").objects.create(
        panel=panels["presentation"], proposal=proposals["48870"], room="정부세종청사 회의실",
        starts_at=datetime(2025, 11, 10, 10, tzinfo=SEOUL), ends_at=datetime(2025, 11, 10, 10, 30, tzinfo=SEOUL))
    model("reviews", "Panel").objects.filter(contest=contest).update(signed_off_at=datetime(2025, 11, 13, tzinfo=SEOUL))
    # The run as the old code stored it: its snapshot, digest and decisions (80×0.4 + 90×0.6 = 86.00; 70×0.4 +
    # 75×0.6 = 73.00; Uiseong's 55 is below the presentation cut-off of 60).
    inputs = {"contest": {"id": contest.pk, "target": 1, "cap_per_task_krw": 1_000_000_000, "total_budget_krw": None},
              "policy": {"document_weight_pct": 40, "presentation_weight_pct": 60, "document_cutoff": "50.00",
                         "presentation_cutoff": "60.00", "reserve_count": 1},
              "proposals": [{"id": proposals[code].pk, "receipt_number": proposals[code].receipt_number,
                             "local_government": code, "requested_national_krw": 1_000_000_000,
                             "document": {"score": f"{document}.00", "sheets": 3},
                             "presentation": {"score": f"{presentation}.00", "sheets": 3}}
                            for code, (document, presentation) in SHEETS.items()]}
    run = model("selection", "SelectionRun").objects.create(
        contest=contest, number=1, status="completed", requested_by_id=council.pk, inputs=inputs,
        inputs_digest=digest(inputs), finished_at=datetime(2025, 11, 14, tzinfo=SEOUL))
    for code, rank, outcome, combined, national in (("48870", 1, "selected", "86.00", 1_000_000_000),
                                                    ("12720", 2, "reserve", "73.00", 0),
                                                    ("47730", None, "below_cutoff", "67.00", 0)):
        model("selection", "SelectionDecision").objects.create(
            run=run, proposal=proposals[code], rank=rank, document_score=Decimal(SHEETS[code][0]),
            presentation_score=Decimal(SHEETS[code][1]), combined_score=Decimal(combined),
            requested_national_krw=1_000_000_000, computed_outcome=outcome, computed_national_krw=national,
            outcome=outcome, national_krw=national)
    return contest.pk, run.pk, inputs


def _decisions(rows) -> dict:
    return {row.proposal.lead_local_government.code: (row.rank, row.outcome, row.combined_score, row.national_krw,
                                                      row.document_score, row.presentation_score) for row in rows}


def test_a_two_stage_contest_of_the_old_schema_ranks_and_reads_the_same_after_the_migration(
        django_capture_on_commit_callbacks):
    council, official = make_user(Role.COUNCIL_STAFF), make_user(Role.LOCAL_OFFICIAL)
    reviewers = [make_user(Role.REVIEWER) for _ in range(3)]
    old = migrate_to(OLD)
    try:
        pool = [old.get_model("reviews", "Reviewer").objects.create(user_id=user.pk, affiliation="연구원")
                for user in reviewers]
        contest_id, run_id, stored_inputs = _old_contest(old, council, official, pool)
    finally:
        migrate_to(latest())

    contest = Contest.objects.get(pk=contest_id)
    stages = list(contest.stages.order_by("position"))
    assert [(s.code, s.kind.code, s.weight_pct, s.cutoff, s.starts_on, s.ends_on, s.has_slots) for s in stages] == [
        ("document", "document", 40, Decimal("50.00"), date(2025, 10, 23), date(2025, 10, 31), False),
        ("presentation", "presentation", 60, Decimal("60.00"), date(2025, 11, 10), date(2025, 11, 12), True)]
    slot = PresentationSlot.objects.get()
    assert (slot.room, slot.place, slot.panel.stage) == ("정부세종청사 회의실", "", "presentation")

    run = SelectionRun.objects.get(pk=run_id)
    assert run.inputs == stored_inputs and digest(run.inputs) == run.inputs_digest  # the snapshot is untouched
    stored = _decisions(SelectionDecision.objects.filter(run=run).select_related("proposal__lead_local_government"))
    assert stored == {"48870": (1, Outcome.SELECTED, Decimal("86.00"), 1_000_000_000, Decimal(80), Decimal(90)),
                      "12720": (2, Outcome.RESERVE, Decimal("73.00"), 0, Decimal(70), Decimal(75)),
                      "47730": (None, Outcome.BELOW_CUTOFF, Decimal("67.00"), 0, Decimal(85), Decimal(55))}
    # the stored snapshot decides as it did, and today's reading of the migrated contest is the same snapshot
    assert [(d.proposal_id, d.rank, d.outcome, d.combined_score) for d in decide(run.inputs)] == [
        (row.proposal_id, row.rank, row.outcome, row.combined_score)
        for row in SelectionDecision.objects.filter(run=run)]
    inputs, _warnings = gather_inputs(contest, policy_for(contest))
    assert inputs == upgraded(stored_inputs)
    # so the run computed before the migration can still be approved: nothing changed since
    assert approve_run(actor=council, run=run).status == "approved"
