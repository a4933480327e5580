"""The selection itself, in two halves: ``gather_inputs`` reads the stage results and settings into a plain
snapshot, and ``decide`` turns a snapshot into decisions without touching the database. The same snapshot
always gives the same decisions, and the snapshot is what a run keeps.

The rules, in order, over the stages the contest has (``policy["stages"]``, in the contest's order):

1. A stage's score is the proposal's trimmed mean in that stage (see the ranking page) scaled to 100 points,
   rounded half up to two decimals. A proposal needs a score in every stage (otherwise *not scored*) and must
   reach every stage's cut-off (otherwise *below a cut-off*).
2. The combined score is the stages' weighted sum (whole-percent weights adding up to 100), rounded half up to
   two decimals. Equal combined scores are ordered by the council's tie-break order: stage codes (the higher
   stage score first), ``national_request`` (the smaller national request first), then always the receipt
   number. Without one set: the stages from the last to the first, then the receipt number.
3. In that order proposals are selected while fewer than the target are selected and budget remains. Each
   gets what it asked of national funding, capped per task and by the budget left (then marked reduced).
4. The next ones, as many as the policy's reserves, are reserves; the rest are not selected. Proposals whose
   combined score equals one on the other side of the selection line are marked as tied for the council.

Runs stored before stages were data keep their snapshot (``document``/``presentation`` keys); ``upgraded``
reads them in today's shape, so they decide and display as they did.
"""
import hashlib
import json
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from django.db.models import Sum

from applications.models import BudgetLine, BudgetSource, Contest, ContestStage, Proposal, ProposalStatus
from applications.selectors import contest_stages
from reviews.models import Panel, PanelProposal
from reviews.selectors import stage_results

from .models import Outcome, SelectionPolicy

CENTS = Decimal("0.01")
RECEIPT_NUMBER, NATIONAL_REQUEST = "receipt_number", "national_request"
LEGACY_STAGES = ("document", "presentation")


def _money(value) -> Decimal:
    return Decimal(value).quantize(CENTS, rounding=ROUND_HALF_UP)


def tie_break_order(policy: SelectionPolicy, stages: list[ContestStage]) -> list[str]:
    """The policy's tie-break keys that still name something, then the receipt number; the stages from the last
    to the first when the council set none."""
    codes = [stage.code for stage in stages]
    chosen = [key for key in (policy.tie_break or []) if key in codes or key == NATIONAL_REQUEST]
    return [*(chosen or reversed(codes)), RECEIPT_NUMBER]


def policy_values(policy: SelectionPolicy, stages: list[ContestStage]) -> dict:
    """The settings a run decides on: per stage ``<code>_weight_pct`` and ``<code>_cutoff``, the stages' order,
    the tie-break order and the reserves."""
    values = {"stages": [stage.code for stage in stages], "tie_break": tie_break_order(policy, stages),
              "reserve_count": policy.reserve_count}
    for stage in stages:
        values[f"{stage.code}_weight_pct"] = stage.weight_pct
        values[f"{stage.code}_cutoff"] = str(stage.cutoff)
    return values


def upgraded(inputs: dict) -> dict:
    """A snapshot in today's shape; one stored before stages were data is read as document and presentation
    with the tie-break it was decided by (presentation, document, receipt number). Not written back: a stored
    run's snapshot and digest stay as they were."""
    if "stages" in inputs["policy"]:
        return inputs
    policy = {**inputs["policy"], "stages": list(LEGACY_STAGES),
              "tie_break": ["presentation", "document", RECEIPT_NUMBER]}
    proposals = [{**{key: value for key, value in row.items() if key not in LEGACY_STAGES},
                  "scores": {code: row.get(code) for code in LEGACY_STAGES}} for row in inputs["proposals"]]
    return {**inputs, "policy": policy, "proposals": proposals}


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
    stages = contest_stages(contest)
    candidates = (Proposal.objects.filter(contest=contest, pk__in=PanelProposal.objects.values("proposal_id"))
                  .exclude(status=ProposalStatus.WITHDRAWN).select_related("lead_local_government")
                  .order_by("receipt_number", "pk"))
    requested = dict(BudgetLine.objects.filter(proposal__contest=contest, source=BudgetSource.NATIONAL)
                     .values("proposal_id").annotate(total=Sum("amount_krw")).values_list("proposal_id", "total"))
    scores = {stage.code: _stage_scores(contest, stage.code) for stage in stages}
    inputs = {
        "contest": {"id": contest.pk, "target": contest.target_task_count,
                    "cap_per_task_krw": contest.national_cap_per_task_krw,
                    "total_budget_krw": contest.total_national_budget_krw},
        "policy": policy_values(policy, stages),
        "proposals": [{"id": proposal.pk, "receipt_number": proposal.receipt_number,
                       "local_government": proposal.lead_local_government.code,
                       "requested_national_krw": int(requested.get(proposal.pk) or 0),
                       "scores": {code: by_proposal.get(proposal.pk) for code, by_proposal in scores.items()}}
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
    stage_scores: dict[str, Decimal | None] = field(default_factory=dict)
    combined_score: Decimal | None = None
    rank: int | None = None
    outcome: str = Outcome.NOT_SELECTED
    national_krw: int = 0
    funding_reduced: bool = False
    tie_at_boundary: bool = False

    @property
    def document_score(self) -> Decimal | None:
        return self.stage_scores.get("document")

    @property
    def presentation_score(self) -> Decimal | None:
        return self.stage_scores.get("presentation")

    def stored_scores(self) -> dict[str, str | None]:
        """The stage scores as a decision keeps them (two-decimal strings)."""
        return {code: None if score is None else str(score) for code, score in self.stage_scores.items()}


def _score(stage: dict | None) -> Decimal | None:
    return None if stage is None else Decimal(stage["score"])


def _order_key(draft: DecisionDraft, tie_break: list[str]) -> tuple:
    key: list = [-draft.combined_score]
    for name in tie_break:
        if name == RECEIPT_NUMBER:
            key.append(draft.receipt_number)
        elif name == NATIONAL_REQUEST:
            key.append(draft.requested_national_krw)
        else:
            key.append(-draft.stage_scores[name])
    return (*key, draft.receipt_number, draft.proposal_id)


def decide(inputs: dict) -> list[DecisionDraft]:
    """Apply the rules in the module's docstring to a snapshot; pure and deterministic."""
    inputs = upgraded(inputs)
    policy, contest = inputs["policy"], inputs["contest"]
    stages = policy["stages"]
    weights = {code: policy[f"{code}_weight_pct"] for code in stages}
    cutoffs = {code: Decimal(policy[f"{code}_cutoff"]) for code in stages}
    drafts, eligible = [], []
    for row in inputs["proposals"]:
        draft = DecisionDraft(row["id"], row["receipt_number"], row["requested_national_krw"],
                              {code: _score(row["scores"].get(code)) for code in stages})
        drafts.append(draft)
        if any(score is None for score in draft.stage_scores.values()):
            draft.outcome = Outcome.NOT_SCORED
            continue
        draft.combined_score = _money(sum(draft.stage_scores[code] * weights[code] for code in stages) / 100)
        if any(draft.stage_scores[code] < cutoffs[code] for code in stages):
            draft.outcome = Outcome.BELOW_CUTOFF
            continue
        eligible.append(draft)
    eligible.sort(key=lambda draft: _order_key(draft, policy["tie_break"]))
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
