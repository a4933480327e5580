"""The council's side of a task: status, the funding agreement and payments against it, yearly grades; and
the task's milestones and the province's plan confirmation. Every change writes an audit entry against the
task (who, when, why), which is also the task's timeline."""
from datetime import date

from django.db import IntegrityError, transaction
from django.db.models import Sum
from django.utils import timezone
from django.utils.translation import gettext as _

from audit.services import field_changes, record
from core.formats import number
from tracking.models import (
    STATUS_MOVES,
    AgreementLine,
    Disbursement,
    Milestone,
    PerformanceGrade,
    PlanInclusion,
    SelectedTask,
    TaskStatus,
)

from .holds import payment_hold
from .refusals import TrackingRefused


def _locked_task(task: SelectedTask) -> SelectedTask:
    return SelectedTask.objects.select_for_update().get(pk=task.pk)


@transaction.atomic
def change_status(*, actor, task: SelectedTask, status: str, reason: str) -> SelectedTask:
    task = _locked_task(task)
    if status not in STATUS_MOVES[TaskStatus(task.status)]:
        raise TrackingRefused(_("A task that is %(current)s cannot become %(target)s.") % {
            "current": task.get_status_display(), "target": TaskStatus(status).label})
    before = task.status
    task.status = status
    task.save(update_fields=["status"])
    record(actor=actor, action="tracking.status_changed", target=task, reason=reason,
           changes={"status": [before, status]})
    return task


def disbursed_krw(line: AgreementLine) -> int:
    return line.disbursements.aggregate(total=Sum("amount_krw"))["total"] or 0


def current_line(task: SelectedTask, year: int, source: str) -> AgreementLine | None:
    """The line of one year and source, locked; ``None`` when it is not agreed yet (nothing to lock, so two
    clerks may both go on to add it: the unique constraint decides)."""
    return AgreementLine.objects.select_for_update().filter(task=task, year=year, source=source).first()


@transaction.atomic
def set_agreement_line(*, actor, task: SelectedTask, year: int, source: str, amount_krw: int,
                       reason: str) -> AgreementLine:
    """Agree or amend one year and source. Locked, so it cannot fall below what is being paid meanwhile.
    Raises ``TrackingRefused`` when it would, or when another clerk added the same line at the same moment
    (the unique constraint, answered as a message rather than an error page)."""
    line = current_line(task, year, source)
    before = line.amount_krw if line else 0
    if line is None:
        line = AgreementLine(task=task, year=year, source=source, amount_krw=amount_krw)
        try:
            with transaction.atomic():
                line.save()
        except IntegrityError as error:  # another clerk added the same year and source a moment ago
            raise TrackingRefused(_("Someone has just added this line (the same year and source); reload the "
                                    "page to see it, then amend it.")) from error
    else:
        paid = disbursed_krw(line)
        if amount_krw < paid:
            raise TrackingRefused(_("%(paid)s KRW has been paid against this line already; the agreement cannot "
                                    "be lower.") % {"paid": number(paid)})
        line.amount_krw = amount_krw
        line.save()
    record(actor=actor, action="tracking.agreement_changed", target=task, reason=reason,
           changes={"year": year, "source": source, "amount_krw": [before, amount_krw]})
    return line


@transaction.atomic
def record_disbursement(*, actor, line: AgreementLine, amount_krw: int, paid_on: date,
                        reference: str = "") -> Disbursement:
    """A payment against one agreement line. The line is locked while the sum is checked, so two clerks
    paying at once cannot together exceed it. Refused with the reason where the line's year is stopped or
    still awaits its continuation evaluation (``payment_hold``)."""
    line = AgreementLine.objects.select_for_update().select_related("task").get(pk=line.pk)
    hold = payment_hold(line)
    if hold:
        raise TrackingRefused(hold)
    paid = disbursed_krw(line)
    if paid + amount_krw > line.amount_krw:
        raise TrackingRefused(_("This would pay %(total)s KRW against an agreement of %(agreed)s KRW "
                                "(%(left)s KRW left).") % {"total": number(paid + amount_krw),
                                                          "agreed": number(line.amount_krw),
                                                          "left": number(line.amount_krw - paid)})
    disbursement = Disbursement.objects.create(line=line, amount_krw=amount_krw, paid_on=paid_on,
                                               reference=reference, recorded_by=actor)
    record(actor=actor, action="tracking.disbursement_recorded", target=line.task, reason=reference,
           changes={"year": line.year, "source": line.source, "amount_krw": amount_krw,
                    "paid_on": paid_on, "disbursed_krw": paid + amount_krw})
    return disbursement


@transaction.atomic
def save_milestone(*, actor, task: SelectedTask, milestone: Milestone | None, values: dict) -> Milestone:
    milestone = milestone or Milestone(task=task)
    before = {name: getattr(milestone, name) for name in values} if milestone.pk else {}
    for name, value in values.items():
        setattr(milestone, name, value)
    try:
        with transaction.atomic():
            milestone.save()
    except IntegrityError as error:
        raise TrackingRefused(_("The task has a milestone of this name already.")) from error
    record(actor=actor, action="tracking.milestone_saved", target=task,
           changes={"milestone": milestone.title, **field_changes(before, values)})
    return milestone


@transaction.atomic
def grade_task(*, actor, task: SelectedTask, year: int, grade: str, reasons: str) -> PerformanceGrade:
    """The yearly grade; giving it again replaces it, and the trail keeps the earlier one."""
    existing = PerformanceGrade.objects.select_for_update().filter(task=task, year=year).first()
    before = existing.grade if existing else None
    graded, _created = PerformanceGrade.objects.update_or_create(
        task=task, year=year, defaults={"grade": grade, "reasons": reasons.strip(), "graded_by": actor,
                                        "graded_at": timezone.now()})
    record(actor=actor, action="tracking.graded", target=task, reason=reasons,
           changes={"year": year, "grade": [before, grade]})
    return graded


@transaction.atomic
def confirm_plan_inclusion(*, actor, task: SelectedTask, year: int, plan_title: str) -> PlanInclusion:
    if PlanInclusion.objects.filter(task=task, year=year).exists():
        raise TrackingRefused(_("Inclusion in the %(year)s plan is confirmed already.") % {"year": year})
    inclusion = PlanInclusion.objects.create(task=task, year=year, plan_title=plan_title, confirmed_by=actor,
                                             confirmed_at=timezone.now())
    record(actor=actor, action="tracking.plan_confirmed", target=task, changes={"year": year, "plan": plan_title})
    return inclusion
