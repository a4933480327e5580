"""The events the portal tells people about, registered by the app whose code announces each: its
``notification_events.py`` calls ``register_events`` (the notifications app imports every such module when
it is ready, as the admin does ``admin.py``), so a feature adds its event without editing a central list.

An event says what it is about (a model, loaded with its related rows), who hears of it and where its link
goes. Its texts live in ``templates/<app>/notifications/<event>_subject.txt`` and ``_body.txt`` (dots in the
event's name become underscores), rendered in each recipient's language.
"""
import dataclasses
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from django.apps import apps
from django.contrib.auth import get_user_model
from django.core.exceptions import ImproperlyConfigured
from django.db.models import Model, Q, QuerySet

from accounts.roles import Role
from regions.models import LocalGovernment


def officials_of(local_government_id: int) -> QuerySet:
    return get_user_model().objects.filter(role=Role.LOCAL_OFFICIAL, local_government_id=local_government_id,
                                           is_active=True)


def officials_and_provinces_of(proposal) -> QuerySet:
    """Everyone a joint proposal's result concerns: the officials of the lead and of every partner local
    government, and the provincial officers of each of their provinces. A user is one row however many of
    those he belongs to, so he hears of it once."""
    local_governments = [proposal.lead_local_government_id, *proposal.partners.values_list("pk", flat=True)]
    provinces = LocalGovernment.objects.filter(pk__in=local_governments).values("province_id")
    return get_user_model().objects.filter(
        Q(role=Role.LOCAL_OFFICIAL, local_government_id__in=local_governments)
        | Q(role=Role.PROVINCIAL_OFFICER, province_id__in=provinces), is_active=True).order_by("pk")


def officials_and_province_of(local_government_id: int) -> QuerySet:
    """A local government's officials and the officers of its province, each once."""
    province = LocalGovernment.objects.filter(pk=local_government_id).values("province_id")
    return get_user_model().objects.filter(
        Q(role=Role.LOCAL_OFFICIAL, local_government_id=local_government_id)
        | Q(role=Role.PROVINCIAL_OFFICER, province_id__in=province), is_active=True).order_by("pk")


def council_staff() -> QuerySet:
    return get_user_model().objects.filter(role=Role.COUNCIL_STAFF, is_active=True)


def if_active(user) -> list:
    """One user, unless his account is closed."""
    return [user] if user.is_active else []


@dataclass(frozen=True)
class Event:
    code: str
    model: str
    related: tuple[str, ...]
    recipients: Callable[[Model], Iterable]
    link: Callable[[Model], str]
    app: str = ""  # the app that registered it: its templates are under templates/<app>/notifications/
    # What the texts need besides the loaded row: a proposal's or task's local governments standing in its
    # round's layout (issue 20), so a text naming them prints a 2025 round's 서구, not today's 서해구.
    prepare: Callable[[Model], Model] | None = None

    @property
    def template_stem(self) -> str:
        return f"{self.app}/notifications/" + self.code.replace(".", "_")

    def load(self, target_id: int) -> Model:
        """The event's row with its related rows, prepared for the texts (``prepare``)."""
        target = apps.get_model(self.model).objects.select_related(*self.related).get(pk=target_id)
        return self.prepare(target) if self.prepare else target


EVENTS: dict[str, Event] = {}


def register_events(app: str, events: Iterable[Event]) -> None:
    """Register ``app``'s events (``app`` names its templates' folder). An event's code belongs to one app:
    registering it again is a configuration error."""
    for event in events:
        if event.code in EVENTS:
            raise ImproperlyConfigured(f"The notification event {event.code!r} is registered twice.")
        EVENTS[event.code] = dataclasses.replace(event, app=app)
