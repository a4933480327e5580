"""Tracking through the API: tasks and reports under the same visibility as the pages, the report's write-submit-
review cycle, and support lines that only their own ministry writes."""
import pytest

from accounts.roles import Role
from applications.models import KpiTarget
from audit.models import AuditEntry
from regions.models import LocalGovernment, Province
from tests.documents import pdf, upload
from tests.factories import api_as, make_user
from tests.tracking.builders import support_row
from tracking.models import ProgressReport, ReportStatus, SupportLineRow, TaskStatus

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]

VISA = {"year": 2026, "visa_type": "F-2-R", "requested": 15, "allocated": 12, "issued": 9}



@pytest.fixture
def official(hamyang):
    return make_user(Role.LOCAL_OFFICIAL, language="en")


def first_report(task) -> ProgressReport:
    return ProgressReport.objects.get(task=task, year=2026, half=1)


def test_each_role_lists_the_tasks_it_may_see(tasks, hamyang, official, council, staff):
    gokseong = tasks["12720"]
    listed = {who: {row["local_government"] for row in api_as(user).get("/api/v1/selected-tasks/").json()["results"]}
              for who, user in (("official", official), ("council", council), ("moj", staff["MOJ"]),
                                ("gyeongnam", make_user(Role.PROVINCIAL_OFFICER, language="en")))}
    assert listed == {"official": {"48870"}, "council": {"48870", "12720"}, "moj": {"48870", "12720"},
                      "gyeongnam": {"48870"}}
    detail = api_as(official).get(f"/api/v1/selected-tasks/{hamyang.pk}/").json()
    assert sum(line["amount_krw"] for line in detail["agreement_lines"] if line["source"] == "national") \
        == 1_000_000_000
    assert [(r["year"], r["half"]) for r in detail["reports"]][:2] == [(2026, 1), (2026, 2)]
    assert api_as(official).get(f"/api/v1/selected-tasks/{gokseong.pk}/").status_code == 404
    assert api_as(official).get(f"/api/v1/progress-reports/{first_report(gokseong).pk}/").status_code == 404
    assert api_as(make_user(Role.REVIEWER)).get("/api/v1/selected-tasks/").status_code == 403


def test_a_report_is_written_submitted_returned_and_accepted_through_the_api(hamyang, official, council, staff):
    KpiTarget.objects.create(proposal=hamyang.proposal, indicator="jobs", target=80)
    report = first_report(hamyang)
    url = f"/api/v1/progress-reports/{report.pk}/"
    author = api_as(official)
    unknown = author.put(url, {"narrative": "1차", "actuals": [{"indicator": "jobs", "actual": 18},
                                                              {"indicator": "sales_krw", "actual": 5}]},
                         format="json")
    assert unknown.status_code == 400
    assert unknown.json()["actuals"] == [{}, {"indicator": ["The proposal set no target for this indicator."]}]
    saved = author.put(url, {"narrative": "산삼 가공시설 착공", "actuals": [{"indicator": "jobs", "actual": 18}]},
                       format="json")
    assert saved.status_code == 200 and saved.json()["kpi_actuals"] == [{"indicator": "jobs", "actual": 18}]
    filed = author.post(f"{url}attachments/", {"file": upload("실적.pdf", pdf())}, format="multipart")
    assert filed.status_code == 201 and filed.json()["original_name"] == "실적.pdf"
    assert api_as(staff["MOJ"]).post(f"{url}submit/").status_code == 403
    assert author.post(f"{url}submit/").json()["status"] == ReportStatus.SUBMITTED

    assert author.post(f"{url}review/", {"accept": True}, format="json").status_code == 403
    council_api = api_as(council)
    bare = council_api.post(f"{url}review/", {"accept": False}, format="json")
    assert bare.status_code == 400 and "Say what must be corrected" in bare.json()["detail"][0]
    council_api.post(f"{url}review/", {"accept": False, "comment": "고용 증빙 누락"}, format="json")
    author.put(url, {"narrative": "증빙 보완", "actuals": [{"indicator": "jobs", "actual": 17}]}, format="json")
    author.post(f"{url}submit/")
    accepted = council_api.post(f"{url}review/", {"accept": True}, format="json").json()
    assert accepted["status"] == ReportStatus.ACCEPTED
    assert [(s["number"], s["content"]["kpi_actuals"]["jobs"]) for s in accepted["submissions"]] == [(1, 18), (2, 17)]
    assert author.put(url, {"narrative": "고침"}, format="json").status_code == 400


