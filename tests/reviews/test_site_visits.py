"""Site visits (현장평가): a stage whose slots happen at a place, not in a room. The council schedules each
proposal's visit with the place on the panel's page; the local government sees it on its proposal like a
presentation slot; the day's schedule exports it."""
import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from accounts.roles import Role
from applications.models import StageKind
from reviews.models import PanelProposal, PresentationSlot
from reviews.services import add_stage
from tests.factories import make_user
from tests.reviews.builders import make_panel

pytestmark = pytest.mark.usefixtures("registry", "english", "council_signed_in")


@pytest.fixture
def site_panel(council):
    panel = make_panel(codes=["48870", "12720"])
    kind = StageKind.objects.get(code="site_visit")
    add_stage(actor=council, contest=panel.contest, position=2, values={
        "code": "site_visit", "kind": kind, "name_ko": kind.name_ko, "name_en": kind.name_en, "has_slots": True})
    panel.stage = "site_visit"
    panel.save()
    PanelProposal.objects.filter(panel=panel).update(stage="site_visit")
    return panel


def test_a_site_visit_is_scheduled_at_a_place_and_shown_to_the_local_government(client, council, site_panel):
    hamyang = site_panel.proposals.get(lead_local_government__code="48870")
    url = reverse("reviews:panel-slot", args=[site_panel.pk])
    page = client.get(reverse("reviews:panel-detail", args=[site_panel.pk])).content.decode()
    assert 'name="place"' in page and 'name="room"' not in page
    nowhere = client.post(url, {"proposal": hamyang.pk, "starts_at": "2025-11-04T10:00",
                                "ends_at": "2025-11-04T12:00", "place": ""}).content.decode()
    assert "Give the place the panel visits." in nowhere and not PresentationSlot.objects.exists()
    visit = {"proposal": hamyang.pk, "starts_at": "2025-11-04T10:00", "ends_at": "2025-11-04T12:00",
             "place": "경남 함양군 함양읍 산삼로 1 (산삼 가공센터)"}
    assert client.post(url, visit).status_code == 302
    slot = PresentationSlot.objects.get(proposal=hamyang)
    assert (slot.place, slot.room, slot.online_link) == (visit["place"], "", "")
    export = client.get(reverse("reviews:panel-schedule", args=[site_panel.pk]) + "?day=2025-11-04")
    row = list(load_workbook(io.BytesIO(export.content)).active.values)[1]
    assert row[0] == "2025-11-04 10:00" and row[-1] == visit["place"]
    client.force_login(make_user(Role.LOCAL_OFFICIAL, language="en"))  # Hamyang-gun's official
    page = client.get(reverse("applications:proposal-detail", args=[hamyang.pk])).content.decode()
    assert 'id="site-visit-slot"' in page and "Site visit" in page and visit["place"] in page
    assert "2025-11-04 10:00" in page


def test_a_stage_without_slots_has_no_schedule(client, council):
    panel = make_panel(codes=["48870"])  # document review
    page = client.get(reverse("reviews:panel-detail", args=[panel.pk])).content.decode()
    assert 'name="starts_at"' not in page
    refused = client.post(reverse("reviews:panel-slot", args=[panel.pk]), {
        "proposal": panel.proposals.get().pk, "starts_at": "2025-11-04T10:00", "ends_at": "2025-11-04T11:00",
        "room": "회의실"})
    assert "Only panels of a stage with scheduled slots have a schedule." in refused.content.decode()
    assert not PresentationSlot.objects.exists()
