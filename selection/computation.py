"""The selection itself, in two halves: ``gather_inputs`` reads the stage results and settings into a plain
snapshot, and ``decide`` turns a snapshot into decisions without touching the database. The same snapshot
always gives the same decisions, and the snapshot is what a run keeps.

The rules, in order:

1. A stage's score is the proposal's trimmed mean in that stage (see the ranking page) scaled to 100 points,
   rounded half up to two decimals. A proposal needs a score in both stages (otherwise *not scored*) and must
   reach both cut-offs (otherwise *below a cut-off*).
2. The combined score is the stages' weighted sum, rounded half up to two decimals. Equal combined scores are
   ordered by the presentation score, then the document score, then the receipt number.
3. In that order proposals are selected while fewer than the target are selected and budget remains. Each
   gets what it asked of national funding, capped per task and by the budget left (then marked reduced).
4. The next ones, as many as the policy's reserves, are reserves; the rest are not selected. Proposals whose
   combined score equals one on the other side of the selection line are marked as tied for the council.
"""
import hashlib
import json
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from django.db.models import Sum

from applications.models import BudgetLine, BudgetSource, Contest, Proposal, ProposalStatus
from reviews.models import Panel, PanelProposal, ReviewStage
from reviews.selectors import stage_results

from .models import Outcome, SelectionPolicy

CENTS = Decimal("0.01")


def _money(value) -> Decimal:
    return Decimal(value).quantize(CENTS, rounding=ROUND_HALF_UP)


def policy_values(policy: SelectionPolicy) -> dict:
    return {"document_weight_pct": policy.document_weight_pct,
            "presentation_weight_pct": policy.presentation_weight_pct,
            "document_cutoff": str(policy.document_cutoff), "presentation_cutoff": str(policy.presentation_cutoff),
            "reserve_count": policy.reserve_count}


def _stage_scores(contest: Contest, stage: str) -> dict[int, dict]:
    """Per proposal: the stage's score on 100 (from the unrounded trimmed mean) and the sheets behind it."""
    stage = stage_results(contest, stage)
    if stage is None:
        return {}
    scores, maximum = {}, stage.maximum
    for panel_results in stage.panels.values():
        for result in panel_results:
            if result.exact_trimmed_mean is None or not maximum:
                continue
            value = _money(result.exact_trimmed_mean * 100 / maximum)
            scores[result.proposal.pk] = {"score": str(value), "sheets": result.sheets}
    return scores


def gather_inputs(contest: Contest, policy: SelectionPolicy) -> tuple[dict, list[str]]:
    """The snapshot a run decides on, and warnings that do not change the result (panels not signed off)."""
    candidates = (Proposal.objects.filter(contest=contest, pk__in=PanelProposal.objects.values("proposal_id"))
                  .exclude(status=ProposalStatus.WITHDRAWN).select_related("lead_local_government")
                  .order_by("receipt_number", "pk"))
    requested = dict(BudgetLine.objects.filter(proposal__contest=contest, source=BudgetSource.NATIONAL)
                     .values("proposal_id").annotate(total=Sum("amount_krw")).values_list("proposal_id", "total"))
    document = _stage_scores(contest, ReviewStage.DOCUMENT)
    presentation = _stage_scores(contest, ReviewStage.PRESENTATION)
    inputs = {
        "contest": {"id": contest.pk, "target": contest.target_task_count,
                    "cap_per_task_krw": contest.national_cap_per_task_krw,
                    "total_budget_krw": contest.total_national_budget_krw},
        "policy": policy_values(policy),
        "proposals": [{"id": proposal.pk, "receipt_number": proposal.receipt_number,
                       "local_government": proposal.lead_local_government.code,
                       "requested_national_krw": int(requested.get(proposal.pk) or 0),
                       "document": document.get(proposal.pk), "presentation": presentation.get(proposal.pk)}
                      for proposal in candidates],
    }
    warnings = [str(panel) for panel in Panel.objects.filter(contest=contest, signed_off_at=None)
                .order_by("stage", "name")]
    return inputs, warnings


def digest(inputs: dict) -> str:
    return hashlib.sha256(json.dumps(inputs, sort_keys=True, separators=(",", ":")).encode()).hexdigest()


@dataclass
class DecisionDraft:
    proposal_id: int
    receipt_number: str
    requested_national_krw: int
    document_score: Decimal | None
    presentation_score: Decimal | None
    combined_score: Decimal | None = None
    rank: int | None = None
    outcome: str = Outcome.NOT_SELECTED
    national_krw: int = 0
    funding_reduced: bool = False
    tie_at_boundary: bool = False


def _score(stage: dict | None) -> Decimal | None:
    return None if stage is None else Decimal(stage["score"])


def decide(inputs: dict) -> list[DecisionDraft]:
    """Apply the rules in the module's docstring to a snapshot; pure and deterministic."""
    policy, contest = inputs["policy"], inputs["contest"]
    document_cutoff, presentation_cutoff = Decimal(policy["document_cutoff"]), Decimal(policy["presentation_cutoff"])
    drafts, eligible = [], []
    for row in inputs["proposals"]:
        draft = DecisionDraft(row["id"], row["receipt_number"], row["requested_national_krw"],
                              _score(row["document"]), _score(row["presentation"]))
        drafts.append(draft)
        if draft.document_score is None or draft.presentation_score is None:
            draft.outcome = Outcome.NOT_SCORED
            continue
        draft.combined_score = _money((draft.document_score * policy["document_weight_pct"]
                                       + draft.presentation_score * policy["presentation_weight_pct"]) / 100)
        if draft.document_score < document_cutoff or draft.presentation_score < presentation_cutoff:
            draft.outcome = Outcome.BELOW_CUTOFF
            continue
        eligible.append(draft)
    eligible.sort(key=lambda draft: (-draft.combined_score, -draft.presentation_score, -draft.document_score,
                                     draft.receipt_number, draft.proposal_id))
    budget_left = contest["total_budget_krw"]
    selected = reserves = 0
    for rank, draft in enumerate(eligible, start=1):
        draft.rank = rank
        if selected < contest["target"] and (budget_left is None or budget_left > 0):
            wanted = min(draft.requested_national_krw, contest["cap_per_task_krw"])
            draft.national_krw = wanted if budget_left is None else min(wanted, budget_left)
            draft.funding_reduced = draft.national_krw < wanted
            if budget_left is not None:
                budget_left -= draft.national_krw
            draft.outcome = Outcome.SELECTED
            selected += 1
        elif reserves < policy["reserve_count"]:
            draft.outcome, reserves = Outcome.RESERVE, reserves + 1
    _mark_ties(eligible)
    return sorted(drafts, key=lambda draft: (draft.rank is None, draft.rank or 0, draft.receipt_number))


def _mark_ties(eligible: list[DecisionDraft]) -> None:
    inside = {draft.combined_score for draft in eligible if draft.outcome == Outcome.SELECTED}
    outside = {draft.combined_score for draft in eligible if draft.outcome != Outcome.SELECTED}
    for draft in eligible:
        draft.tie_at_boundary = draft.combined_score in inside and draft.combined_score in outside
