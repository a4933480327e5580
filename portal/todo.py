"""What each role has to do today, for the top of its landing page: a few counted lists, each item with the
address where it is done and, where there is one, its deadline (overdue items marked).

``todo_for(user)`` returns ``[Todo]``; a list with no item is left out, so a page with nothing to do says so.
Each list is one query (its first ``SHOWN`` items, counted with the same query's length).
"""
from dataclasses import dataclass, field
from datetime import date, datetime

from django.contrib.auth import get_user_model
from django.db.models import Exists, OuterRef, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts.roles import Role
from applications.models import CORRECTABLE_STATUSES, Contest, Proposal, ProposalStatus, ProvincialMatchConfirmation
from applications.selectors import eligible_local_governments_for_contest
from core.formats import day, moment
from reviews.models import Assignment, AssignmentStatus, Panel, PresentationSlot, SheetStatus
from selection.models import OPEN_OBJECTION_STATUSES, Objection, RunStatus, SelectionRun
from tracking.models import REPORT_EDITABLE, PlanInclusion, ProgressReport, SelectedTask, TaskStatus

SHOWN = 8


@dataclass
class TodoItem:
    label: str
    url: str
    due: datetime | date | None = None  # a moment (shown in KST) or a day
    overdue: bool = False

    @property
    def due_text(self) -> str:
        if isinstance(self.due, datetime):
            return moment(self.due)
        return day(self.due)


@dataclass
class Todo:
    title: str
    items: list[TodoItem] = field(default_factory=list)


def _due(moment, now) -> dict:
    return {"due": moment, "overdue": moment is not None and moment < now}


def _reports(queryset, now) -> list[TodoItem]:
    today = timezone.localdate(now)
    return [TodoItem(f"{report.task.local_government} · {report.period_label}",
                     reverse("tracking:report", args=[report.pk]), due=report.due_on, overdue=report.due_on < today)
            for report in queryset.select_related("task__local_government").order_by("due_on")[:SHOWN]]


def _half_begun(today: date) -> Q:
    """Reports whose half-year has begun by ``today`` (KST): the one being written now and any left behind,
    not those of halves still to come."""
    return Q(year__lt=today.year) | Q(year=today.year, half__lte=1 if today.month < 7 else 2)


def _earliest_first(rows: list, deadline) -> list:
    """The first ``SHOWN`` rows by ``deadline(row)``, those without one last (as the database orders nulls
    ascending in PostgreSQL), then by primary key."""
    def key(row):
        moment = deadline(row)
        return (moment is None, moment or 0, row.pk)  # the 0 is only ever compared with another row's 0

    return sorted(rows, key=key)[:SHOWN]


def official_todo(user, now) -> list[Todo]:
    own = Proposal.objects.filter(lead_local_government=user.local_government_id)
    # Corrections and drafts still before their deadline in one query: a local government has a proposal or
    # two per round, so these are a handful of rows.
    waiting = list(own.filter(Q(status=ProposalStatus.CORRECTION_REQUESTED)
                              | Q(status=ProposalStatus.DRAFT, contest__application_closes_at__gte=now))
                   .select_related("contest").only("pk", "title", "status", "correction_due_at",
                                                   "contest__application_closes_at"))
    corrections = [TodoItem(proposal.title, reverse("applications:proposal-detail", args=[proposal.pk]),
                            **_due(proposal.correction_due_at, now))
                   for proposal in _earliest_first([proposal for proposal in waiting
                                                    if proposal.status == ProposalStatus.CORRECTION_REQUESTED],
                                                   lambda proposal: proposal.correction_due_at)]
    drafts = [TodoItem(proposal.title, reverse("applications:proposal-detail", args=[proposal.pk]),
                       **_due(proposal.contest.application_closes_at, now))
              for proposal in _earliest_first([proposal for proposal in waiting
                                               if proposal.status == ProposalStatus.DRAFT],
                                              lambda proposal: proposal.contest.application_closes_at)]
    slots = [TodoItem(f"{slot.proposal.title} · {slot.room or slot.online_link or slot.place}",
                      reverse("applications:proposal-detail", args=[slot.proposal_id]), due=slot.starts_at)
             for slot in PresentationSlot.objects.filter(proposal__in=own, starts_at__gte=now)
             .select_related("proposal").order_by("starts_at")[:SHOWN]]
    reports = _reports(ProgressReport.objects.filter(_half_begun(timezone.localdate(now)),
                                                     task__local_government=user.local_government_id,
                                                     status__in=REPORT_EDITABLE), now)
    return [Todo(_("Corrections requested"), corrections), Todo(_("Drafts to submit before the deadline"), drafts),
            Todo(_("Open contests you may apply to"), _open_contests(user, now)),
            Todo(_("Presentation times"), slots), Todo(_("Half-year reports due"), reports)]


def _open_contests(user, now) -> list[TodoItem]:
    """Contests taking applications now for which the official's local government is eligible and has no
    proposal yet: one query for the open contests, one per open contest (at most ``SHOWN``; a round or two)."""
    if user.local_government_id is None:
        return []
    contests = (Contest.objects.filter(application_opens_at__lte=now, application_closes_at__gte=now)
                .exclude(proposals__lead_local_government=user.local_government_id)
                .prefetch_related("accepted_designation_kinds").order_by("application_closes_at")[:SHOWN])
    return [TodoItem(contest.name, reverse("applications:proposal-create") + f"?contest={contest.pk}",
                     **_due(contest.application_closes_at, now))
            for contest in contests
            if eligible_local_governments_for_contest(contest).filter(pk=user.local_government_id).exists()]


