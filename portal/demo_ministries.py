"""The 2026 round's two new ministries in the demo: the ``mcst`` and ``mof`` logins, the 2026 contest's
company support cap, and a MOF row on Wando-gun's 2026 aquaculture task when the demo has that task.
Kept apart from the other demo modules, which are rewritten onto the real timeline; this one only looks
things up by stable handles (``demo_round_2026.wando_aquaculture_task()``, the 2026 round's contest: held in
2025, so ``Contest.year`` 2025)."""
from django.contrib.auth import get_user_model

from accounts.roles import Role
from applications.models import Contest
from ministries.models import Ministry
from ministries.reference import FISHERIES_INFRASTRUCTURE
from ministries.registry import line_for
from tracking.services import save_support_row

from .demo_clock import demo_clock
from .demo_dates import NEW_MINISTRIES_JOINED, kst
from .demo_round_2026 import wando_aquaculture_task

# username, family name, given name, ministry, organisation
ACCOUNTS = [("mcst", "문", "관광", "MCST", "문화체육관광부 지역문화정책과"),
            ("mof", "해", "양수", "MOF", "해양수산부 어촌양식정책과")]
COMPANY_CAP_2026_KRW = 90_000_000


def _ensure_account(username: str, last_name: str, first_name: str, ministry: str, organisation: str, password):
    User = get_user_model()
    user = User.objects.filter(username=username).first()
    if user is None:
        user = User(username=username, role=Role.MINISTRY_STAFF, last_name=last_name, first_name=first_name,
                    email=f"{username}@demo.invalid", organisation=organisation,
                    ministry=Ministry.objects.get(code=ministry),
                    date_joined=NEW_MINISTRIES_JOINED)  # joined with its ministry, before the 2026 round
        user.set_password(password)
        user.full_clean()
        user.save()
    return user


def ensure_ministries_demo(password: str) -> None:
    """Safe to run again: nothing is added twice."""
    users = {username: _ensure_account(username, *rest, password=password) for username, *rest in ACCOUNTS}
    task = wando_aquaculture_task()
    contest = task.contest if task else Contest.objects.filter(name_ko__startswith="2026년").first()
    if contest is None:
        return
    if contest.company_support_cap_krw is None:
        Contest.objects.filter(pk=contest.pk).update(company_support_cap_krw=COMPANY_CAP_2026_KRW)
    line = line_for(FISHERIES_INFRASTRUCTURE)
    if task is None or task.support_rows.filter(line_id=line.pk).exists():
        return
    with demo_clock(kst(2026, 3, 16, 11)):
        save_support_row(actor=users["mof"], task=task, line=line, row=None,
                         reason="2026년 어촌·양식 기반시설 연계 확정",
                         values={"facility": "완도 전복 종자 배양장 현대화", "year": 2026, "kind": "aquaculture",
                                 "amount_krw": 1_500_000_000, "status": "under_construction"})
