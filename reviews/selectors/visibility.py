"""Which scores a reader may see. Two rules, asked by the ranking page, its XLSX and the API alike:

- nobody reads a proposal's scores or rank while recused from it (an assignment withdrawn by a declared
  conflict, or a conflict declared on the proposal or on one of its local governments);
- a reviewer, chair included, sees no other reviewer's scores until his own sheets in that panel are
  submitted (``reviews.permissions.can_view_results`` refuses him the ranking until then).

When a reader is recused from some proposal of a panel, its rows are left out and the other rows' ranks
are withheld too (``rank`` is ``None``), since a gap in the numbering would tell the left-out rank.
"""
from dataclasses import replace

from django.db.models import Q

from accounts.permissions import is_council
from applications.models import Proposal, ProposalPartner
from reviews.models import Assignment, AssignmentStatus, DeclaredConflict, Panel, SheetStatus

from .results import RankedResult, ranked_results


def recused_proposal_ids(user, proposal_ids: set[int] | list[int]) -> set[int]:
    """Of ``proposal_ids``, those ``user`` is recused from. Council staff are never recused (they score
    nothing); anyone else not in the pool is treated as recused from none, but reads no scores anyway.
    At most three queries."""
    if is_council(user) or not getattr(user, "is_authenticated", False):
        return set()
    ids = set(proposal_ids)
    if not ids:
        return set()
    recused = set(Assignment.objects.filter(reviewer__user=user, proposal_id__in=ids,
                                            status=AssignmentStatus.RECUSED).values_list("proposal_id", flat=True))
    declared = DeclaredConflict.objects.filter(reviewer__user=user).values_list("proposal_id", "local_government_id")
    local_governments = set()
    for proposal_id, local_government_id in declared:
        if proposal_id in ids:
            recused.add(proposal_id)
        if local_government_id:
            local_governments.add(local_government_id)
    if local_governments:
        recused |= set(Proposal.objects.filter(pk__in=ids).filter(
            Q(lead_local_government_id__in=local_governments)
            | Q(pk__in=ProposalPartner.objects.filter(local_government_id__in=local_governments)
                .values("proposal_id"))).values_list("pk", flat=True))
    return recused


def is_recused_from(user, proposal_id: int) -> bool:
    return proposal_id in recused_proposal_ids(user, [proposal_id])


def own_sheets_pending(user, panel: Panel) -> int:
    """How many of ``user``'s active assignments in ``panel`` have no submitted sheet yet. One query."""
    if not getattr(user, "is_authenticated", False):
        return 0
    return (Assignment.objects.filter(panel=panel, reviewer__user=user)
            .exclude(status=AssignmentStatus.RECUSED).exclude(sheet__status=SheetStatus.SUBMITTED).count())


def results_visible_to(user, panel: Panel, results: list[RankedResult] | None = None) -> list[RankedResult]:
    """``panel``'s ranking as ``user`` may read it (the caller has asked ``can_view_results``): rows of
    proposals he is recused from left out and, if any was, every rank withheld."""
    results = ranked_results(panel) if results is None else results
    withheld = recused_proposal_ids(user, [row.proposal.pk for row in results])
    if not withheld:
        return results
    return [replace(row, rank=None) for row in results if row.proposal.pk not in withheld]


def withheld_count(user, panel: Panel) -> int:
    """How many of the panel's proposals ``user`` may not read the scores of (recused)."""
    return len(recused_proposal_ids(user, list(panel.proposals.values_list("pk", flat=True))))
