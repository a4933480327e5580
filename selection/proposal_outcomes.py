"""What selection adds to a proposal's list, page and API answer: its published result.

Registered in ``applications.extensions`` from ``SelectionConfig.ready``, so applications (below selection)
shows a result without importing selection.
"""
from applications.extensions import ProposalOutcomes

from . import permissions, selectors


def page_context(user, proposal) -> dict:
    """The detail page's ``selection_decision`` (None unless ``user`` may see it) and what ``user`` may do."""
    decision = selectors.result_for_user(user, proposal)
    return {
        "selection_decision": decision,
        "can_object": decision is not None and permissions.can_file_objection(user, decision),
        "can_see_objection": decision is not None and hasattr(decision, "objection")
        and permissions.can_view_objection(user, decision.objection),
    }


def api_result(request, proposal, context: dict) -> dict | None:
    """The API's ``result``: ``ProposalResultSerializer``'s shape, or None where the caller may not see it."""
    from .api.serializers import ProposalResultSerializer

    decision = selectors.result_for_user(request.user, proposal)
    return ProposalResultSerializer(decision, context=context).data if decision else None


OUTCOMES = ProposalOutcomes(annotate=selectors.with_published_outcome, page_context=page_context,
                            api_result=api_result)


def decided_contest_ids():
    """The contests whose selection the council has approved (and maybe published and confirmed): past that a
    proposal's provincial matching decides nothing any more (``applications.permissions.is_open_to_matching``)."""
    from .models import APPROVED_STATUSES, SelectionRun

    return SelectionRun.objects.filter(status__in=APPROVED_STATUSES).values("contest_id")