def provincial_todo(user, now) -> list[Todo]:
    confirmed = ProvincialMatchConfirmation.objects.filter(proposal=OuterRef("pk"))
    matching = [TodoItem(f"{proposal.lead_local_government} · {proposal.title}",
                         reverse("applications:proposal-detail", args=[proposal.pk]))
                for proposal in Proposal.objects.filter(
                    lead_local_government__province=user.province_id, status__in=CORRECTABLE_STATUSES)
                .exclude(Exists(confirmed)).select_related("lead_local_government").order_by("receipt_number")[:SHOWN]]
    year = timezone.localdate(now).year
    in_plan = PlanInclusion.objects.filter(task=OuterRef("pk"), year=year)
    plans = [TodoItem(f"{task.local_government} · {task.title}", reverse("tracking:task", args=[task.pk]))
             for task in SelectedTask.objects.filter(local_government__province=user.province_id)
             .exclude(Exists(in_plan)).select_related("local_government").order_by("pk")[:SHOWN]]
    return [Todo(_("Provincial matching to confirm"), matching),
            Todo(_("Tasks to confirm in this year's promotion plan"), plans)]


def reviewer_todo(user, now) -> list[Todo]:
    open_assignments = (Assignment.objects.filter(reviewer__user=user, panel__signed_off_at__isnull=True)
                        .exclude(status=AssignmentStatus.RECUSED)
                        .exclude(sheet__status=SheetStatus.SUBMITTED)
                        .select_related("proposal__lead_local_government", "panel").order_by("due_at", "pk"))
    sheets = [TodoItem(f"{assignment.proposal.lead_local_government} · {assignment.panel}",
                       reverse("reviews:assignment-detail", args=[assignment.pk]), **_due(assignment.due_at, now))
              for assignment in open_assignments[:SHOWN]]
    return [Todo(_("Score sheets to submit"), sheets)]


def ministry_todo(user, now) -> list[Todo]:
    tasks = [TodoItem(f"{task.local_government} · {task.title}", reverse("tracking:task", args=[task.pk]))
             for task in SelectedTask.objects.filter(status=TaskStatus.RUNNING).select_related("local_government")
             .order_by("local_government__code")[:SHOWN]]
    return [Todo(_("Running tasks whose support line to keep up to date"), tasks)]


def council_todo(user, now) -> list[Todo]:
    late = _reports(ProgressReport.objects.filter(status__in=REPORT_EDITABLE, due_on__lt=timezone.localdate(now)),
                    now)
    objections = [TodoItem(f"{objection.decision.proposal.lead_local_government} · {objection.decision.proposal.title}",
                           reverse("selection:objection-detail", args=[objection.pk]))
                  for objection in Objection.objects.filter(status__in=OPEN_OBJECTION_STATUSES)
                  .select_related("decision__proposal__lead_local_government").order_by("pk")[:SHOWN]]
    panels = [TodoItem(f"{panel.contest} · {panel}", reverse("reviews:panel-results", args=[panel.pk]))
              for panel in Panel.objects.filter(signed_off_at__isnull=True, assignments__isnull=False)
              .distinct().select_related("contest").order_by("contest", "stage", "name")[:SHOWN]]
    runs = [TodoItem(f"{run.contest} · #{run.number} · {run.get_status_display()}",
                     reverse("selection:run", args=[run.pk]))
            for run in SelectionRun.objects.filter(Q(status=RunStatus.COMPLETED) | Q(status=RunStatus.APPROVED))
            .select_related("contest").order_by("pk")[:SHOWN]]
    return [Todo(_("Late half-year reports"), late), Todo(_("Objections to decide"), objections),
            Todo(_("Panels not signed off"), panels), Todo(_("Selection runs waiting for approval or publication"),
                                                          runs)]


def administrator_todo(user, now) -> list[Todo]:
    """Accounts made but never used: their holders still need their sign-in (or the account is not needed)."""
    unused = [TodoItem(f"{account.username} · {account.get_role_display()}",
                       reverse("admin:accounts_user_change", args=[account.pk]), due=account.date_joined)
              for account in get_user_model().objects.filter(is_active=True, last_login__isnull=True)
              .order_by("date_joined", "pk")[:SHOWN]]
    return [Todo(_("Accounts never signed in"), unused)]


BUILDERS = {Role.ADMINISTRATOR: administrator_todo, Role.LOCAL_OFFICIAL: official_todo,
            Role.PROVINCIAL_OFFICER: provincial_todo, Role.REVIEWER: reviewer_todo,
            Role.MINISTRY_STAFF: ministry_todo, Role.COUNCIL_STAFF: council_todo}


def todo_for(user, now: datetime | None = None) -> list[Todo]:
    """The user's to-do lists that have something in them, in the order of the role's day."""
    builder = BUILDERS.get(user.role)
    if builder is None:
        return []
    return [todo for todo in builder(user, now or timezone.now()) if todo.items]
