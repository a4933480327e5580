"""Test data builders. Users are made per role with a valid binding."""
from datetime import date, datetime

import factory

from accounts.models import User
from accounts.roles import Role
from applications.models import SEOUL, Contest, ContestDesignationKind
from ministries.models import Ministry
from regions.models import DesignationKind, LocalGovernment, Province

PASSWORD = "correct-horse-battery"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda user: f"{user.username}@example.invalid")
    role = Role.COUNCIL_STAFF
    password = factory.PostGenerationMethodCall("set_password", PASSWORD)

    @factory.post_generation
    def persist_password(self, create, extracted, **kwargs):
        if create:
            self.save()


def make_user(role: str, **kwargs) -> User:
    """A user of ``role`` bound the way that role requires (Hamyang-gun, Gyeongnam, MOJ by default)."""
    if role == Role.LOCAL_OFFICIAL:
        kwargs.setdefault("local_government", LocalGovernment.objects.get(code="48870"))
    elif role == Role.PROVINCIAL_OFFICER:
        kwargs.setdefault("province", Province.objects.get(code="48"))
    elif role == Role.MINISTRY_STAFF:
        kwargs.setdefault("ministry", Ministry.objects.get(code="MOJ"))
    elif role == Role.ADMINISTRATOR:
        kwargs.setdefault("is_staff", True)
        kwargs.setdefault("is_superuser", True)
    return UserFactory(role=role, **kwargs)


def make_contest(*, kinds=tuple(DesignationKind.values), closes=datetime(2025, 10, 20, 18, 0, tzinfo=SEOUL),
                 opens=datetime(2025, 10, 1, 9, 0, tzinfo=SEOUL), year: int = 2025) -> Contest:
    contest = Contest.objects.create(name_ko=f"{year}년 협업 프로젝트", name_en=f"{year} Collaboration Project",
                                     year=year, application_opens_at=opens, application_closes_at=closes,
                                     national_cap_per_task_krw=1_000_000_000, provincial_match_min_bp=500,
                                     local_match_min_bp=1_000)
    ContestDesignationKind.objects.bulk_create([ContestDesignationKind(contest=contest, kind=k) for k in kinds])
    return contest


def day(text: str) -> date:
    return date.fromisoformat(text)
