"""Builders for review tests: a rubric, a panel of reviewers, proposals and submitted sheets."""
from decimal import Decimal

from django.utils import timezone

from accounts.roles import Role
from applications.models import Proposal
from regions.models import LocalGovernment
from reviews.models import (
    Assignment,
    AssignmentStatus,
    Criterion,
    Panel,
    PanelProposal,
    Reviewer,
    Rubric,
    Score,
    ScoreSheet,
    SheetStatus,
)
from tests.factories import make_contest, make_user

# Eligible in 2025 and in four different provinces: Hamyang (Gyeongnam), Gokseong (Jeonnam),
# Uiseong (Gyeongbuk), Danyang (Chungbuk).
PROPOSAL_CODES = ["48870", "12720", "47730", "43800"]


def make_rubric(contest, *, trim_min_sheets=5, pass_mark=60, tie_breaks=("effectiveness", "feasibility")):
    rubric = Rubric.objects.create(contest=contest, stage="document", trim_min_sheets=trim_min_sheets,
                                   pass_mark=pass_mark)
    for position, (code, name_ko, name_en, maximum) in enumerate([
            ("feasibility", "타당성", "Feasibility", 40), ("effectiveness", "효과성", "Effectiveness", 30),
            ("policy_linkage", "정책연계성", "Policy linkage", 30)], start=1):
        order = tie_breaks.index(code) + 1 if code in tie_breaks else None
        Criterion.objects.create(rubric=rubric, code=code, name_ko=name_ko, name_en=name_en, max_points=maximum,
                                 position=position, tie_break_order=order)
    return rubric


def make_reviewer(**kwargs) -> Reviewer:
    user = make_user(Role.REVIEWER, language="en")
    kwargs.setdefault("affiliation", f"연구원 {user.pk}")
    return Reviewer.objects.create(user=user, **kwargs)


def make_panel(contest=None, *, members=5, per_proposal=3, codes=PROPOSAL_CODES, name="1분과", first_number=1):
    contest = contest or make_contest()
    panel = Panel.objects.create(contest=contest, stage="document", name=name, reviewers_per_proposal=per_proposal)
    panel.members.set([make_reviewer() for _ in range(members)])
    official = make_user(Role.LOCAL_OFFICIAL)
    for number, code in enumerate(codes, start=first_number):
        lead = LocalGovernment.objects.get(code=code)
        proposal = Proposal.objects.create(contest=contest, lead_local_government=lead, title=f"과제 {code}",
                                           created_by=official, status="submitted",
                                           receipt_number=f"{contest.year}-{number:04d}")
        PanelProposal.objects.create(panel=panel, proposal=proposal, stage="document")
    return panel


def submitted_sheet(panel, proposal, scores: dict[str, str], reviewer=None) -> ScoreSheet:
    """A submitted sheet with ``scores`` by criterion code, from a new panel member unless given."""
    reviewer = reviewer or make_reviewer()
    panel.members.add(reviewer)
    assignment = Assignment.objects.create(panel=panel, proposal=proposal, reviewer=reviewer,
                                           status=AssignmentStatus.CONFIRMED, pledge_signed_at=timezone.now(),
                                           assigned_by=reviewer.user)
    sheet = ScoreSheet.objects.create(assignment=assignment, status=SheetStatus.SUBMITTED,
                                      submitted_at=timezone.now())
    criteria = {criterion.code: criterion for criterion in Criterion.objects.filter(
        rubric__contest=panel.contest, rubric__stage=panel.stage)}
    Score.objects.bulk_create([Score(sheet=sheet, criterion=criteria[code], points=Decimal(points))
                               for code, points in scores.items()])
    return sheet


def totals(*values: int) -> list[dict[str, str]]:
    """Sheets whose totals are ``values``: all points on feasibility up to 40, the rest on effectiveness."""
    sheets = []
    for value in values:
        feasibility = min(value, 40)
        effectiveness = min(value - feasibility, 30)
        sheets.append({"feasibility": str(feasibility), "effectiveness": str(effectiveness),
                       "policy_linkage": str(value - feasibility - effectiveness)})
    return sheets
