"""The review for the demo: a reviewer pool and rubrics; each reviewed round's document panel (in 2025 one
recusal, one reviewer who scores low, signed off by its chair) and presentation panel with its schedule;
and the open 2027 round's document panel, set up early, where the demo reviewer has a proposal waiting.

Everything goes through the review services. The demo reviewer (``reviewer``) chairs the document panels.
"""
from datetime import datetime, timedelta
from decimal import Decimal

from django.contrib.auth import get_user_model

from accounts.roles import Role
from applications.models import Contest
from regions.models import LocalGovernment, Province
from reviews.models import Assignment, Criterion, Panel, Reviewer, ReviewStage, Rubric
from reviews.services import (
    add_proposals_to_panel,
    assign_automatically,
    assign_reviewer,
    create_panel,
    declare_conflict,
    proposals_awaiting_panel,
    save_sheet,
    schedule_presentation,
    set_panel_deadline,
    sign_off_panel,
    sign_pledge,
    submit_sheet,
)

from .demo_clock import demo_clock, working_moments
from .demo_dates import ACCOUNTS_JOINED

# username: (last name, first name, affiliation, home province code, home LG code, fields, external, bias)
POOL = {
    "reviewer": ("이", "평가", "한국산업기술진흥원", "11", "", "지역산업 정책, 기술사업화", True, 0),
    "kim.seomyeon": ("김", "서면", "경남테크노파크", "48", "", "바이오·헬스, 지역혁신", True, 0),
    "park.jeonmun": ("박", "전문", "전남대학교 식품공학과", "12", "", "식품 가공, 농산물 유통", True, 2),
    "choi.wiwon": ("최", "위원", "중소벤처기업부 지역기업정책과", "", "", "중소기업 정책", False, 1),
    "jeong.saneop": ("정", "산업", "한국농촌경제연구원", "", "47730", "농촌 경제, 6차 산업", True, -1),
    "han.gisul": ("한", "기술", "한국과학기술원 산학협력단", "30", "", "신소재, 기술이전", True, 0),
    "yun.pyeongga": ("윤", "평가", "산업연구원", "36", "", "산업 정책, 성과 평가", True, -9),
    "oh.simsa": ("오", "심사", "충북대학교 경영학부", "43", "", "경영 전략, 마케팅", True, 1),
}

# Each proposal's "true" quality on the three criteria; reviewers add their bias and a small spread.
QUALITY = {"48870": (34, 26, 27), "48860": (30, 22, 24), "47730": (31, 24, 23), "12720": (27, 21, 22),
           "43800": (32, 23, 21), "51770": (29, 21, 21),
           "48880": (31, 23, 22), "48890": (28, 21, 21), "47760": (25, 19, 19), "43760": (27, 22, 20)}

HAMYANG = "48870"
GEOCHANG = "48880"
DEFAULT_QUALITY = (32, 23, 23)  # a sound proposal of the round; made-up tasks without their own figures


def quality_of(code: str) -> tuple[int, int, int]:
    """A proposal's "true" quality on the three criteria; varied a little by its code."""
    if code in QUALITY:
        return QUALITY[code]
    spread = int(code) % 5 - 2
    return (DEFAULT_QUALITY[0] + spread, DEFAULT_QUALITY[1] + spread % 2, DEFAULT_QUALITY[2] - spread % 3 + 1)

CRITERIA = [
    ("feasibility", "타당성", "Feasibility", 40, "사업 목표·추진 체계·예산의 실현 가능성"),
    ("effectiveness", "효과성", "Effectiveness", 30, "일자리·매출·인구 유입 등 기대 효과와 KPI의 적정성"),
    ("policy_linkage", "정책연계성", "Policy linkage", 30, "지방소멸 대응·부처 지원사업과의 연계"),
]


def _ensure_reviewers() -> dict[str, Reviewer]:
    User = get_user_model()
    reviewers = {}
    for username, (last, first, affiliation, province, lg, fields, external, _bias) in POOL.items():
        user = User.objects.filter(username=username).first()
        if user is None:
            user = User(username=username, role=Role.REVIEWER, last_name=last, first_name=first,
                        organisation=affiliation, email=f"{username}@demo.invalid",
                        date_joined=ACCOUNTS_JOINED)  # in the pool before the 2025 round's review
            user.set_unusable_password()
            user.save()
        reviewers[username], _created = Reviewer.objects.get_or_create(user=user, defaults={
            "affiliation": affiliation, "fields": fields, "is_external": external,
            "home_province": Province.objects.get(code=province) if province else None,
            "home_local_government": LocalGovernment.objects.get(code=lg) if lg else None})
    return reviewers


