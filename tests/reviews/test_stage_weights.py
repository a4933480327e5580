"""A third evaluation stage takes its share of the weights in the same step as it is added: the add form holds
the other stages' new weights; over 100 is refused saying the sum and what to do, and nothing changes; under
100 is kept, the page says the sum, and a selection run refuses the contest until the weights add up to 100."""
import pytest
from django.urls import reverse

from applications.models import StageKind
from audit.models import AuditEntry
from selection.services import SelectionRefused, start_run
from tests.factories import api_as, make_contest

pytestmark = pytest.mark.usefixtures("registry", "english", "council_signed_in")


def _site_visit(weight: int, **others) -> dict:
    return {"code": "site_visit", "kind": StageKind.objects.get(code="site_visit").pk, "has_slots": "on",
            "weight_pct": weight, "cutoff": "60", "position": 2,
            **{f"weight_of_{code}": value for code, value in others.items()}}


def _weights(contest) -> list[tuple[str, int]]:
    return list(contest.stages.order_by("position").values_list("code", "weight_pct"))


def test_a_third_stage_is_added_and_the_weights_rebalanced_in_one_step(client, council):
    contest = make_contest()
    url = reverse("reviews:contest-stages", args=[contest.pk])
    page = client.get(url).content.decode()
    assert 'name="weight_of_document" value="30"' in page and 'name="weight_of_presentation" value="70"' in page
    over = client.post(url, _site_visit(20)).content.decode()
    assert "would add up to document 30 + presentation 70 + site_visit 20 = 120%" in over
    assert "Lower the other stages&#x27; weights in the same form" in over and "at most 0%" in over
    partly = client.post(url, _site_visit(20, document=30, presentation=60)).content.decode()
    assert "presentation 60 + site_visit 20 = 110%" in partly
    assert not contest.stages.filter(code="site_visit").exists()
    assert _weights(contest) in ([], [("document", 30), ("presentation", 70)])  # nothing of the refusal stays
    response = client.post(url, _site_visit(20, document=30, presentation=50))
    assert response.status_code == 302
    assert _weights(contest) == [("document", 30), ("site_visit", 20), ("presentation", 50)]
    added = AuditEntry.objects.get(action="review.stage_added")
    assert added.actor == council and added.changes["weights"] == {"presentation": [70, 50]}
    assert 'id="weights-total">100<' in client.get(url).content.decode()


def test_weights_under_100_are_kept_flagged_on_the_page_and_refused_by_a_run(client, council):
    contest = make_contest()
    url = reverse("reviews:contest-stages", args=[contest.pk])
    assert client.post(url, _site_visit(20, presentation=40)).status_code == 302
    page = client.get(url).content.decode()
    assert 'id="weights-total">90<' in page
    assert ("The weights add up to document 30 + site_visit 20 + presentation 40 = 90%; they must add up to "
            "100% before a selection run starts.") in page
    with pytest.raises(SelectionRefused, match="add up to 90%; they must add up to 100%"):
        start_run(actor=council, contest=contest)
    assert not contest.selection_runs.exists()


def test_the_api_adds_a_stage_with_the_other_stages_new_weights(council):
    contest = make_contest()
    api = api_as(council)
    url = f"/api/v1/contests/{contest.pk}/stages/"
    stage = {"code": "site_visit", "kind": "site_visit", "weight_pct": 20}
    over = api.post(url, stage, format="json")
    assert over.status_code == 400 and "= 120%" in over.json()["detail"][0]
    unknown = api.post(url, {**stage, "weights": {"interview": 0}}, format="json")
    assert unknown.status_code == 400 and "no stage interview" in unknown.json()["detail"][0]
    added = api.post(url, {**stage, "weights": {"document": 20, "presentation": 60}}, format="json")
    assert added.status_code == 201, added.content
    assert _weights(contest) == [("document", 20), ("presentation", 60), ("site_visit", 20)]
