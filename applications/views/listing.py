"""The council's list of a contest's proposals, and its export to CSV and XLSX."""

from django.http import Http404
from django.utils import timezone
from django.views import View
from django.views.generic import ListView

from applications import permissions, selectors
from applications.extensions import attach_published_outcome
from applications.filters import ProposalFilter
from applications.models import Contest
from applications.selectors.layout import in_round_layout
from applications.selectors.listing import (
    contest_proposals,
    export_headers,
    export_rows,
    in_receipt_order,
    label_requested_ministries,
)
from core.downloads import csv_response, xlsx_response
from core.permissions import DecisionRequiredMixin


class ContestProposalsMixin(DecisionRequiredMixin):
    def decide(self, user):
        return permissions.can_list_all_proposals(user)

    def get_contest(self) -> Contest:
        try:
            return Contest.objects.get(pk=self.kwargs["pk"])
        except Contest.DoesNotExist as error:
            raise Http404 from error

    def filtered(self):
        self.contest = self.get_contest()
        base = contest_proposals(self.contest, selectors.proposals_visible_to(self.request.user))
        self.filterset = ProposalFilter(self.request.GET or None, queryset=base, contest=self.contest)
        return self.filterset.qs if self.filterset.is_bound else in_receipt_order(self.filterset.queryset)


class ContestProposalListView(ContestProposalsMixin, ListView):
    template_name = "applications/contest_proposals.html"
    context_object_name = "proposals"
    paginate_by = 25

    def get_queryset(self):
        return self.filtered()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["proposals"] = in_round_layout(attach_published_outcome(list(context["proposals"])),
                                               local_government="lead_local_government", partners="partners",
                                               codes=False)
        label_requested_ministries(context["proposals"])
        query = self.request.GET.copy()
        query.pop("page", None)
        return {**context, "contest": self.contest, "filter": self.filterset, "query": query.urlencode()}


class ContestProposalExportView(ContestProposalsMixin, View):
    """The filtered list as a file. A few hundred rows at most per contest, so it is built in the request."""

    def get(self, request, *args, **kwargs):
        rows = export_rows(self.filtered())
        stamp = timezone.localtime().strftime("%Y%m%d-%H%M")
        name = f"proposals-{self.contest.round_year}-{stamp}"
        if kwargs["file_format"] == "csv":
            return csv_response(headers=export_headers(), rows=rows, name=name)
        if kwargs["file_format"] == "xlsx":
            return xlsx_response(title=str(self.contest.round_year), headers=export_headers(), rows=rows, name=name)
        raise Http404
