"""A panel's results: the ranking explained, its XLSX export, the chair's sign-off; the presentation
schedule for the day."""
from datetime import date
from functools import partial

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import TemplateView

from core.downloads import xlsx_response
from core.formats import clock, moment
from core.permissions import DecisionRequiredMixin
from reviews import permissions, selectors, services
from reviews.models import Panel

from .council import CouncilMixin


class PanelResultsMixin(DecisionRequiredMixin):
    """The council and the panel's chair; anyone else gets 403 (the panel's existence is no secret to
    signed-in staff, its numbers are)."""

    def decide(self, user):
        self.panel = self.get_panel()
        return permissions.can_view_results(user, self.panel)

    def get_panel(self) -> Panel:
        try:
            return Panel.objects.select_related("contest", "chair__user").get(pk=self.kwargs["pk"])
        except Panel.DoesNotExist as error:
            raise Http404 from error


class PanelResultsView(PanelResultsMixin, TemplateView):
    template_name = "reviews/panel_results.html"

    def get_context_data(self, **kwargs):
        user, panel = self.request.user, self.panel
        rubric = selectors.rubric_of(panel)
        council = permissions.can_manage_review(user)
        withheld = selectors.withheld_count(user, panel)
        # The tables' rows are callables, which the template calls only when it renders them rather than
        # taking them from the cache (see Panel.frozen_key). A reader with rows withheld has his own table,
        # never the cached one.
        return super().get_context_data(
            panel=panel, contest=panel.contest, rubric=rubric,
            results=partial(selectors.results_visible_to, user, panel),
            frozen_key=None if withheld else panel.frozen_key, withheld=withheld,
            tie_breaks=rubric.criteria.exclude(tie_break_order=None).order_by("tie_break_order"),
            deviations=partial(selectors.reviewer_deviations, panel) if council else [],
            outlier_z=selectors.OUTLIER_Z,
            is_council=council, can_sign_off=permissions.can_sign_off(user, panel), **kwargs)


class PanelResultsExportView(PanelResultsMixin, View):
    def get(self, request, *args, **kwargs):
        panel = self.panel
        headers = [_("Rank"), _("Receipt number"), _("Lead local government"), _("Title"), _("Sheets"),
                   _("Raw mean"), _("Trimmed mean"), _("Spread"), _("Result")]
        rows = [["" if row.rank is None else row.rank, row.proposal.receipt_number,
                 str(row.proposal.lead_local_government), row.proposal.title,
                 row.sheets, row.raw_mean, row.trimmed_mean, row.spread,
                 "" if row.passed is None else (_("Pass") if row.passed else _("Fail"))]
                for row in selectors.results_visible_to(request.user, panel)]
        stamp = timezone.localtime().strftime("%Y%m%d-%H%M")
        return xlsx_response(title=str(panel.name), headers=headers, rows=rows,
                             name=f"results-{panel.contest.round_year}-{panel.pk}-{stamp}")


class SignOffView(PanelResultsMixin, View):
    def post(self, request, *args, **kwargs):
        try:
            services.sign_off_panel(actor=request.user, panel=self.panel)
        except services.ScoringRefused as refused:
            messages.error(request, str(refused))
        else:
            messages.success(request, _("The panel's results are signed off and locked."))
        return redirect("reviews:panel-results", pk=self.panel.pk)


class ScheduleExportView(CouncilMixin, View):
    """The presentation schedule of one day (``?day=YYYY-MM-DD``; all days without it) for the room."""

    def get(self, request, *args, **kwargs):
        try:
            panel = Panel.objects.select_related("contest").get(pk=kwargs["pk"])
            day = date.fromisoformat(request.GET["day"]) if request.GET.get("day") else None
        except (Panel.DoesNotExist, ValueError) as error:
            raise Http404 from error
        headers = [_("Starts at"), _("Ends at"), _("Receipt number"), _("Lead local government"), _("Title"),
                   _("Room"), _("Online link"), _("Place")]
        rows = [[moment(slot.starts_at),
                 clock(slot.ends_at), slot.proposal.receipt_number,
                 str(slot.proposal.lead_local_government), slot.proposal.title, slot.room, slot.online_link,
                 slot.place]
                for slot in selectors.schedule_of(panel, day)]
        return xlsx_response(title=str(panel.name), headers=headers, rows=rows,
                             name=f"schedule-{panel.pk}-{day or 'all'}")
