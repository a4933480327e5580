"""What each role has to do today, for the top of its landing page: a few lists, each item with the address
where it is done and, where there is one, its deadline (overdue items marked).

``todo_for(user)`` returns ``[Todo]``; a list with no item is left out, so a page with nothing to do says so.
Each list is one query reading one row more than it shows (``portal.todo_items``), so a list cut at ``SHOWN``
says "8 or more" instead of a total it did not count.
"""
from datetime import date, datetime

from django.contrib.auth import get_user_model
from django.db.models import Exists, F, OuterRef, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts.roles import Role
from applications.models import Contest, Proposal, ProposalStatus
from applications.selectors import awaiting_matching, eligible_local_governments_for_contest
from reviews.models import Assignment, AssignmentStatus, PresentationSlot, SheetStatus
from tracking.models import REPORT_EDITABLE, PlanInclusion, ProgressReport, SelectedTask

from .todo_items import FETCHED, SHOWN, Todo, TodoItem, due, in_round_layouts, listed
from .todo_oversight import council_todo, ministry_todo, reports

__all__ = ["SHOWN", "Todo", "TodoItem", "todo_for"]


def _half_begun(today: date) -> Q:
    """Reports whose half-year has begun by ``today`` (KST): the one being written now and any left behind,
    not those of halves still to come."""
    return Q(year__lt=today.year) | Q(year=today.year, half__lte=1 if today.month < 7 else 2)


def _earliest_first(rows: list, deadline) -> list:
    """The first ``FETCHED`` rows by ``deadline(row)``, those without one last (as the database orders nulls
    ascending in PostgreSQL), then by primary key."""
    def key(row):
        moment = deadline(row)
        return (moment is None, moment or 0, row.pk)  # the 0 is only ever compared with another row's 0

    return sorted(rows, key=key)[:FETCHED]


def official_todo(user, now) -> list[Todo]:
    own = Proposal.objects.filter(lead_local_government=user.local_government_id)
    # Corrections and drafts still before their deadline in one query: a local government has a proposal or
    # two per round, so these are a handful of rows.
    waiting = list(own.filter(Q(status=ProposalStatus.CORRECTION_REQUESTED)
                              | Q(status=ProposalStatus.DRAFT, contest__application_closes_at__gte=now))
                   .select_related("contest").only("pk", "title", "status", "correction_due_at",
                                                   "contest__application_closes_at"))
    proposals = reverse("applications:proposal-list")
    corrections = listed(
        _("Corrections requested"),
        _earliest_first([row for row in waiting if row.status == ProposalStatus.CORRECTION_REQUESTED],
                        lambda proposal: proposal.correction_due_at),
        lambda proposal: TodoItem(proposal.title, reverse("applications:proposal-detail", args=[proposal.pk]),
                                  **due(proposal.correction_due_at, now)), proposals)
    drafts = listed(
        _("Drafts to submit before the deadline"),
        _earliest_first([row for row in waiting if row.status == ProposalStatus.DRAFT],
                        lambda proposal: proposal.contest.application_closes_at),
        lambda proposal: TodoItem(proposal.title, reverse("applications:proposal-detail", args=[proposal.pk]),
                                  **due(proposal.contest.application_closes_at, now)), proposals)
    slots = listed(
        _("Presentation times"),
        PresentationSlot.objects.filter(proposal__in=own, starts_at__gte=now).select_related("proposal")
        .order_by("starts_at", "pk")[:FETCHED],
        lambda slot: TodoItem(f"{slot.proposal.title} · {slot.room or slot.online_link or slot.place}",
                              reverse("applications:proposal-detail", args=[slot.proposal_id]), due=slot.starts_at))
    half_year = reports(_("Half-year reports due"), ProgressReport.objects.filter(
        _half_begun(timezone.localdate(now)), task__local_government=user.local_government_id,
        status__in=REPORT_EDITABLE), now, reverse("tracking:task-list"))
    return [corrections, drafts, _open_contests(user, now), slots, half_year]


