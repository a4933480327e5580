"""A proposal's published result, on the API (``result``) and on the page, for every local government of a joint
proposal and their provinces; and the notification each of them gets, once."""
import pytest
from django.urls import reverse

from accounts.models import User
from accounts.roles import Role
from notifications.models import Notification
from notifications.services import deliver
from regions.models import LocalGovernment, Province
from selection.models import Objection
from selection.services import approve_run, publish_run
from tests.factories import api_as, make_outsider, make_user
from tests.selection.builders import scored_contest
from tests.selection.conftest import computed_run

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]

# Hamyang-gun leads; Sancheong-gun (the same province) and Gokseong-gun (Jeonnam-Gwangju, since July 2026) are partners.
PARTNERS = ("48860", "12720")


@pytest.fixture
def joint(db, django_capture_on_commit_callbacks, celery_eager):
    """Hamyang-gun's joint proposal scored first of three (two selected), its run computed and approved; the
    people it concerns, and one who must not hear of it."""
    contest, proposals = scored_contest({"48870": ([80] * 3, [90] * 3), "47730": ([70] * 3, [75] * 3),
                                         "43800": ([65] * 3, [70] * 3)}, target=2)
    proposal = proposals["48870"]
    proposal.partners.set(LocalGovernment.objects.filter(code__in=PARTNERS))
    council = make_user(Role.COUNCIL_STAFF, language="en")
    run = computed_run(contest, council, django_capture_on_commit_callbacks)
    approve_run(actor=council, run=run)
    people = {
        "lead": make_user(Role.LOCAL_OFFICIAL, language="en"),
        "sancheong": make_user(Role.LOCAL_OFFICIAL, local_government=LocalGovernment.objects.get(code="48860")),
        "gokseong": make_user(Role.LOCAL_OFFICIAL, local_government=LocalGovernment.objects.get(code="12720")),
        "gyeongnam": make_user(Role.PROVINCIAL_OFFICER, language="en"),
        "jeonnam": make_user(Role.PROVINCIAL_OFFICER, province=Province.objects.get(code="12")),
        "council": council,
    }
    return run, proposal, people


def publish(run, council, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        return publish_run(actor=council, run=run)


def test_the_result_appears_on_the_api_once_published_with_the_decision_to_object_with(
        joint, django_capture_on_commit_callbacks):
    run, proposal, people = joint
    url = f"/api/v1/proposals/{proposal.pk}/"
    lead = api_as(people["lead"])
    assert lead.get(url).json()["result"] is None
    assert api_as(people["council"]).get(url).json()["result"] is None  # the run page shows it, not the proposal
    publish(run, people["council"], django_capture_on_commit_callbacks)
    result = lead.get(url).json()["result"]
    decision = run.decisions.get(proposal=proposal)
    assert result["decision"] == decision.pk and result["outcome"] == "selected" and result["rank"] == 1
    assert result["national_krw"] == 1_000_000_000 and result["funding_years"] == 2
    assert (result["document_score"], result["presentation_score"]) == ("80.00", "90.00")
    assert result["objection_closes_at"] and result["can_object"] is True and result["objection"] is None
    filed = lead.post("/api/v1/objections/", {"decision": result["decision"], "reasons": "지원액 재검토"},
                      format="json")
    assert filed.status_code == 201
    result = lead.get(url).json()["result"]
    assert result["objection"] == filed.json()["id"] and result["can_object"] is False


def test_partners_and_their_provinces_see_the_result_but_only_the_lead_objects(joint,
                                                                              django_capture_on_commit_callbacks):
    run, proposal, people = joint
    publish(run, people["council"], django_capture_on_commit_callbacks)
    url = f"/api/v1/proposals/{proposal.pk}/"
    for who in ("sancheong", "gokseong", "gyeongnam", "jeonnam"):
        result = api_as(people[who]).get(url).json()["result"]
        assert result["outcome"] == "selected" and result["can_object"] is False, who
    decision = run.decisions.get(proposal=proposal)
    refused = api_as(people["gokseong"]).post("/api/v1/objections/", {"decision": decision.pk, "reasons": "이의"},
                                              format="json")
    assert refused.status_code == 403 and not Objection.objects.exists()
    for who in ("other_official", "other_province", Role.REVIEWER, Role.MINISTRY_STAFF):
        assert api_as(make_outsider(who)).get(url).status_code == 404, who


def test_the_page_shows_rank_funding_years_and_the_objection_window(client, joint,
                                                                    django_capture_on_commit_callbacks):
    run, proposal, people = joint
    publish(run, people["council"], django_capture_on_commit_callbacks)
    decision = run.decisions.get(proposal=proposal)
    client.force_login(people["lead"])
    page = client.get(reverse("applications:proposal-detail", args=[proposal.pk])).content.decode()
    assert "rank 1" in page and "1,000,000,000 KRW over 2 years" in page
    assert f"decision no. {decision.pk}" in page and "File an objection" in page
    client.force_login(people["gokseong"])
    page = client.get(reverse("applications:proposal-detail", args=[proposal.pk])).content.decode()
    assert "selection-result" in page and "File an objection" not in page


def test_every_local_government_of_a_joint_proposal_and_its_province_hear_of_the_result_once(
        joint, django_capture_on_commit_callbacks):
    run, proposal, people = joint
    outsider = make_outsider("other_province")
    publish(run, people["council"], django_capture_on_commit_callbacks)
    decision = run.decisions.get(proposal=proposal)
    told = Notification.objects.filter(event="selection.result_published", link__endswith=f"/{proposal.pk}/")
    recipients = sorted(told.values_list("recipient__username", flat=True))
    builder_official = User.objects.get(pk=proposal.created_by_id).username  # Hamyang-gun's, too
    expected = sorted([builder_official, *(people[who].username for who in ("lead", "sancheong", "gokseong",
                                                                              "gyeongnam", "jeonnam"))])
    assert recipients == expected  # Gyeongnam holds the lead and a partner: its officer is told once
    assert not Notification.objects.filter(recipient=outsider).exists()
    assert deliver("selection.result_published", decision.pk, f"run-{run.pk}") == 0  # a redelivery adds nothing
    assert told.count() == len(expected)
