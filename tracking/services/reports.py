"""Progress reports: the local government writes and submits; the council accepts or returns with comments.
A submission is frozen as it was sent; a returned report is corrected and submitted again."""
from collections.abc import Mapping

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from applications.services.documents import store_document
from audit.services import record
from core.permissions import refuse_unless
from core.uploads import CheckedUpload
from tracking.models import (
    KpiActual,
    ProgressReport,
    ReportAttachment,
    ReportStatus,
    ReportSubmission,
)
from tracking.permissions import is_awaiting_review, is_report_open

from .refusals import TrackingRefused


def _locked(report: ProgressReport) -> ProgressReport:
    return ProgressReport.objects.select_for_update().select_related("task").get(pk=report.pk)


def _editable(report: ProgressReport) -> ProgressReport:
    report = _locked(report)
    refuse_unless(is_report_open(report), TrackingRefused)
    return report


@transaction.atomic
def save_report(*, actor, report: ProgressReport, narrative: str, actuals: Mapping[str, int | None]
                ) -> ProgressReport:
    report = _editable(report)
    report.narrative = narrative
    report.save(update_fields=["narrative"])
    KpiActual.objects.filter(report=report).delete()
    KpiActual.objects.bulk_create([KpiActual(report=report, indicator=indicator, actual=actual)
                                   for indicator, actual in actuals.items() if actual is not None])
    record(actor=actor, action="tracking.report_saved", target=report.task, changes={"period": report.period})
    return report


@transaction.atomic
def add_report_file(*, actor, report: ProgressReport, upload: CheckedUpload) -> ReportAttachment:
    report = _editable(report)
    return store_document(actor=actor, document=ReportAttachment(report=report), upload=upload,
                          action="tracking.report_file_added", target=report.task,
                          details={"period": report.period})


@transaction.atomic
def submit_report(*, actor, report: ProgressReport) -> ProgressReport:
    report = _editable(report)
    if not report.narrative.strip():
        raise TrackingRefused(_("Describe the progress of the period before submitting."))
    now = timezone.now()
    content = {
        "narrative": report.narrative,
        "kpi_actuals": {actual.indicator: actual.actual for actual in report.kpi_actuals.all()},
        "attachments": [{"name": file.original_name, "sha256": file.sha256} for file in report.attachments.all()],
    }
    number = report.submissions.count() + 1
    ReportSubmission.objects.create(report=report, number=number, submitted_by=actor, submitted_at=now,
                                    content=content)
    report.status, report.submitted_at = ReportStatus.SUBMITTED, now
    report.save(update_fields=["status", "submitted_at"])
    record(actor=actor, action="tracking.report_submitted", target=report.task,
           changes={"period": report.period, "submission": number})
    return report


@transaction.atomic
def review_report(*, actor, report: ProgressReport, accept: bool, comment: str) -> ProgressReport:
    report = _locked(report)
    refuse_unless(is_awaiting_review(report), TrackingRefused)
    if not accept and not comment.strip():
        raise TrackingRefused(_("Say what must be corrected when returning a report."))
    report.status = ReportStatus.ACCEPTED if accept else ReportStatus.RETURNED
    report.reviewed_by, report.reviewed_at, report.review_comment = actor, timezone.now(), comment.strip()
    report.save(update_fields=["status", "reviewed_by", "reviewed_at", "review_comment"])
    record(actor=actor, action="tracking.report_accepted" if accept else "tracking.report_returned",
           target=report.task, reason=comment, changes={"period": report.period})
    return report
