"""What is due on selected tasks for the landing pages' to-do lists: continuation evaluations the council has
to record and the support rows a ministry has yet to add for the year."""
from django.db.models import Exists, OuterRef, Q, QuerySet, Subquery

from ministries.models import Ministry, SupportLineKind
from tracking.models import (
    AgreementLine,
    ContinuationEvaluation,
    ContinuationOutcome,
    SelectedTask,
    SupportLineRow,
    TaskStatus,
)

from .desk import contests_of


def continuation_due() -> QuerySet[SelectedTask]:
    """Tasks funded on condition with an agreed year on condition that no continuation evaluation has decided
    yet, and that no evaluation stopped (the rule ``tracking.services.continuation`` records by), annotated
    with that earliest ``due_year``; by that year, then local government code."""
    decided = ContinuationEvaluation.objects.filter(task=OuterRef(OuterRef("pk"))).values("year")
    undecided = (AgreementLine.objects.filter(task=OuterRef("pk"), year__gte=OuterRef("conditional_from_year"))
                 .exclude(year__in=decided).order_by("year").values("year")[:1])
    stopped = ContinuationEvaluation.objects.filter(task=OuterRef("pk"), outcome=ContinuationOutcome.STOP)
    return (SelectedTask.objects.filter(conditional_from_year__isnull=False).exclude(status=TaskStatus.COMPLETED)
            .exclude(Exists(stopped)).annotate(due_year=Subquery(undecided)).filter(due_year__isnull=False)
            .order_by("due_year", "local_government__code", "pk"))


def wanting_support_rows(ministry: Ministry, year: int) -> QuerySet[SelectedTask]:
    """Running tasks of the contests ``ministry`` takes part in (a contest naming none takes every ministry:
    :func:`tracking.selectors.desk.contests_of`, the rule of ``support_lines(contest=...)``) where none of the
    ministry's own lines has a row for ``year`` yet (its ``year`` measure, or, on a line without one, a row
    written in ``year``); none when the ministry keeps no line. By local government code."""
    this_year = (Q(values__year=year) | Q(values__year=str(year))
                 | (~Q(values__has_key="year") & Q(updated_at__year=year)))
    rows = SupportLineRow.objects.filter(this_year, task=OuterRef("pk"), line__ministry=ministry)
    keeps_lines = SupportLineKind.objects.filter(ministry=ministry)
    return (SelectedTask.objects.filter(Exists(keeps_lines), status=TaskStatus.RUNNING,
                                        contest__in=contests_of(ministry))
            .exclude(Exists(rows)).order_by("local_government__code", "pk"))
