"""Selected tasks (선정 과제): what a confirmed selection becomes, and the money agreed and paid for it."""
from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from applications.models import BudgetSource
from audit.models import AppendOnlyModel
from core.formats import day, won


class TaskStatus(models.TextChoices):
    PREPARING = "preparing", _("Preparing")
    RUNNING = "running", pgettext_lazy("task status", "Running")
    SUSPENDED = "suspended", _("Suspended")
    COMPLETED = "completed", _("Completed")


# The moves the council may make; a completed task stays completed.
STATUS_MOVES = {
    TaskStatus.PREPARING: (TaskStatus.RUNNING, TaskStatus.SUSPENDED),
    TaskStatus.RUNNING: (TaskStatus.SUSPENDED, TaskStatus.COMPLETED),
    TaskStatus.SUSPENDED: (TaskStatus.RUNNING, TaskStatus.COMPLETED),
    TaskStatus.COMPLETED: (),
}


class SelectedTask(models.Model):
    """One task of a confirmed selection. Opened once per selected decision; the proposal, contest and lead
    local government are copied from it so lists and the dashboard filter without joining the selection."""

    decision = models.OneToOneField("selection.SelectionDecision", verbose_name=_("selection decision"),
                                    on_delete=models.PROTECT, related_name="task")
    proposal = models.OneToOneField("applications.Proposal", verbose_name=_("proposal"), on_delete=models.PROTECT,
                                    related_name="task")
    contest = models.ForeignKey("applications.Contest", verbose_name=_("contest"), on_delete=models.PROTECT,
                                related_name="tasks")
    local_government = models.ForeignKey("regions.LocalGovernment", verbose_name=_("lead local government"),
                                         on_delete=models.PROTECT, related_name="tasks")
    title = models.CharField(_("title"), max_length=300)
    status = models.CharField(_("status"), max_length=16, choices=TaskStatus.choices, default=TaskStatus.PREPARING)
    opened_at = models.DateTimeField(_("opened at"))
    conditional_from_year = models.PositiveSmallIntegerField(
        _("funded on condition from"), null=True, blank=True,
        help_text=_("The first year funded only after a continuation evaluation (계속 지원 평가) decides it; "
                    "empty: every agreed year is funded."))

    class Meta:
        ordering = ["contest", "proposal__receipt_number"]
        verbose_name = _("selected task")
        verbose_name_plural = _("selected tasks")
        constraints = [
            models.CheckConstraint(name="task_status_known", condition=Q(status__in=TaskStatus.values)),
        ]
        indexes = [models.Index(fields=["contest", "status"])]

    def __str__(self) -> str:
        return f"{self.local_government.name} · {self.title}"


class AgreementLine(models.Model):
    """One cell of the funding agreement: a year and a source of money, in whole won."""

    task = models.ForeignKey(SelectedTask, verbose_name=_("task"), on_delete=models.CASCADE,
                             related_name="agreement_lines")
    year = models.PositiveSmallIntegerField(_("year"))
    source = models.CharField(_("source"), max_length=16, choices=BudgetSource.choices)
    amount_krw = models.PositiveBigIntegerField(_("amount agreed (KRW)"))

    class Meta:
        ordering = ["task", "year", "source"]
        verbose_name = _("funding agreement line")
        verbose_name_plural = _("funding agreement lines")
        constraints = [
            models.UniqueConstraint(fields=["task", "year", "source"], name="agreement_line_once_per_cell"),
            models.CheckConstraint(name="agreement_line_source_known", condition=Q(source__in=BudgetSource.values)),
        ]

    def __str__(self) -> str:
        return f"{self.year} {self.get_source_display()}: {won(self.amount_krw)}"


class Disbursement(AppendOnlyModel):
    """Money paid against one agreement line. Never changed; the service keeps the sum within the line."""

    line = models.ForeignKey(AgreementLine, verbose_name=_("agreement line"), on_delete=models.PROTECT,
                             related_name="disbursements")
    amount_krw = models.PositiveBigIntegerField(_("amount paid (KRW)"))
    paid_on = models.DateField(_("paid on"))
    reference = models.CharField(_("reference"), max_length=200, blank=True,
                                 help_text=_("e.g. the payment order number"))
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("recorded by"),
                                    on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField(_("recorded at"), auto_now_add=True)

    class Meta:
        ordering = ["line", "paid_on", "pk"]
        verbose_name = _("disbursement")
        verbose_name_plural = _("disbursements")
        constraints = [models.CheckConstraint(name="disbursement_positive", condition=Q(amount_krw__gt=0))]

    def __str__(self) -> str:
        return f"{day(self.paid_on)} {won(self.amount_krw)}"


class Milestone(models.Model):
    task = models.ForeignKey(SelectedTask, verbose_name=_("task"), on_delete=models.CASCADE,
                             related_name="milestones")
    title = models.CharField(_("milestone"), max_length=200)
    due_on = models.DateField(_("due on"))
    completed_on = models.DateField(_("completed on"), null=True, blank=True)

    class Meta:
        ordering = ["task", "due_on", "pk"]
        verbose_name = _("milestone")
        verbose_name_plural = _("milestones")
        constraints = [models.UniqueConstraint(fields=["task", "title"], name="milestone_title_once_per_task")]

    def __str__(self) -> str:
        return f"{self.due_on} {self.title}"


class Grade(models.TextChoices):
    EXCELLENT = "excellent", _("Excellent")
    FAIR = "fair", _("Fair")
    POOR = "poor", _("Poor")


class PerformanceGrade(models.Model):
    """The council's yearly grade of a task (우수 / 보통 / 미흡) with its reasons; a regrade is audited."""

    task = models.ForeignKey(SelectedTask, verbose_name=_("task"), on_delete=models.CASCADE, related_name="grades")
    year = models.PositiveSmallIntegerField(_("year"))
    grade = models.CharField(_("grade"), max_length=16, choices=Grade.choices)
    reasons = models.TextField(_("reasons"))
    graded_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("graded by"), on_delete=models.PROTECT,
                                  related_name="+")
    graded_at = models.DateTimeField(_("graded at"))

    class Meta:
        ordering = ["task", "-year"]
        verbose_name = _("performance grade")
        verbose_name_plural = _("performance grades")
        constraints = [
            models.UniqueConstraint(fields=["task", "year"], name="grade_once_per_task_year"),
            models.CheckConstraint(name="grade_known", condition=Q(grade__in=Grade.values)),
            models.CheckConstraint(name="grade_has_reasons", condition=~Q(reasons="")),
        ]

    def __str__(self) -> str:
        return f"{self.year} {self.get_grade_display()}"


class PlanInclusion(models.Model):
    """The province confirms the task is in its annual regional industry promotion plan for a year."""

    task = models.ForeignKey(SelectedTask, verbose_name=_("task"), on_delete=models.CASCADE,
                             related_name="plan_inclusions")
    year = models.PositiveSmallIntegerField(_("year"))
    plan_title = models.CharField(_("plan"), max_length=300)
    confirmed_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("confirmed by"),
                                     on_delete=models.PROTECT, related_name="+")
    confirmed_at = models.DateTimeField(_("confirmed at"))

    class Meta:
        ordering = ["task", "year"]
        verbose_name = _("plan inclusion")
        verbose_name_plural = _("plan inclusions")
        constraints = [models.UniqueConstraint(fields=["task", "year"], name="plan_inclusion_once_per_year")]

    def __str__(self) -> str:
        return f"{self.year} {self.plan_title}"