def _ensure_rubrics(contest: Contest) -> None:
    for stage, weights in ((ReviewStage.DOCUMENT, (40, 30, 30)), (ReviewStage.PRESENTATION, (30, 40, 30))):
        rubric, created = Rubric.objects.get_or_create(contest=contest, stage=stage,
                                                       defaults={"trim_min_sheets": 5, "pass_mark": 60})
        if not created:
            continue
        for position, ((code, ko, en, _maximum, description), maximum) in enumerate(zip(CRITERIA, weights,
                                                                                         strict=True), start=1):
            Criterion.objects.create(rubric=rubric, code=code, name_ko=ko, name_en=en, max_points=maximum,
                                     description=description, position=position,
                                     tie_break_order={"effectiveness": 1, "feasibility": 2}.get(code))


def _points(assignment: Assignment, bias: int) -> dict[str, Decimal]:
    quality = quality_of(assignment.proposal.lead_local_government.code)
    wobble = (assignment.reviewer_id * 7 + assignment.proposal_id * 3) % 5 - 2
    result = {}
    for (code, _ko, _en, maximum, _description), base in zip(CRITERIA, quality, strict=True):
        value = base + (bias + wobble) * maximum / 40
        result[code] = Decimal(str(round(min(max(value, 0), maximum) * 2) / 2))
    return result


def _score_document_panel(panel: Panel, reviewers: dict[str, Reviewer], focus: str | None, dates) -> None:
    """Every sheet in, but one recusal, each at its own moment of the review days (``dates``). With a ``focus``
    local government the demo reviewer is still at work: its proposal waits for his pledge, the next one is a
    draft; without one he has submitted everything."""
    by_id = {reviewer.pk: username for username, reviewer in reviewers.items()}
    assignments = (panel.assignments.select_related("proposal__lead_local_government", "reviewer__user")
                   .order_by("proposal__receipt_number", "reviewer_id"))
    assignments = list(assignments)
    moments = iter(working_moments(dates.document_opens + timedelta(hours=1),
                                   dates.document_due - timedelta(hours=1), len(assignments)))
    recused = False
    demo_seen = []
    for assignment in assignments:
        username = by_id[assignment.reviewer_id]
        user = assignment.reviewer.user
        if username == "reviewer":
            demo_seen.append(assignment)
            continue
        with demo_clock(next(moments)):
            if (username == "jeong.saneop" and not recused
                    and assignment.proposal.lead_local_government.code == HAMYANG):
                declare_conflict(actor=user, assignment=assignment,
                                 reason="해당 지자체 특산물 연구용역(2024)에 자문위원으로 참여하였음")
                recused = True
                continue
            _score(assignment, POOL[username][7], submit=True)
    if focus is None:
        for assignment in demo_seen:
            with demo_clock(next(moments)):
                _score(assignment, 0, submit=True)
        return
    demo_seen.sort(key=lambda assignment: assignment.proposal.lead_local_government.code != focus)
    for number, assignment in enumerate(demo_seen[1:], start=1):
        _score(assignment, 0, submit=number > 1)


def _score(assignment: Assignment, bias: int, *, submit: bool) -> None:
    user = assignment.reviewer.user
    sign_pledge(actor=user, assignment=assignment)
    if user.username == "reviewer":
        comments, overall = {"effectiveness": "KPI 산출 근거 보완 필요"}, "발표평가에서 재확인"
    else:
        comments, overall = {"feasibility": "추진 체계가 구체적임"}, ""
    save_sheet(actor=user, assignment=assignment, points=_points(assignment, bias), comments=comments,
               overall_comment=overall)
    if submit:
        submit_sheet(actor=user, assignment=assignment)


# Gokseong-gun's panels are staffed by hand without the demo reviewer, so he is free to re-review its
# objection (a re-reviewer must never have been assigned the proposal).
# Jeong Saneop is put on Hamyang-gun's proposal, where he declares a conflict (the recusal to replace).
KEPT_FROM_DEMO_REVIEWER = {"12720": ("kim.seomyeon", "choi.wiwon", "han.gisul", "yun.pyeongga", "oh.simsa"),
                           HAMYANG: ("jeong.saneop",)}


def _staff_without_demo_reviewer(council, panel: Panel, proposals, reviewers: dict[str, Reviewer]) -> None:
    members = set(panel.members.values_list("pk", flat=True))
    for proposal in proposals:
        names = KEPT_FROM_DEMO_REVIEWER.get(proposal.lead_local_government.code, ())
        chosen = [reviewers[name] for name in names if reviewers[name].pk in members]
        for reviewer in chosen[:panel.reviewers_per_proposal]:
            assign_reviewer(actor=council, panel=panel, proposal=proposal, reviewer=reviewer)


