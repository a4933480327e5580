"""The ministry desk (``/tracking/desk/``): every selected task the signed-in officer's ministry supports, with
its lines' rows and sums, filterable; the same rows as XLSX (``?export=xlsx``), an upload template prefilled
with them (``template.xlsx``) and the upload of a filled template, all or nothing (``upload/``)."""
import io

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.generic import TemplateView

from core.permissions import DecisionRequiredMixin
from core.spreadsheets import xlsx_response
from core.uploads import clean_file_name
from regions.as_of import provinces_of_days
from regions.tabular import TableError, read_table
from tracking import permissions
from tracking.forms import SupportUploadForm, desk_row_form
from tracking.models import TaskStatus
from tracking.selectors.desk import contests_of, desk_table, desk_tasks, ministry_lines, template_sheet
from tracking.services.support_upload import UploadProblem, UploadRefused, import_support_rows


class DeskMixin(DecisionRequiredMixin):
    def decide(self, user):
        return permissions.can_use_ministry_desk(user)


class DeskView(DeskMixin, TemplateView):
    template_name = "tracking/desk.html"

    def get(self, request, *args, **kwargs):
        ministry = request.user.ministry
        table = desk_table(ministry, request.GET)
        if request.GET.get("export") == "xlsx":
            return xlsx_response(title=ministry.name, headers=table.headers,
                                 rows=[*(table.cells(row) for row in table.rows), table.totals],
                                 name=f"desk-{ministry.code}")
        query = request.GET.copy()
        query["export"] = "xlsx"
        return self.render_to_response(self.get_context_data(table=table, export_query=query.urlencode(),
                                                             form=kwargs.get("form") or SupportUploadForm()))

    def get_context_data(self, **kwargs):
        ministry = self.request.user.ministry
        table = kwargs["table"]
        contests = list(contests_of(ministry))
        return super().get_context_data(
            ministry=ministry, rows=[(row, table.cells(row)) for row in table.rows], totals=table.totals,
            line_rows=[(line, [(task, row, desk_row_form(line, task, row)) for task, row in rows],
                        [(desk_row.task, desk_row_form(line, desk_row.task)) for desk_row in table.rows
                         if not desk_row.count(line.code)])
                       for line, rows in table.line_rows()],
            contests=contests, statuses=TaskStatus.choices, params=self.request.GET,
            provinces=provinces_of_days(contest.eligibility_date for contest in contests),
            template_query=self.request.GET.urlencode(), **kwargs)


class DeskTemplateView(DeskMixin, TemplateView):
    def get(self, request, *args, **kwargs):
        ministry = request.user.ministry
        headers, codes, rows = template_sheet(desk_table(ministry, request.GET))
        return xlsx_response(title=ministry.code, headers=headers, codes=codes, rows=rows,
                             name=f"support-{ministry.code}")


class DeskUploadView(DeskView):
    """POST only: the file is checked whole; refused, the desk shows every reason by row and column."""

    http_method_names = ["post"]

    def post(self, request, *args, **kwargs):
        ministry = request.user.ministry
        decision = permissions.can_upload_support_rows(request.user, ministry)
        if not decision:
            raise PermissionDenied(decision.reason)
        form = SupportUploadForm(request.POST, request.FILES)
        if form.is_valid():
            upload = form.cleaned_data["file"]
            name = clean_file_name(upload.name)
            try:
                try:
                    table = read_table(io.BytesIO(upload.read()), name)
                except TableError as error:
                    raise UploadRefused([UploadProblem(1, "", str(error))]) from error
                tasks = {task.pk: task for task in desk_tasks(ministry, {})}
                result = import_support_rows(actor=request.user, ministry=ministry, table=table,
                                             lines=ministry_lines(ministry), tasks=tasks, file_name=name,
                                             reason=form.cleaned_data["reason"])
            except UploadRefused as refused:
                form.add_error("file", _("The file was refused and nothing was saved."))
                for problem in refused.problems:
                    form.add_error("file", str(problem))
            else:
                said = (_("Saved: %(created)s rows added, %(updated)s changed, %(unchanged)s unchanged; "
                          "%(skipped)s blank template rows left aside.") if result.skipped
                        else _("Saved: %(created)s rows added, %(updated)s changed, %(unchanged)s unchanged."))
                messages.success(request, said % result.__dict__)
                return redirect(reverse("tracking:desk"))
        return self.get(request, form=form)
