"""The scale set's accounts: a council clerk, one official per local government, one officer per province,
the four ministries' staff and a reviewer pool. One password hash, computed once (hashing 300 passwords one
by one would take most of the run)."""
from dataclasses import dataclass

from django.contrib.auth.hashers import make_password

from accounts.models import User
from accounts.roles import Role
from ministries.models import Ministry
from regions.models import LocalGovernment, Province
from reviews.models import Reviewer

SCALE_PASSWORD = "scale-portal-2025"  # noqa: S105 (a published test password, like the demo's)
REVIEWERS = 60


@dataclass(frozen=True)
class ScalePeople:
    council: User
    officials: dict[int, User]  # by local government id
    reviewers: list[Reviewer]
    staff: dict[str, User]  # by ministry code


def _bulk_users(password: str, wanted: list[User]) -> None:
    existing = set(User.objects.filter(username__in=[user.username for user in wanted])
                   .values_list("username", flat=True))
    for user in wanted:
        user.password = password
    User.objects.bulk_create([user for user in wanted if user.username not in existing], batch_size=500)


def ensure_people() -> ScalePeople:
    password = make_password(SCALE_PASSWORD)
    governments = list(LocalGovernment.objects.order_by("code"))
    ministries = {ministry.code: ministry for ministry in Ministry.objects.all()}
    _bulk_users(password, [
        User(username="scale-council", role=Role.COUNCIL_STAFF, organisation="중앙협의회 사무국"),
        *[User(username=f"scale-lg-{lg.code}", role=Role.LOCAL_OFFICIAL, local_government=lg) for lg in governments],
        *[User(username=f"scale-province-{province.code}", role=Role.PROVINCIAL_OFFICER, province=province)
          for province in Province.objects.order_by("code")],
        *[User(username=f"scale-{code.lower()}", role=Role.MINISTRY_STAFF, ministry=ministry)
          for code, ministry in ministries.items()],
        *[User(username=f"scale-reviewer-{number:03d}", role=Role.REVIEWER) for number in range(REVIEWERS)],
    ])
    users = {user.username: user for user in User.objects.filter(username__startswith="scale-")}
    pooled = set(Reviewer.objects.filter(user__username__startswith="scale-reviewer-")
                 .values_list("user__username", flat=True))
    Reviewer.objects.bulk_create([
        Reviewer(user=users[f"scale-reviewer-{number:03d}"], affiliation=f"규모시험 연구원 {number:03d}",
                 fields="지역산업, 기업지원")
        for number in range(REVIEWERS) if f"scale-reviewer-{number:03d}" not in pooled])
    return ScalePeople(
        council=users["scale-council"],
        officials={lg.pk: users[f"scale-lg-{lg.code}"] for lg in governments},
        reviewers=list(Reviewer.objects.filter(user__username__startswith="scale-reviewer-").order_by("pk")),
        staff={code: users[f"scale-{code.lower()}"] for code in ministries})