def test_only_the_lines_ministry_writes_it_and_every_change_keeps_its_reason(hamyang, official, council, staff):
    path = "/api/v1/support-lines/regional_visa/"
    moj = api_as(staff["MOJ"])
    too_many = moj.post(path, {"task": hamyang.pk, "values": {**VISA, "issued": 20}, "reason": "배정"}, format="json")
    assert too_many.status_code == 400
    assert too_many.json()["values"]["issued"] == ["Visas issued cannot exceed Persons allocated (12)."]
    no_reason = moj.post(path, {"task": hamyang.pk, "values": VISA}, format="json")
    assert no_reason.status_code == 400 and "reason" in no_reason.json()
    created = moj.post(path, {"task": hamyang.pk, "values": VISA, "reason": "1차 배정"}, format="json")
    assert created.status_code == 201, created.json()
    row = created.json()["id"]

    for outsider in (staff["MSS"], staff["MOIS"], council, official):
        api = api_as(outsider)
        assert api.put(f"{path}{row}/", {"values": {**VISA, "issued": 1}, "reason": "x"},
                       format="json").status_code == 403
        assert api.post(f"{path}{row}/remove/", {"reason": "x"}, format="json").status_code == 403
        assert api.post(path, {"task": hamyang.pk, "values": {**VISA, "year": 2027}, "reason": "x"},
                        format="json").status_code == 403
    assert SupportLineRow.objects.get().values["issued"] == 9 and SupportLineRow.objects.count() == 1

    changed = moj.put(f"{path}{row}/", {"values": {**VISA, "issued": 11}, "reason": "추가 발급"}, format="json")
    assert changed.status_code == 200 and changed.json()["values"]["issued"] == 11
    entry = AuditEntry.objects.filter(action="tracking.support_saved").latest("pk")
    assert (entry.actor_id, entry.reason, entry.changes["issued"]) == (staff["MOJ"].pk, "추가 발급", [9, 11])
    assert api_as(official).get(path).json()["results"][0]["values"]["issued"] == 11
    assert moj.post(f"{path}{row}/remove/", {"reason": "중복 입력"}, format="json").status_code == 204
    assert AuditEntry.objects.filter(action="tracking.support_removed", reason="중복 입력").exists()

    lines = {line["code"]: line["editable"] for line in moj.get("/api/v1/support-lines/").json()["results"]}
    assert lines == {"regional_visa": True, "extinction_fund": False, "rural_agreement_facility": False,
                     "sme_commercialization": False, "culture_tourism_content": False,
                     "fisheries_infrastructure": False}


@pytest.mark.parametrize(("values", "measure"), [
    ({**VISA, "requested": "many"}, "requested"), ({**VISA, "visa_type": "E-9"}, "visa_type"),
    ({**VISA, "colour": "red"}, "colour"), ({key: value for key, value in VISA.items() if key != "year"}, "year"),
    ({**VISA, "issued": 13}, "issued"), ({**VISA, "year": True}, "year"), ({**VISA, "allocated": -1}, "allocated"),
])
def test_a_value_that_does_not_fit_is_a_400_naming_its_measure(hamyang, staff, values, measure):
    response = api_as(staff["MOJ"]).post("/api/v1/support-lines/regional_visa/",
                                         {"task": hamyang.pk, "values": values, "reason": "배정"}, format="json")
    assert response.status_code == 400 and list(response.json()["values"]) == [measure], response.json()
    assert not SupportLineRow.objects.exists()


def test_an_unknown_line_is_a_404(staff):
    assert api_as(staff["MOJ"]).get("/api/v1/support-lines/no_such_line/").status_code == 404


def test_rows_of_tasks_the_caller_cannot_see_are_not_listed(tasks, staff):
    support_row(tasks["12720"], "regional_visa", **VISA)
    seoul = make_user(Role.PROVINCIAL_OFFICER, province=Province.objects.get(code="11"))
    gangnam = make_user(Role.LOCAL_OFFICIAL, local_government=LocalGovernment.objects.get(code="11680"))
    for user in (seoul, gangnam):
        assert api_as(user).get("/api/v1/support-lines/regional_visa/").json()["count"] == 0
    assert api_as(staff["MAFRA"]).get("/api/v1/support-lines/regional_visa/").json()["count"] == 1


def test_the_council_moves_a_task_with_a_reason(hamyang, official, council):
    url = f"/api/v1/selected-tasks/{hamyang.pk}/change-status/"
    assert api_as(official).post(url, {"status": "running", "reason": "x"}, format="json").status_code == 403
    moved = api_as(council).post(url, {"status": "running", "reason": "협약 체결"}, format="json")
    assert moved.status_code == 200 and moved.json()["status"] == TaskStatus.RUNNING
    assert AuditEntry.objects.filter(reason="협약 체결").exists()
