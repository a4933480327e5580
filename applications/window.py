"""Where a contest's application window stands now, as officials count it: open with a D-day countdown to
the deadline (D-day on the last day, in KST), not open yet, or closed. Pages show it; the page, the API and
the service ask :func:`accepts_new_drafts` before a draft is started."""
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from django.utils import timezone
from django.utils.translation import gettext as _

from applications.models import Contest
from core.formats import moment
from core.permissions import ALLOWED, Decision, deny


class WindowState(StrEnum):
    UPCOMING = "upcoming"
    OPEN = "open"
    CLOSED = "closed"


@dataclass(frozen=True)
class Window:
    state: WindowState
    days_left: int | None  # whole KST days to the deadline's date while open (0 on the last day)

    @property
    def is_open(self) -> bool:
        return self.state == WindowState.OPEN

    @property
    def is_upcoming(self) -> bool:
        """Not open yet: applications start at ``application_opens_at``."""
        return self.state == WindowState.UPCOMING

    @property
    def countdown(self) -> str:
        """"D-3", or "D-day" on the deadline's own date; empty unless open."""
        if not self.is_open:
            return ""
        return "D-day" if self.days_left == 0 else f"D-{self.days_left}"


def window_of(contest: Contest, now: datetime | None = None) -> Window:
    now = now or timezone.now()
    if now < contest.application_opens_at:
        return Window(WindowState.UPCOMING, None)
    if now > contest.application_closes_at:
        return Window(WindowState.CLOSED, None)
    days = (timezone.localtime(contest.application_closes_at).date() - timezone.localtime(now).date()).days
    return Window(WindowState.OPEN, days)


def accepts_new_drafts(contest: Contest, now: datetime | None = None) -> Decision:
    """A draft is started only until the deadline: after it, nothing could be submitted."""
    if window_of(contest, now).state == WindowState.CLOSED:
        return deny(_("The application deadline (%(deadline)s) has passed: no new proposal can be started.")
                    % {"deadline": moment(contest.application_closes_at)})
    return ALLOWED
