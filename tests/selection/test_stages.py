"""Stages as data: a contest with three stages (document 20 %, site visit 30 %, presentation 50 %) run from its
panels to a confirmed selection, the council's tie-break order, and a kind of stage no code knows."""
from datetime import timedelta
from decimal import Decimal

import pytest
from django.utils import timezone

from accounts.roles import Role
from applications.models import BudgetLine, Proposal, StageKind
from applications.services import ensure_stages
from regions.models import LocalGovernment
from reviews.models import Criterion, Panel, PanelProposal, Rubric
from reviews.services import add_stage, change_stage, create_panel, remove_stage
from selection.models import Outcome, RunStatus
from selection.selectors import run_rules
from selection.services import approve_run, confirm_run, publish_run, save_policy
from tests.factories import make_contest, make_user
from tests.reviews.builders import make_rubric, submitted_sheet, totals
from tests.selection.conftest import computed_run

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]

# Hamyang, Gokseong, Uiseong, Danyang: sheet totals (out of 100) in the document review, the site visit and the
# presentation review, three reviewers each (fewer than five: the plain mean is the stage score).
SHEETS = {"48870": ([88, 90, 92], [70, 70, 70], [80, 80, 80]),
          "12720": ([70, 70, 70], [89, 90, 91], [78, 78, 78]),
          "47730": ([80, 80, 80], [80, 80, 80], [77, 78, 79]),
          "43800": ([95, 95, 95], [55, 55, 55], [95, 95, 95])}
STAGES = ("document", "site_visit", "presentation")


def _copy_rubric(contest, stage: str) -> Rubric:
    document = Rubric.objects.get(contest=contest, stage="document")
    rubric = Rubric.objects.create(contest=contest, stage=stage, trim_min_sheets=5, pass_mark=60)
    Criterion.objects.bulk_create([Criterion(rubric=rubric, code=c.code, name_ko=c.name_ko, name_en=c.name_en,
                                             max_points=c.max_points, position=c.position)
                                   for c in document.criteria.all()])
    return rubric


def staged_contest(council, stages: list[tuple[str, str, int]], sheets: dict[str, tuple[list[int], ...]]):
    """A contest whose stages are ``stages`` (code, kind code, weight in %), set through the services from the
    default two, with a rubric and a panel per stage and ``sheets``' totals per local government and stage; a
    target of two tasks and one reserve."""
    contest = make_contest()
    contest.target_task_count = 2
    contest.save()
    codes = [code for code, _kind, _weight in stages]
    for stage in ensure_stages(contest):
        if stage.code not in codes:
            remove_stage(actor=council, stage=stage)
    for position, (code, kind, _weight) in enumerate(stages, start=1):
        stage = contest.stages.filter(code=code).first()
        if stage is None:
            kind = StageKind.objects.get(code=kind)
            add_stage(actor=council, contest=contest, position=position, values={
                "code": code, "kind": kind, "name_ko": kind.name_ko, "name_en": kind.name_en,
                "has_slots": kind.scheduled_slots, "weight_pct": 0, "cutoff": Decimal(60)})
        else:
            change_stage(actor=council, stage=stage, values={}, position=position)
    save_policy(actor=council, contest=contest, values={"reserve_count": 1, **{
        f"{code}_weight_pct": weight for code, _kind, weight in stages}})
    make_rubric(contest, tie_breaks=())
    for code in codes[1:]:
        _copy_rubric(contest, code)
    panels = {code: create_panel(actor=council, contest=contest, stage=code, name="1분과",
                                 reviewers_per_proposal=3, members=[], chair=None) for code in codes}
    official = make_user(Role.LOCAL_OFFICIAL)
    proposals = {}
    for number, (lg, stage_sheets) in enumerate(sheets.items(), start=1):
        proposal = Proposal.objects.create(contest=contest, lead_local_government=LocalGovernment.objects.get(code=lg),
                                           title=f"과제 {lg}", created_by=official, status="submitted",
                                           receipt_number=f"2025-{number:04d}")
        BudgetLine.objects.create(proposal=proposal, year=2026, source="national", amount_krw=1_000_000_000)
        for code, values in zip(codes, stage_sheets, strict=True):
            PanelProposal.objects.create(panel=panels[code], proposal=proposal, stage=code)
            for sheet in totals(*values):
                submitted_sheet(panels[code], proposal, sheet)
        proposals[lg] = proposal
    Panel.objects.filter(contest=contest).update(signed_off_at=timezone.now())
    return contest, proposals


def three_stage_contest(council):
    return staged_contest(council, [("document", "document", 20), ("site_visit", "site_visit", 30),
                                    ("presentation", "presentation", 50)], SHEETS)


def ranks(run, proposals) -> dict[str, tuple]:
    by_proposal = {decision.proposal_id: decision for decision in run.decisions.all()}
    return {code: (by_proposal[proposal.pk].rank, by_proposal[proposal.pk].outcome,
                   by_proposal[proposal.pk].combined_score) for code, proposal in proposals.items()}


