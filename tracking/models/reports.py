"""Progress reports (실적 보고) per half-year, written by the local government and reviewed by the council.

A report is edited as a draft; each submission freezes a :class:`ReportSubmission` that is never changed, so a
returned and corrected report keeps what was first sent.
"""
from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from applications.models import KpiIndicator
from applications.models.documents import StoredDocument, _generated_name
from audit.models import AppendOnlyModel
from core.formats import half_year, number

from .tasks import SelectedTask


class ReportStatus(models.TextChoices):
    DRAFT = "draft", _("Not submitted")
    SUBMITTED = "submitted", _("Submitted")
    ACCEPTED = "accepted", pgettext_lazy("report status", "Accepted")
    RETURNED = "returned", _("Returned")


REPORT_EDITABLE = (ReportStatus.DRAFT, ReportStatus.RETURNED)


class ProgressReport(models.Model):
    task = models.ForeignKey(SelectedTask, verbose_name=_("task"), on_delete=models.CASCADE, related_name="reports")
    year = models.PositiveSmallIntegerField(_("year"))
    half = models.PositiveSmallIntegerField(_("half"), choices=[(1, _("first half")), (2, _("second half"))])
    due_on = models.DateField(_("due on"))
    status = models.CharField(_("status"), max_length=16, choices=ReportStatus.choices, default=ReportStatus.DRAFT)
    narrative = models.TextField(_("progress"), blank=True)
    submitted_at = models.DateTimeField(_("submitted at"), null=True, blank=True)
    reviewed_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("reviewed by"),
                                    on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    reviewed_at = models.DateTimeField(_("reviewed at"), null=True, blank=True)
    review_comment = models.TextField(_("council's comments"), blank=True)

    class Meta:
        ordering = ["task", "year", "half"]
        verbose_name = _("progress report")
        verbose_name_plural = _("progress reports")
        constraints = [
            models.UniqueConstraint(fields=["task", "year", "half"], name="report_once_per_period"),
            models.CheckConstraint(name="report_status_known", condition=Q(status__in=ReportStatus.values)),
            models.CheckConstraint(name="report_half_valid", condition=Q(half__in=(1, 2))),
            models.CheckConstraint(name="report_sent_has_time",
                                   condition=Q(status=ReportStatus.DRAFT) | Q(submitted_at__isnull=False)),
        ]
        indexes = [models.Index(fields=["status", "due_on"])]

    def __str__(self) -> str:
        return f"{self.task} · {self.period_label}"

    @property
    def period(self) -> str:
        """The stable code of the half-year ("2026-H1"), for audit entries and files."""
        return f"{self.year}-H{self.half}"

    @property
    def period_label(self) -> str:
        """The half-year in words: "2026년 상반기" / "first half of 2026" (``core.formats.half_year``)."""
        return half_year(self.year, self.half)

    @property
    def is_editable(self) -> bool:
        return self.status in REPORT_EDITABLE

    @property
    def is_returned(self) -> bool:
        """The council sent it back with comments for the local government to correct."""
        return self.status == ReportStatus.RETURNED


class KpiActual(models.Model):
    """What the period achieved on one of the proposal's indicators (the increase in that half-year)."""

    report = models.ForeignKey(ProgressReport, verbose_name=_("report"), on_delete=models.CASCADE,
                               related_name="kpi_actuals")
    indicator = models.CharField(_("indicator"), max_length=32, choices=KpiIndicator.choices)
    actual = models.PositiveBigIntegerField(_("actual"))

    class Meta:
        ordering = ["report", "indicator"]
        verbose_name = _("KPI actual")
        verbose_name_plural = _("KPI actuals")
        constraints = [
            models.UniqueConstraint(fields=["report", "indicator"], name="kpi_actual_once_per_indicator"),
            models.CheckConstraint(name="kpi_actual_indicator_known", condition=Q(indicator__in=KpiIndicator.values)),
        ]

    def __str__(self) -> str:
        return f"{self.get_indicator_display()}: {number(self.actual)}"


def report_file_path(instance: "ReportAttachment", filename: str) -> str:
    return _generated_name("reports", instance.report_id, filename)


class ReportAttachment(StoredDocument):
    report = models.ForeignKey(ProgressReport, verbose_name=_("report"), on_delete=models.PROTECT,
                               related_name="attachments")
    file = models.FileField(_("file"), upload_to=report_file_path, max_length=300)

    class Meta:
        ordering = ["report", "uploaded_at", "pk"]
        verbose_name = _("report attachment")
        verbose_name_plural = _("report attachments")


class ReportSubmission(AppendOnlyModel):
    """One submission of a report, frozen: the narrative, the KPI figures and the files as sent."""

    report = models.ForeignKey(ProgressReport, verbose_name=_("report"), on_delete=models.PROTECT,
                               related_name="submissions")
    number = models.PositiveSmallIntegerField(_("submission"))
    submitted_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("submitted by"),
                                     on_delete=models.PROTECT, related_name="+")
    submitted_at = models.DateTimeField(_("submitted at"))
    content = models.JSONField(_("content"), encoder=DjangoJSONEncoder)

    class Meta:
        ordering = ["report", "number"]
        verbose_name = _("report submission")
        verbose_name_plural = _("report submissions")
        constraints = [models.UniqueConstraint(fields=["report", "number"], name="report_submission_unique_number")]

    def __str__(self) -> str:
        return f"{self.report} #{self.number}"
