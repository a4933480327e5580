"""The issue's "done when": a ministry and a line with three measures, created through the API by the council,
are written by that ministry's staff on a task, shown on the task page, summed on the dashboard and in its
export, and refused to every other ministry — with no code change."""
from io import BytesIO

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from accounts.roles import Role
from audit.models import AuditEntry
from ministries.models import Ministry
from tests.factories import api_as, make_user
from tracking.models import SupportLineRow

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]

LINE = {
    "ministry": "MOLIT", "code": "logistics_hub", "name_ko": "물류 거점 연계", "name_en": "Logistics hub link",
    "description_ko": "지역 물류 거점과 연계한 배송 지원", "description_en": "Delivery support via regional hubs",
    "measures": [
        {"code": "hub", "name_ko": "거점", "name_en": "Hub", "type": "choice", "required": True, "key": True,
         "choices": [{"code": "north", "name_ko": "북부 거점", "name_en": "Northern hub"},
                     {"code": "south", "name_ko": "남부 거점", "name_en": "Southern hub"}]},
        {"code": "budget_krw", "name_ko": "예산", "name_en": "Budget (KRW)", "type": "krw", "required": True,
         "summed": True, "requestable": True},
        {"code": "spent_krw", "name_ko": "집행액", "name_en": "Spent (KRW)", "type": "krw", "summed": True},
    ],
    "rules": [{"left": "spent_krw", "op": "lte", "right": "budget_krw"}],
}


def test_a_ministry_and_its_line_added_through_the_api_work_everywhere(client, tasks, council, staff):
    hamyang, gokseong = tasks["48870"], tasks["12720"]
    council_api = api_as(council)
    assert council_api.post("/api/v1/ministries/", {"code": "MOLIT", "name_ko": "국토교통부",
                                                     "name_en": "Ministry of Land"}, format="json").status_code == 201
    created = council_api.post("/api/v1/support-line-kinds/", LINE, format="json")
    assert created.status_code == 201, created.json()
    assert [measure["code"] for measure in created.json()["measures"]] == ["hub", "budget_krw", "spent_krw"]
    assert AuditEntry.objects.filter(action="ministries.line_created").exists()
    listed = {row["code"]: row for row in council_api.get("/api/v1/ministries/").json()}
    assert listed["MOLIT"]["support_lines"][0]["measures"][1]["summed"] is True

    molit = make_user(Role.MINISTRY_STAFF, ministry=Ministry.objects.get(code="MOLIT"), language="en")
    path = "/api/v1/support-lines/logistics_hub/"
    molit_api = api_as(molit)
    for task, hub, budget, spent in ((hamyang, "north", 300_000_000, 100_000_000),
                                     (hamyang, "south", 200_000_000, 0), (gokseong, "north", 50_000_000, 50_000_000)):
        response = molit_api.post(path, {"task": task.pk, "reason": "배정", "values": {
            "hub": hub, "budget_krw": budget, "spent_krw": spent}}, format="json")
        assert response.status_code == 201, response.json()
    broken = molit_api.post(path, {"task": gokseong.pk, "reason": "배정", "values": {
        "hub": "south", "budget_krw": 1, "spent_krw": 2}}, format="json")
    assert broken.status_code == 400 and list(broken.json()["values"]) == ["spent_krw"]
    for user in [*staff.values(), council]:
        refused = api_as(user).post(path, {"task": hamyang.pk, "reason": "x", "values": {
            "hub": "south", "budget_krw": 1}}, format="json")
        assert refused.status_code == 403
        client.force_login(user)
        assert client.post(reverse("tracking:support-add", args=[hamyang.pk, "logistics_hub"]),
                           {"hub": "south", "budget_krw": "1", "reason": "x"}).status_code == 403
    assert SupportLineRow.objects.filter(line__code="logistics_hub").count() == 3

    client.force_login(molit)
    page = client.get(reverse("tracking:task", args=[hamyang.pk])).content.decode()
    assert "Logistics hub link" in page and "Northern hub" in page and "300,000,000" in page
    assert 'id="add-logistics_hub"' in page and 'id="add-regional_visa"' not in page

    client.force_login(council)
    contest = hamyang.contest
    figures = council_api.get(f"/api/v1/contests/{contest.pk}/dashboard/").json()
    line = next(entry for entry in figures["support"] if entry["line"] == "logistics_hub")
    assert line["sums"] == {"budget_krw": 550_000_000, "spent_krw": 150_000_000}
    assert (line["rows"], line["tasks"]) == (3, 2)
    dashboard = client.get(reverse("tracking:dashboard"), {"contest": contest.pk}).content.decode()
    assert "Logistics hub link" in dashboard and "550,000,000" in dashboard
    export = client.get(reverse("tracking:rows", args=[contest.pk, "support"]),
                        {"line": "logistics_hub", "export": "xlsx"})
    rows = list(load_workbook(BytesIO(export.content)).active.iter_rows(values_only=True))
    assert rows[0][-3:] == ("Hub", "Budget (KRW)", "Spent (KRW)")
    assert rows[-1][-2:] == (550_000_000, 150_000_000)
