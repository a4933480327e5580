"""The selection rules on hand-made snapshots: no database, every number computed by hand."""
from decimal import Decimal

from selection.computation import decide, digest
from selection.models import Outcome

BILLION = 1_000_000_000


def snapshot(rows, *, target=2, budget=None, cap=BILLION, reserves=1, cutoffs=("60", "60"), weights=(30, 70)):
    return {
        "contest": {"id": 1, "target": target, "cap_per_task_krw": cap, "total_budget_krw": budget},
        "policy": {"document_weight_pct": weights[0], "presentation_weight_pct": weights[1],
                   "document_cutoff": cutoffs[0], "presentation_cutoff": cutoffs[1], "reserve_count": reserves},
        "proposals": [{"id": number, "receipt_number": f"2025-{number:04d}", "local_government": str(number),
                       "requested_national_krw": requested,
                       "document": None if document is None else {"score": document, "sheets": 5},
                       "presentation": None if presentation is None else {"score": presentation, "sheets": 3}}
                      for number, (document, presentation, requested) in enumerate(rows, start=1)],
    }


def by_id(drafts):
    return {draft.proposal_id: draft for draft in drafts}


def test_combined_score_weighs_the_stages_and_ranks_by_it():
    drafts = by_id(decide(snapshot([("80.00", "70.00", BILLION), ("70.00", "90.00", BILLION),
                                    ("90.00", "65.00", BILLION)], target=1, reserves=1)))
    # 80×0.3 + 70×0.7 = 73.00; 70×0.3 + 90×0.7 = 84.00; 90×0.3 + 65×0.7 = 72.50
    assert [drafts[i].combined_score for i in (1, 2, 3)] == [Decimal("73.00"), Decimal("84.00"), Decimal("72.50")]
    assert [drafts[i].rank for i in (2, 1, 3)] == [1, 2, 3]
    assert [drafts[i].outcome for i in (2, 1, 3)] == [Outcome.SELECTED, Outcome.RESERVE, Outcome.NOT_SELECTED]


def test_a_tie_at_the_quota_boundary_goes_to_the_presentation_score_and_is_marked():
    # Both combine to 76.10: 60×0.3 + 83×0.7 and 81×0.3 + 74×0.7.
    drafts = by_id(decide(snapshot([("95.00", "95.00", BILLION), ("60.00", "83.00", BILLION),
                                    ("81.00", "74.00", BILLION)], target=2)))
    assert drafts[2].combined_score == drafts[3].combined_score == Decimal("76.10")
    assert drafts[2].outcome == Outcome.SELECTED  # the higher presentation score wins the last place
    assert drafts[3].outcome == Outcome.RESERVE
    assert drafts[2].tie_at_boundary and drafts[3].tie_at_boundary and not drafts[1].tie_at_boundary


def test_an_exact_tie_in_every_score_goes_to_the_earlier_receipt_number():
    drafts = by_id(decide(snapshot([("70.00", "80.00", BILLION), ("70.00", "80.00", BILLION)], target=1)))
    assert drafts[1].outcome == Outcome.SELECTED and drafts[2].outcome == Outcome.RESERVE
    assert drafts[1].tie_at_boundary and drafts[2].tie_at_boundary


def test_below_either_cut_off_or_unscored_is_never_selected_whatever_the_combined_score():
    drafts = by_id(decide(snapshot([("59.99", "100.00", BILLION), ("100.00", "59.00", BILLION),
                                    (None, "90.00", BILLION), ("61.00", "61.00", BILLION)], target=3)))
    assert drafts[1].outcome == drafts[2].outcome == Outcome.BELOW_CUTOFF
    assert drafts[3].outcome == Outcome.NOT_SCORED and drafts[3].combined_score is None
    assert drafts[4].outcome == Outcome.SELECTED and drafts[4].rank == 1
    assert drafts[1].rank is None and drafts[1].national_krw == 0


def test_funding_is_capped_per_task_and_cut_to_the_budget_left():
    drafts = by_id(decide(snapshot([("90.00", "90.00", 1_200_000_000), ("85.00", "85.00", 900_000_000),
                                    ("80.00", "80.00", 800_000_000), ("75.00", "75.00", 500_000_000)],
                                   target=4, budget=2_300_000_000, reserves=1)))
    assert drafts[1].national_krw == BILLION and not drafts[1].funding_reduced  # capped, not reduced
    assert drafts[2].national_krw == 900_000_000
    assert drafts[3].national_krw == 400_000_000 and drafts[3].funding_reduced  # what the budget has left
    assert drafts[4].outcome == Outcome.RESERVE and drafts[4].national_krw == 0  # nothing left to give
    assert sum(draft.national_krw for draft in drafts.values()) == 2_300_000_000


def test_the_same_snapshot_gives_the_same_decisions_and_digest_whatever_the_key_order():
    inputs = snapshot([("80.00", "70.00", BILLION), ("70.00", "90.00", BILLION)])
    shuffled = {key: inputs[key] for key in reversed(list(inputs))}
    assert decide(inputs) == decide(shuffled)
    assert digest(inputs) == digest(shuffled)
    changed = snapshot([("80.00", "70.01", BILLION), ("70.00", "90.00", BILLION)])
    assert digest(changed) != digest(inputs)
