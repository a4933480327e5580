"""The council's page of a contest's evaluation stages: the same rules as the API, on a page."""
import pytest
from django.urls import reverse

from accounts.roles import Role
from applications.models import StageKind
from tests.factories import make_contest, make_user
from tests.reviews.builders import make_panel, make_rubric, submitted_sheet, totals

pytestmark = pytest.mark.usefixtures("registry", "english", "council_signed_in")


def test_the_council_adds_a_site_visit_and_reweighs_on_the_page(client, council):
    contest = make_contest()
    url = reverse("reviews:contest-stages", args=[contest.pk])
    page = client.get(url).content.decode()
    assert "Document review" in page and "Presentation review" in page and 'id="weights-total">100<' in page
    kind = StageKind.objects.get(code="site_visit")
    over = client.post(url, {"code": "site_visit", "kind": kind.pk, "has_slots": "on", "weight_pct": 30,
                             "cutoff": "60", "position": 2}).content.decode()
    assert "would add up to document 30 + presentation 70 + site_visit 30 = 130%" in over
    assert not contest.stages.filter(code="site_visit").exists()
    response = client.post(url, {"code": "site_visit", "kind": kind.pk, "has_slots": "on", "weight_pct": 0,
                                 "cutoff": "60", "position": 2, "starts_on": "2025-11-03"})
    assert response.status_code == 302
    assert list(contest.stages.order_by("position").values_list("code", flat=True)) == [
        "document", "site_visit", "presentation"]
    stage = contest.stages.get(code="presentation")
    change = reverse("reviews:stage-change", args=[stage.pk])
    assert client.post(change, {"code": "presentation", "kind": stage.kind_id, "has_slots": "on", "weight_pct": 40,
                                "cutoff": "70", "position": 3, "reason": "현장평가 신설"}).status_code == 302
    stage.refresh_from_db()
    assert (stage.weight_pct, str(stage.cutoff), stage.name_en) == (40, "70.00", "Presentation review")
    assert 'id="weights-total">70<' in client.get(url).content.decode()


def test_the_page_says_why_stages_no_longer_change(client, council):
    panel = make_panel()
    make_rubric(panel.contest)
    submitted_sheet(panel, panel.proposals.first(), totals(80)[0])
    url = reverse("reviews:contest-stages", args=[panel.contest.pk])
    page = client.get(url).content.decode()
    assert "no longer change" in page and 'id="stage-form"' not in page
    refused = client.post(url, {"code": "site_visit", "kind": StageKind.objects.get(code="site_visit").pk,
                                "weight_pct": 0, "cutoff": "60"}).content.decode()
    assert "no longer change" in refused and not panel.contest.stages.filter(code="site_visit").exists()


def test_only_the_council_opens_the_stage_page(client):
    contest = make_contest()
    client.force_login(make_user(Role.LOCAL_OFFICIAL, language="en"))
    assert client.get(reverse("reviews:contest-stages", args=[contest.pk])).status_code == 403
