"""Who may see and do what on selected tasks. Views, the API and the selectors ask these predicates.

The council sees everything and runs the agreement, payments, status, report reviews and grades. Ministry
staff see every task and keep only their own ministry's support lines, on the tasks of the contests their
ministry takes part in. The lead local government's officials
see their task and write its reports, milestones and recruitment. The province's officer sees the province's
tasks and confirms their inclusion in the provincial plan. Reviewers have nothing here.
"""
from django.db.models import Exists, OuterRef, Q, QuerySet
from django.utils.translation import gettext_lazy as _

from accounts.permissions import (
    is_council,
    is_local_official,
    is_ministry_staff,
    is_provincial_officer,
    is_signed_in,
)
from applications.models import Contest, ProposalStatus
from core.permissions import ALLOWED, NOT_SIGNED_IN, Decision, deny
from ministries.registry import LineSpec

from .models import ApplicationStatus, CompanyApplication, ProgressReport, ReportStatus, SelectedTask


def can_view_tracking(user) -> Decision:
    """The task list at all: everyone with a task to see."""
    if not is_signed_in(user):
        return NOT_SIGNED_IN
    if is_council(user) or is_ministry_staff(user) or is_local_official(user) or is_provincial_officer(user):
        return ALLOWED
    return deny(_("Selected tasks are tracked by the council, the ministries and the local governments."))


def can_view_dashboard(user) -> Decision:
    if not is_signed_in(user):
        return NOT_SIGNED_IN
    if is_council(user) or is_ministry_staff(user):
        return ALLOWED
    return deny(_("The dashboard is for the council and the ministries."))


def is_lead_official(user, task: SelectedTask) -> bool:
    return bool(is_local_official(user) and user.local_government_id == task.local_government_id)


def is_province_officer_of(user, task: SelectedTask) -> bool:
    return bool(is_provincial_officer(user) and user.province_id == task.local_government.province_id)


def can_view_task(user, task: SelectedTask) -> Decision:
    if not is_signed_in(user):
        return NOT_SIGNED_IN
    if is_council(user) or is_ministry_staff(user) or is_lead_official(user, task) \
            or is_province_officer_of(user, task):
        return ALLOWED
    return deny(_("Only the council, the ministries, the lead local government and its province see this task."))


def can_manage_task(user) -> Decision:
    """Agreement, payments, status, report reviews and grades."""
    if not is_signed_in(user):
        return NOT_SIGNED_IN
    if is_council(user):
        return ALLOWED
    return deny(_("Only council staff manage the agreement, payments, status and grades."))


def can_evaluate_continuation(user) -> Decision:
    """The continuation evaluation (계속 지원 평가) of a task funded on condition, and setting the condition: a
    council decision. The page, the API and the service ask this one predicate."""
    if not is_signed_in(user):
        return NOT_SIGNED_IN
    if is_council(user):
        return ALLOWED
    return deny(_("Only council staff decide whether a task's funding continues."))


def can_run_task(user, task: SelectedTask) -> Decision:
    """Reports, milestones, recruitment and participating companies: the lead local government."""
    if not is_signed_in(user):
        return NOT_SIGNED_IN
    if is_lead_official(user, task):
        return ALLOWED
    return deny(_("Only officials of the lead local government report on this task."))


def is_report_open(report: ProgressReport) -> Decision:
    """A report is written while a draft or returned by the council."""
    if not report.is_editable:
        return deny(_("A submitted report cannot be changed unless the council returns it."))
    return ALLOWED


def is_awaiting_review(report: ProgressReport) -> Decision:
    """The council accepts or returns a report that is submitted, and only then."""
    if report.status != ReportStatus.SUBMITTED:
        return deny(_("Only a submitted report is reviewed."))
    return ALLOWED


def is_undecided_application(application: CompanyApplication) -> Decision:
    """A company's application is selected or not once; the recruitment page offers Decide only then."""
    if application.status != ApplicationStatus.APPLIED:
        return deny(_("This application was decided already."))
    return ALLOWED


def is_participating(application: CompanyApplication) -> Decision:
    """A selected company's growth and support are tracked; the recruitment page offers Update only then."""
    if application.status != ApplicationStatus.SELECTED:
        return deny(_("Only participating companies are tracked."))
    return ALLOWED


