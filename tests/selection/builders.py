"""Builders for selection tests: a contest whose proposals were scored in both stages with chosen totals."""
from django.utils import timezone

from accounts.roles import Role
from applications.models import BudgetLine, Proposal
from regions.models import LocalGovernment
from reviews.models import Criterion, Panel, PanelProposal, Rubric
from tests.factories import make_contest, make_user
from tests.reviews.builders import make_rubric, submitted_sheet, totals

# Eligible in 2025, each in a different local government: Hamyang, Gokseong, Uiseong, Danyang, Jeongseon.
CODES = ["48870", "12720", "47730", "43800", "51770"]


def _presentation_rubric(contest) -> Rubric:
    document = Rubric.objects.get(contest=contest, stage="document")
    rubric = Rubric.objects.create(contest=contest, stage="presentation", trim_min_sheets=5, pass_mark=60)
    Criterion.objects.bulk_create([Criterion(rubric=rubric, code=criterion.code, name_ko=criterion.name_ko,
                                             name_en=criterion.name_en, max_points=criterion.max_points,
                                             position=criterion.position, tie_break_order=criterion.tie_break_order)
                                   for criterion in document.criteria.all()])
    return rubric


def scored_contest(scores: dict[str, tuple[list[int] | None, list[int] | None]], *, requested=None, target=30,
                   budget=None, cap=1_000_000_000, sign_off=True, year=2025):
    """A contest with one panel per stage. ``scores`` maps a local government's code to the sheet totals (out
    of 100) in the document and the presentation review (``None``: not reviewed in that stage); ``requested``
    maps it to the national funding asked for (1,000,000,000 KRW by default, over two years)."""
    contest = make_contest(year=year)
    contest.target_task_count, contest.total_national_budget_krw = target, budget
    contest.national_cap_per_task_krw = cap
    contest.save()
    make_rubric(contest, tie_breaks=())
    _presentation_rubric(contest)
    panels = {stage: Panel.objects.create(contest=contest, stage=stage, name="1분과", reviewers_per_proposal=3)
              for stage in ("document", "presentation")}
    official = make_user(Role.LOCAL_OFFICIAL)
    proposals = {}
    for number, (code, stage_totals) in enumerate(scores.items(), start=1):
        lead = LocalGovernment.objects.get(code=code)
        proposal = Proposal.objects.create(contest=contest, lead_local_government=lead, title=f"과제 {code}",
                                           created_by=official, status="submitted",
                                           receipt_number=f"{contest.year}-{number:04d}")
        amount = (requested or {}).get(code, 1_000_000_000)
        BudgetLine.objects.bulk_create([BudgetLine(proposal=proposal, year=year, source="national",
                                                   amount_krw=share)
                                        for year, share in ((2026, amount // 2), (2027, amount - amount // 2))])
        for stage, values in zip(("document", "presentation"), stage_totals, strict=True):
            if values is None:
                continue
            PanelProposal.objects.create(panel=panels[stage], proposal=proposal, stage=stage)
            for sheet in totals(*values):
                submitted_sheet(panels[stage], proposal, sheet)
        proposals[code] = proposal
    if sign_off:
        Panel.objects.filter(contest=contest).update(signed_off_at=timezone.now())
    return contest, proposals