def _open_document_panel(contest: Contest, council, reviewers: dict[str, Reviewer]) -> tuple:
    """The document panel of all eight, five per proposal, chaired by the demo reviewer, holding every
    proposal that awaits it. Returns (panel, its proposals)."""
    panel = create_panel(actor=council, contest=contest, stage=ReviewStage.DOCUMENT, name="1분과",
                         reviewers_per_proposal=5, members=list(reviewers.values()), chair=reviewers["reviewer"])
    proposals = list(proposals_awaiting_panel(panel))
    add_proposals_to_panel(actor=council, panel=panel, proposals=proposals)
    return panel, proposals


def _ensure_document_panel(contest: Contest, council, reviewers: dict[str, Reviewer], *, hand_assigned: str,
                           dates, focus: str | None) -> None:
    """The panel of eight, five per proposal, set up on the morning the document review opens; the demo
    reviewer is put on ``hand_assigned``'s proposal by hand and the rest assigned automatically. Signed off by
    its chair once every sheet is in, before the deadline."""
    if contest.panels.filter(stage=ReviewStage.DOCUMENT).exists():
        return
    with demo_clock(dates.document_opens):
        panel, proposals = _open_document_panel(contest, council, reviewers)
        chosen = next(proposal for proposal in proposals if proposal.lead_local_government.code == hand_assigned)
        assign_reviewer(actor=council, panel=panel, proposal=chosen, reviewer=reviewers["reviewer"])
        _staff_without_demo_reviewer(council, panel, proposals, reviewers)
        assign_automatically(actor=council, panel=panel)
        set_panel_deadline(actor=council, panel=panel, due_at=dates.document_due)
    _score_document_panel(panel, reviewers, focus, dates)
    if focus is None:
        with demo_clock(dates.document_due - timedelta(minutes=30)):
            sign_off_panel(actor=reviewers["reviewer"].user, panel=panel)


def _ensure_presentation_panel(contest: Contest, council, reviewers: dict[str, Reviewer], dates) -> None:
    """Set up and scheduled the morning after the document review's deadline."""
    if contest.panels.filter(stage=ReviewStage.PRESENTATION).exists():
        return
    with demo_clock(dates.document_due + timedelta(hours=16)):
        _set_up_presentation_panel(contest, council, reviewers, dates)


def _set_up_presentation_panel(contest: Contest, council, reviewers: dict[str, Reviewer], dates) -> None:
    members = [reviewers[name] for name in ("reviewer", "choi.wiwon", "han.gisul", "yun.pyeongga", "oh.simsa")]
    panel = create_panel(actor=council, contest=contest, stage=ReviewStage.PRESENTATION, name="1분과",
                         reviewers_per_proposal=3, members=members, chair=reviewers["han.gisul"])
    proposals = list(proposals_awaiting_panel(panel))
    add_proposals_to_panel(actor=council, panel=panel, proposals=proposals)
    _staff_without_demo_reviewer(council, panel, proposals, reviewers)
    assign_automatically(actor=council, panel=panel)
    set_panel_deadline(actor=council, panel=panel, due_at=dates.presentation_due)
    for number, proposal in enumerate(proposals):
        # Twelve 30-minute slots a day from 10:00, over as many days as it takes.
        day, slot = divmod(number, 12)
        starts_at = dates.presentations_start + timedelta(days=day, minutes=30 * slot)
        online = proposal.lead_local_government.code == "51770"
        schedule_presentation(actor=council, panel=panel, proposal=proposal, starts_at=starts_at,
                              ends_at=starts_at + timedelta(minutes=20),
                              room="" if online else "정부세종컨벤션센터 중회의실 3",
                              online_link=f"https://meet.demo.invalid/{contest.year}-presentation" if online else "")


def ensure_reviews(contest: Contest, council, dates, *, hand_assigned: str = HAMYANG) -> None:
    """A reviewed round: both stages; the document panel finished and signed off."""
    reviewers = _ensure_reviewers()
    _ensure_rubrics(contest)
    _ensure_document_panel(contest, council, reviewers, hand_assigned=hand_assigned, dates=dates, focus=None)
    _ensure_presentation_panel(contest, council, reviewers, dates)


def ensure_early_panel(contest: Contest, council, *, set_up_at: datetime, due_at: datetime) -> None:
    """The open round's document panel, set up at ``set_up_at`` while applications come in (a moment of the
    open window, computed from the seed date): each submitted proposal is assigned as it arrives, and the demo
    reviewer has the first one waiting for his confidentiality pledge."""
    reviewers = _ensure_reviewers()
    if contest.panels.filter(stage=ReviewStage.DOCUMENT).exists():
        return
    with demo_clock(set_up_at):
        _ensure_rubrics(contest)
        panel, proposals = _open_document_panel(contest, council, reviewers)
        for proposal in proposals[:1]:
            assign_reviewer(actor=council, panel=panel, proposal=proposal, reviewer=reviewers["reviewer"])
        assign_automatically(actor=council, panel=panel)
        set_panel_deadline(actor=council, panel=panel, due_at=due_at)