def takes_part(ministry_id: int, contest) -> bool:
    """Whether the ministry takes part in ``contest``: it is among the contest's participating ministries, or
    the contest names none (then every ministry does). Read once per contest object (prefetched
    ``participating_ministries`` are used as they are)."""
    prefetched = getattr(contest, "_prefetched_objects_cache", {}).get("participating_ministries")
    if prefetched is not None:
        chosen = {ministry.pk for ministry in prefetched}
    else:
        if not hasattr(contest, "_participant_ids"):
            contest._participant_ids = set(contest.participating_ministries.values_list("pk", flat=True))
        chosen = contest._participant_ids
    return not chosen or ministry_id in chosen


def taking_part(ministry_id: int, contest_id: str = "contest_id") -> Q:
    """:func:`takes_part` as a filter, for a queryset whose rows reach their contest's id at ``contest_id``
    (``"pk"`` for contests themselves)."""
    chosen = Contest.participating_ministries.through.objects.filter(contest_id=OuterRef(contest_id))
    return Q(Exists(chosen.filter(ministry_id=ministry_id))) | ~Exists(chosen)


def supported_tasks(ministry_id: int, queryset: QuerySet[SelectedTask] | None = None) -> QuerySet[SelectedTask]:
    """The tasks whose support rows the ministry keeps: those of the contests it takes part in (or that name no
    ministry). The same rule as :func:`can_edit_support_line` with a task, as a queryset (the desk's list)."""
    queryset = SelectedTask.objects.all() if queryset is None else queryset
    return queryset.filter(taking_part(ministry_id))


def can_edit_support_line(user, line: LineSpec, task: SelectedTask | None) -> Decision:
    """A ministry's staff keep their own lines and no other, not even the council, and only on the tasks of the
    contests their ministry takes part in (:func:`takes_part`). ``task`` None asks about the line itself (the
    API's list of lines). The page, the API, the desk and the service all ask this one predicate, for the six
    lines of 2026 and any the council adds."""
    if not is_signed_in(user):
        return NOT_SIGNED_IN
    if not (is_ministry_staff(user) and user.ministry_id == line.ministry_id):
        return deny(_("Only %(ministry)s staff keep this support line.") % {"ministry": line.ministry_label})
    if task is not None and not takes_part(line.ministry_id, task.contest):
        return deny(_("%(ministry)s does not take part in %(contest)s, the round of this task, so it keeps no "
                      "support rows on it.") % {"ministry": line.ministry_label, "contest": task.contest})
    return ALLOWED


def can_use_ministry_desk(user) -> Decision:
    """The desk (every task a ministry supports, its lines across them, their export): a ministry's staff, for
    their own ministry only; no one else, as it shows no other ministry's lines."""
    if not is_signed_in(user):
        return NOT_SIGNED_IN
    if is_ministry_staff(user) and user.ministry_id:
        return ALLOWED
    return deny(_("The ministry desk is for ministry staff."))


def can_upload_support_rows(user, ministry) -> Decision:
    """A spreadsheet of support rows: the ministry's own staff, who keep its lines (the service asks too, and
    each row is checked again by :func:`can_edit_support_line`)."""
    decision = can_use_ministry_desk(user)
    if not decision:
        return decision
    if user.ministry_id != ministry.pk:
        return deny(_("Only %(ministry)s staff keep its support lines.") % {"ministry": ministry.name})
    return ALLOWED


def can_confirm_plan(user, task: SelectedTask) -> Decision:
    if not is_signed_in(user):
        return NOT_SIGNED_IN
    if is_province_officer_of(user, task):
        return ALLOWED
    return deny(_("Only the province's officer confirms inclusion in the provincial plan."))


def tasks_for_user(user, queryset: QuerySet[SelectedTask] | None = None) -> QuerySet[SelectedTask]:
    """The tasks ``user`` may see: the same rule as :func:`can_view_task`, as a queryset."""
    queryset = SelectedTask.objects.all() if queryset is None else queryset
    if not is_signed_in(user):
        return queryset.none()
    if is_council(user) or is_ministry_staff(user):
        return queryset
    if is_local_official(user):
        return queryset.filter(local_government_id=user.local_government_id)
    if is_provincial_officer(user):
        return queryset.filter(local_government__province_id=user.province_id)
    return queryset.none()


def proposals_for_ministry(user, proposals: QuerySet) -> QuerySet:
    """The proposals a ministry officer reads (registered with ``applications.extensions``): those of the
    selected tasks his ministry supports (:func:`supported_tasks`), which carry the support requests addressed
    to the ministries; never a draft, never another proposal. Read only: no proposal predicate lets him act."""
    if not (is_ministry_staff(user) and user.ministry_id):
        return proposals.none()
    return proposals.filter(task__in=supported_tasks(user.ministry_id).values("pk")).exclude(
        status=ProposalStatus.DRAFT)
