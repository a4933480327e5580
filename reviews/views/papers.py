"""The review's papers as PDF: a reviewer's 평가표 (his submitted sheet) and a panel's ranking. Each asks what
its pages ask. The sheet is on two pages: the council's sheet page (``can_manage_review``) and the reviewer's
assignment page (``can_review``, his own assignments but one he recused from), so it asks either predicate
(else 403, as both pages) and then ``sheets_visible_to`` (else 404, as a stranger's assignment). The ranking
asks the results page's own ``can_view_results`` (the council and the panel's chair) and its rows
``results_visible_to``, as the page and its XLSX."""
from django.http import Http404
from django.views import View

from applications.selectors.layout import in_round_layout
from core.papers import digest_of, paper_response
from core.permissions import DecisionRequiredMixin
from reviews import permissions, selectors
from reviews.models import ScoreSheet, SheetStatus

from .results import PanelResultsMixin


class SheetPaperView(DecisionRequiredMixin, View):
    def decide(self, user):
        council = permissions.can_manage_review(user)
        return council if council else permissions.can_review(user)

    def get(self, request, pk):
        try:
            sheet = selectors.sheets_visible_to(request.user).get(pk=pk, status=SheetStatus.SUBMITTED)
        except ScoreSheet.DoesNotExist as error:
            raise Http404 from error
        scores = list(sheet.scores.select_related("criterion").order_by("criterion__position", "criterion__pk"))
        # The proposal's lead named in its round's layout (issue 20).
        assignment = in_round_layout([sheet.assignment], local_government="proposal__lead_local_government",
                                     contest="panel__contest")[0]
        content = {"sheet": sheet.pk, "panel": assignment.panel_id, "proposal": assignment.proposal.receipt_number,
                   "reviewer": assignment.reviewer_id, "submitted_at": sheet.submitted_at,
                   "scores": {score.criterion.code: [str(score.points), score.comment] for score in scores},
                   "overall_comment": sheet.overall_comment}
        context = {"sheet": sheet, "assignment": assignment, "scores": scores,
                   "total": sum(score.points for score in scores),
                   "maximum": sum(score.criterion.max_points for score in scores),
                   "receipt_number": assignment.proposal.receipt_number, "digest": digest_of(content),
                   "document_date": sheet.submitted_at}
        return paper_response(template="papers/sheet.html", context=context,
                              filename=f"sheet-{assignment.proposal.receipt_number}-{sheet.pk}.pdf", request=request)


class PanelResultsPaperView(PanelResultsMixin, View):
    def get(self, request, pk):
        panel = self.panel
        rows = selectors.results_visible_to(request.user, panel)  # a recused reader's rows left out
        content = {"panel": panel.pk, "signed_off_at": panel.signed_off_at,
                   "rows": [[row.rank, row.proposal.receipt_number, row.sheets, row.raw_mean, row.trimmed_mean,
                             row.spread, row.passed] for row in rows]}
        context = {"panel": panel, "contest": panel.contest, "rows": rows, "receipt_number": "",
                   "digest": digest_of(content), "document_date": panel.signed_off_at}
        return paper_response(template="papers/results.html", context=context,
                              filename=f"results-{panel.contest.year}-{panel.pk}.pdf", request=request)