def _open_contests(user, now) -> Todo:
    """Contests taking applications now for which the official's local government is eligible and has no
    proposal yet: one query for the open contests, one per open contest (at most ``FETCHED``; a round or two)."""
    contests = [] if user.local_government_id is None else (
        Contest.objects.filter(application_opens_at__lte=now, application_closes_at__gte=now)
        .exclude(proposals__lead_local_government=user.local_government_id)
        .prefetch_related("accepted_designation_kinds").order_by("application_closes_at", "pk")[:FETCHED])
    eligible = [contest for contest in contests
                if eligible_local_governments_for_contest(contest).filter(pk=user.local_government_id).exists()]
    return listed(_("Open contests you may apply to"), eligible,
                  lambda contest: TodoItem(contest.name,
                                           reverse("applications:proposal-create") + f"?contest={contest.pk}",
                                           **due(contest.application_closes_at, now)),
                  reverse("applications:contest-list"))


def provincial_todo(user, now) -> list[Todo]:
    """Matching to confirm in rounds not yet decided, tasks missing from this year's promotion plan, and the
    half-year reports of the province's tasks that are past due (to chase with the local government)."""
    matching = listed(
        _("Provincial matching to confirm"),
        awaiting_matching(user.province_id).select_related("lead_local_government__province", "contest")[:FETCHED],
        lambda proposal: TodoItem(f"{proposal.lead_local_government} · {proposal.title}",
                                  reverse("applications:proposal-detail", args=[proposal.pk])),
        reverse("applications:proposal-list"), local_government="lead_local_government")
    year = timezone.localdate(now).year
    in_plan = PlanInclusion.objects.filter(task=OuterRef("pk"), year=year)
    plans = listed(
        _("Tasks to confirm in this year's promotion plan"),
        SelectedTask.objects.filter(local_government__province=user.province_id).exclude(Exists(in_plan))
        .select_related("local_government__province", "contest").order_by("pk")[:FETCHED],
        lambda task: TodoItem(f"{task.local_government} · {task.title}", reverse("tracking:task", args=[task.pk])),
        reverse("tracking:task-list"), local_government="local_government")
    late = reports(_("Late half-year reports"), ProgressReport.objects.filter(
        task__local_government__province=user.province_id, status__in=REPORT_EDITABLE,
        due_on__lt=timezone.localdate(now)), now, reverse("tracking:task-list"))
    return [matching, plans, late]


def reviewer_todo(user, now) -> list[Todo]:
    open_assignments = (Assignment.objects.filter(reviewer__user=user, panel__signed_off_at__isnull=True)
                        .exclude(status=AssignmentStatus.RECUSED)
                        .exclude(sheet__status=SheetStatus.SUBMITTED)
                        .select_related("proposal__lead_local_government__province", "proposal__contest", "panel")
                        # the soonest due first, on SQLite and PostgreSQL alike (they put NULL at opposite ends)
                        .order_by(F("due_at").asc(nulls_last=True), "pk"))
    return [listed(_("Score sheets to submit"), open_assignments[:FETCHED],
                   lambda assignment: TodoItem(f"{assignment.proposal.lead_local_government} · {assignment.panel}",
                                               reverse("reviews:assignment-detail", args=[assignment.pk]),
                                               **due(assignment.due_at, now)),
                   reverse("reviews:assignment-list"), local_government="proposal__lead_local_government",
                   contest="proposal__contest")]


def administrator_todo(user, now) -> list[Todo]:
    """Accounts made but never used: their holders still need their sign-in (or the account is not needed)."""
    unused = (get_user_model().objects.filter(is_active=True, last_login__isnull=True)
              .order_by("date_joined", "pk")[:FETCHED])
    return [listed(_("Accounts never signed in"), unused,
                   lambda account: TodoItem(f"{account.username} · {account.get_role_display()}",
                                            reverse("admin:accounts_user_change", args=[account.pk]),
                                            due=account.date_joined),
                   reverse("admin:accounts_user_changelist"))]


BUILDERS = {Role.ADMINISTRATOR: administrator_todo, Role.LOCAL_OFFICIAL: official_todo,
            Role.PROVINCIAL_OFFICER: provincial_todo, Role.REVIEWER: reviewer_todo,
            Role.MINISTRY_STAFF: ministry_todo, Role.COUNCIL_STAFF: council_todo}


def todo_for(user, now: datetime | None = None) -> list[Todo]:
    """The user's to-do lists that have something in them, in the order of the role's day."""
    builder = BUILDERS.get(user.role)
    if builder is None:
        return []
    return [todo for todo in in_round_layouts(builder(user, now or timezone.now())) if todo.items]
