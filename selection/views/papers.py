"""The result letter (결과 통지서) as PDF, behind the result's own predicate ``can_view_decision``: the
council always, the applicant and its province's officer once the result is published; anyone else gets a
404, as for a decision that does not exist."""
from django.http import Http404
from django.views import View

from applications.selectors.layout import in_round_layout
from core.papers import digest_of, paper_response
from core.permissions import ALLOWED, DecisionRequiredMixin
from selection.models import SelectionDecision
from selection.permissions import can_view_decision
from selection.selectors import run_rules


class DecisionLetterView(DecisionRequiredMixin, View):
    def decide(self, user):
        return ALLOWED  # signed in; which decisions he sees is can_view_decision's

    def get(self, request, pk):
        decision = (SelectionDecision.objects
                    .select_related("run__contest", "proposal__lead_local_government__province")
                    .filter(pk=pk).first())
        if decision is None or not can_view_decision(request.user, decision):
            raise Http404
        in_round_layout([decision], local_government="proposal__lead_local_government", contest="run__contest")
        run, proposal = decision.run, decision.proposal
        content = {"decision": decision.pk, "run": run.pk, "proposal": proposal.receipt_number,
                   "outcome": decision.outcome, "rank": decision.rank, "national_krw": decision.national_krw,
                   "scores": [*(decision.stage_score(stage.code) for stage in run_rules(run)[0]),
                              decision.combined_score],
                   "published_at": run.published_at, "objection_closes_at": run.objection_closes_at}
        context = {"decision": decision, "run": run, "contest": run.contest, "proposal": proposal,
                   "receipt_number": proposal.receipt_number, "digest": digest_of(content),
                   "document_date": run.published_at or run.approved_at or run.requested_at}
        return paper_response(template="papers/letter.html", context=context,
                              filename=f"result-{proposal.receipt_number}.pdf", request=request)