def test_three_stages_from_panels_to_a_confirmed_selection(council, django_capture_on_commit_callbacks):
    contest, proposals = three_stage_contest(council)
    assert [stage.code for stage in contest.stages.order_by("position")] == list(STAGES)
    run = computed_run(contest, council, django_capture_on_commit_callbacks)
    # By hand, document×0.2 + site visit×0.3 + presentation×0.5:
    # Hamyang 90×0.2 + 70×0.3 + 80×0.5 = 79.00; Gokseong 70×0.2 + 90×0.3 + 78×0.5 = 80.00;
    # Uiseong 80×0.2 + 80×0.3 + 78×0.5 = 79.00 (tied with Hamyang: the presentation, the last stage, decides:
    # 80 > 78); Danyang 95×0.2 + 55×0.3 + 95×0.5 = 83.00 but 55 is below the site visit's cut-off of 60.
    assert ranks(run, proposals) == {
        "12720": (1, Outcome.SELECTED, Decimal("80.00")), "48870": (2, Outcome.SELECTED, Decimal("79.00")),
        "47730": (3, Outcome.RESERVE, Decimal("79.00")), "43800": (None, Outcome.BELOW_CUTOFF, Decimal("83.00"))}
    hamyang = run.decisions.get(proposal=proposals["48870"])
    assert hamyang.stage_scores == {"document": "90.00", "site_visit": "70.00", "presentation": "80.00"}
    stages, tie_break = run_rules(run)
    assert [(stage.code, stage.weight_pct, stage.cutoff) for stage in stages] == [
        ("document", 20, "60.00"), ("site_visit", 30, "60.00"), ("presentation", 50, "60.00")]
    assert tie_break == ["Presentation review", "Site visit", "Document review", "the receipt number"]
    approve_run(actor=council, run=run)
    with django_capture_on_commit_callbacks(execute=True):
        run = publish_run(actor=council, run=run)
    run = confirm_run(actor=council, run=run, now=run.objection_closes_at + timedelta(minutes=1))
    assert run.status == RunStatus.CONFIRMED
    assert sorted(run.decisions.filter(outcome=Outcome.SELECTED).values_list("proposal__lead_local_government__code",
                                                                             flat=True)) == ["12720", "48870"]


def test_the_councils_tie_break_order_decides_equal_combined_scores(council, django_capture_on_commit_callbacks):
    contest, proposals = three_stage_contest(council)
    save_policy(actor=council, contest=contest, values={"tie_break": ["site_visit"]})
    run = computed_run(contest, council, django_capture_on_commit_callbacks)
    # Hamyang and Uiseong both 79.00; by the site visit Uiseong (80) comes before Hamyang (70).
    assert ranks(run, proposals)["47730"] == (2, Outcome.SELECTED, Decimal("79.00"))
    assert ranks(run, proposals)["48870"] == (3, Outcome.RESERVE, Decimal("79.00"))
    assert run_rules(run)[1] == ["Site visit", "the receipt number"]
    save_policy(actor=council, contest=contest, values={"tie_break": ["document", "presentation"]})
    run = computed_run(contest, council, django_capture_on_commit_callbacks)
    # By the document review Hamyang (90) comes before Uiseong (80).
    assert ranks(run, proposals)["48870"][:2] == (2, Outcome.SELECTED)
    assert ranks(run, proposals)["47730"][:2] == (3, Outcome.RESERVE)


def test_a_fourth_kind_of_stage_is_data(council, django_capture_on_commit_callbacks):
    """An interview (면접평가) is none of the seeded kinds: a row, then a stage, a panel and a run like any other."""
    StageKind.objects.create(code="interview", name_ko="면접평가", name_en="Interview")
    contest, proposals = staged_contest(council, [("document", "document", 40), ("interview", "interview", 60)], {
        "48870": ([80, 80, 80], [90, 90, 90]), "12720": ([90, 90, 90], [80, 80, 80]),
        "47730": ([70, 70, 70], [70, 70, 70])})
    assert [stage.kind.code for stage in contest.stages.order_by("position")] == ["document", "interview"]
    assert str(contest.panels.get(stage="interview")) == "Interview · 1분과"
    run = computed_run(contest, council, django_capture_on_commit_callbacks)
    # Hamyang 80×0.4 + 90×0.6 = 86.00; Gokseong 90×0.4 + 80×0.6 = 84.00; Uiseong 70×0.4 + 70×0.6 = 70.00.
    assert ranks(run, proposals) == {"48870": (1, Outcome.SELECTED, Decimal("86.00")),
                                     "12720": (2, Outcome.SELECTED, Decimal("84.00")),
                                     "47730": (3, Outcome.RESERVE, Decimal("70.00"))}
