"""The to-do lists of those who oversee the tasks: the ministries' support rows and the council's decisions
(late reports, objections, panels, runs, designations whose successor is undecided, continuation
evaluations). Each list is one query of at most ``FETCHED`` rows, except the successions' (a few rows, three
queries)."""
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from regions.succession import designations_awaiting_successor
from reviews.models import Panel
from selection.models import OPEN_OBJECTION_STATUSES, Objection, RunStatus, SelectionRun
from tracking.models import REPORT_EDITABLE, ProgressReport
from tracking.selectors.due import continuation_due, wanting_support_rows

from .todo_items import FETCHED, Todo, TodoItem, listed


def report_item(report, today) -> TodoItem:
    return TodoItem(f"{report.task.local_government} · {report.period_label}",
                    reverse("tracking:report", args=[report.pk]), due=report.due_on, overdue=report.due_on < today)


def reports(title, queryset, now, more_url: str = "") -> Todo:
    """Half-year reports, earliest due first."""
    today = timezone.localdate(now)
    rows = queryset.select_related("task__local_government__province", "task__contest").order_by("due_on", "pk")
    return listed(title, rows[:FETCHED], lambda report: report_item(report, today), more_url,
                  local_government="task__local_government", contest="task__contest")


def ministry_todo(user, now) -> list[Todo]:
    """Running tasks of the contests the ministry takes part in where its lines have no row for this year."""
    year = timezone.localdate(now).year
    tasks = wanting_support_rows(user.ministry, year).select_related("local_government__province", "contest")[
        :FETCHED] if user.ministry_id else []
    return [listed(_("Running tasks without this year's row on your support lines"), tasks,
                   lambda task: TodoItem(f"{task.local_government} · {task.title}",
                                         reverse("tracking:task", args=[task.pk])),
                   reverse("tracking:desk") + "?status=running", local_government="local_government")]


def council_todo(user, now) -> list[Todo]:
    late = reports(_("Late half-year reports"), ProgressReport.objects.filter(
        status__in=REPORT_EDITABLE, due_on__lt=timezone.localdate(now)), now, reverse("tracking:task-list"))
    objections = listed(
        _("Objections to decide"),
        Objection.objects.filter(status__in=OPEN_OBJECTION_STATUSES)
        .select_related("decision__proposal__lead_local_government__province", "decision__proposal__contest")
        .order_by("pk")[:FETCHED],
        lambda objection: TodoItem(
            f"{objection.decision.proposal.lead_local_government} · {objection.decision.proposal.title}",
            reverse("selection:objection-detail", args=[objection.pk])),
        reverse("selection:objection-list"), local_government="decision__proposal__lead_local_government",
        contest="decision__proposal__contest")
    panels = listed(
        _("Panels not signed off"),
        Panel.objects.filter(signed_off_at__isnull=True, assignments__isnull=False).distinct()
        .select_related("contest").order_by("contest", "stage", "name")[:FETCHED],
        lambda panel: TodoItem(f"{panel.contest} · {panel}", reverse("reviews:panel-results", args=[panel.pk])))
    runs = listed(
        _("Selection runs waiting for approval or publication"),
        SelectionRun.objects.filter(Q(status=RunStatus.COMPLETED) | Q(status=RunStatus.APPROVED))
        .select_related("contest").order_by("pk")[:FETCHED],
        lambda run: TodoItem(f"{run.contest} · #{run.number} · {run.get_status_display()}",
                             reverse("selection:run", args=[run.pk])))
    successions = listed(
        _("Designations whose successor is undecided"), designations_awaiting_successor(),
        lambda row: TodoItem(str(row.designation),  # names its holder
                             reverse("regions:detail", args=[row.designation.local_government_id])),
        reverse("regions:list"))
    continuations = listed(
        _("Continuation evaluations to record"),
        continuation_due().select_related("local_government__province", "contest")[:FETCHED],
        lambda task: TodoItem(f"{task.local_government} · {task.title} · {task.due_year}",
                              reverse("tracking:task-continuation", args=[task.pk])),
        reverse("tracking:task-list"), local_government="local_government")
    return [late, objections, panels, runs, successions, continuations]
