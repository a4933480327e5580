"""A progress report: the local government writes and submits it, the council accepts or returns it."""
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import TemplateView

from applications.models import KpiTarget
from core.downloads import document_response
from core.form_flow import ServiceFormMixin
from core.permissions import DecisionRequiredMixin
from tracking import forms, permissions, services
from tracking.models import ProgressReport, ReportAttachment

from .base import visible_task


class ReportMixin(DecisionRequiredMixin):
    def get_report(self) -> ProgressReport:
        if not hasattr(self, "_report"):
            report = get_object_or_404(ProgressReport.objects.select_related("reviewed_by"), pk=self.kwargs["pk"])
            report.task = visible_task(self.request.user, report.task_id)
            self._report = report
        return self._report

    def decide(self, user):
        return permissions.can_view_task(user, self.get_report().task)

    def report_url(self) -> str:
        return reverse("tracking:report", args=[self.get_report().pk])


class ReportView(ServiceFormMixin, ReportMixin, TemplateView):
    """The report; its author edits it here while it is a draft or returned, and the council reviews it."""

    template_name = "tracking/report.html"
    refusals = (services.TrackingRefused,)

    def indicators(self) -> list[str]:
        return list(KpiTarget.objects.filter(proposal__task=self.get_report().task_id)
                    .order_by("indicator").values_list("indicator", flat=True))

    def report_form(self, data=None, files=None):
        report = self.get_report()
        initial = {"narrative": report.narrative,
                   **{f"kpi_{actual.indicator}": actual.actual for actual in report.kpi_actuals.all()}}
        return forms.ReportForm(data, files, initial=initial, indicators=self.indicators())

    def get_context_data(self, **kwargs):
        report, user = self.get_report(), self.request.user
        can_edit = bool(permissions.is_report_open(report) and permissions.can_run_task(user, report.task))
        can_review = bool(permissions.is_awaiting_review(report) and permissions.can_manage_task(user))
        if can_edit:
            kwargs.setdefault("form", self.report_form())
        if can_review:
            kwargs.setdefault("review_form", forms.ReviewReportForm())
        return super().get_context_data(
            report=report, task=report.task, can_edit=can_edit, can_review=can_review,
            actuals=report.kpi_actuals.all(), attachments=report.attachments.all(),
            submissions=report.submissions.select_related("submitted_by"), **kwargs)

    def post(self, request, *args, **kwargs):
        report = self.get_report()
        decision = permissions.can_run_task(request.user, report.task)
        if not decision:
            raise PermissionDenied(decision.reason)
        form = self.report_form(request.POST, request.FILES)
        submitting = "submit" in request.POST

        def act(data):
            services.save_report(actor=request.user, report=report, narrative=data["narrative"],
                                 actuals=form.actuals())
            if data.get("file"):
                services.add_report_file(actor=request.user, report=report, upload=data["file"])
            if submitting:
                services.submit_report(actor=request.user, report=report)
                return _("The report was submitted to the council."), self.report_url()
            return _("The report was saved."), self.report_url()

        return self.submit(form, act)


class ReviewReportView(ReportView):
    def post(self, request, *args, **kwargs):
        decision = permissions.can_manage_task(request.user)
        if not decision:
            raise PermissionDenied(decision.reason)
        report = self.get_report()

        def act(data):
            accept = data["verdict"] == "accept"
            services.review_report(actor=request.user, report=report, accept=accept, comment=data["comment"])
            return (_("The report was accepted.") if accept else _("The report was returned.")), self.report_url()

        return self.submit(forms.ReviewReportForm(request.POST), act, form_name="review_form")


class ReportFileView(ReportMixin, View):
    def get(self, request, *args, **kwargs):
        document = get_object_or_404(ReportAttachment, pk=kwargs["file_pk"], report=self.get_report())
        return document_response(document)
