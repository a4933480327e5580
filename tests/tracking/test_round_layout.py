"""Issue 20, by kind: every page, export, API and paper that names or filters a task's province shows its round's
layout. The ``tasks`` round closes on 2025-10-20, before the 2026-07-01 merger: Gokseong-gun (12720, 46720 then)
stands in 전라남도 there; a 2027 round's Gokseong-gun stands in 전남광주통합특별시."""
import io
import json
from datetime import datetime

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from applications.models import SEOUL
from tests.factories import api_as, make_contest
from tests.tracking.builders import confirmed_run, more_tasks
from tracking.models import SelectedTask

pytestmark = pytest.mark.django_db

OLD, MERGED = "전라남도", "전남광주통합특별시"


@pytest.fixture
def korean(council):
    council.language = "ko"
    council.save(update_fields=["language"])
    return council


@pytest.fixture
def rounds(tasks, korean, django_capture_on_commit_callbacks):
    """{"2025": Gokseong's task of the ``tasks`` round, "2027": Gokseong's task of a round dated 2027-02-01}."""
    run = confirmed_run(korean, django_capture_on_commit_callbacks, scores={"12720": ([80] * 3, [90] * 3)},
                        target=1, year=2027)
    run.contest.application_closes_at = datetime(2027, 2, 1, 18, 0, tzinfo=SEOUL)
    run.contest.save(update_fields=["application_closes_at"])
    return {"2025": tasks["12720"], "2027": SelectedTask.objects.get(decision__run=run)}


def page(client, url, params=None, status=200) -> str:
    response = client.get(url, params or {})
    assert response.status_code == status, url
    return response.content.decode()


def test_the_task_list_names_filters_and_offers_each_rounds_provinces(client, rounds, korean):
    client.force_login(korean)
    listed = page(client, reverse("tracking:task-list"))
    assert f"{OLD} 곡성군" in listed and f"{MERGED} 곡성군" in listed
    assert all(f'<option value="{code}"' in listed for code in ("12", "29", "46"))  # both rounds' layouts
    old = page(client, reverse("tracking:task-list"), {"province": "46"})
    assert f"{OLD} 곡성군" in old and MERGED not in old.split('id="task-table"')[1]
    merged = page(client, reverse("tracking:task-list"), {"province": "12"})
    assert f"{MERGED} 곡성군" in merged and f"{OLD} 곡성군" not in merged
    in_round = page(client, reverse("tracking:task-list"), {"province": "46", "contest": rounds["2025"].contest_id})
    provinces = in_round.split('id="f-province"', 1)[1].split("</select>", 1)[0]  # not the contests' ids
    assert '<option value="29"' in provinces and '<option value="12"' not in provinces
    nothing = page(client, reverse("tracking:task-list"), {"province": "46", "contest": rounds["2027"].contest_id})
    assert "필터에 맞는 과제가 없습니다" in nothing and "아직 선정 과제가 없습니다" not in nothing
    unknown = page(client, reverse("tracking:task-list"), {"contest": "99999"})
    assert "요청한 공모" in unknown and "아직 선정 과제가 없습니다" not in unknown
    detail = page(client, reverse("tracking:task", args=[rounds["2025"].pk]))
    assert f"{OLD} 곡성군" in detail


def test_the_dashboard_map_and_its_rows_and_exports_agree_on_the_rounds_layout(client, rounds, korean):
    client.force_login(korean)
    old, later = rounds["2025"].contest, rounds["2027"].contest
    dashboard = page(client, reverse("tracking:dashboard"), {"contest": old.pk})
    assert f"<title>{OLD}: 1</title>" in dashboard and f"{MERGED}:" not in dashboard
    rows_url = reverse("tracking:rows", args=[old.pk, "tasks"])
    rows = page(client, rows_url, {"province": "46"})
    assert f"<td>{OLD}</td>" in rows and "곡성군" in rows and MERGED not in rows
    for table in ("tasks", "money", "reports"):
        sheet = load_workbook(io.BytesIO(client.get(reverse("tracking:rows", args=[old.pk, table]),
                                                    {"export": "xlsx"}).content)).active
        cells = [cell.value for row in sheet.iter_rows() for cell in row]
        assert OLD in cells and MERGED not in cells, table
    merged = page(client, reverse("tracking:dashboard"), {"contest": later.pk})
    assert f"<title>{MERGED}: 1</title>" in merged and f"<title>{OLD}:" not in merged
    assert f"<td>{MERGED}</td>" in page(client, reverse("tracking:rows", args=[later.pk, "tasks"]), {"province": "12"})


def test_the_dashboard_offers_every_contest_and_says_when_one_is_unknown(client, rounds, korean):
    client.force_login(korean)
    empty = make_contest(year=2028, closes=datetime(2028, 2, 1, 18, 0, tzinfo=SEOUL))
    dashboard = page(client, reverse("tracking:dashboard"))
    assert f'<option value="{empty.pk}"' in dashboard and f'<option value="{rounds["2027"].contest_id}"' in dashboard
    assert "선정 과제가 아직 없습니다" in page(client, reverse("tracking:dashboard"), {"contest": empty.pk})
    unknown = page(client, reverse("tracking:dashboard"), {"contest": "99999"}, status=404)
    assert 'id="dashboard-unknown-contest"' in unknown and "99999" in unknown and "figure-tasks" not in unknown


def test_the_api_gives_and_filters_the_rounds_province(rounds, korean):
    listed = api_as(korean).get("/api/v1/selected-tasks/", {"province": "46"}).json()["results"]
    assert [(row["id"], row["province_code"]) for row in listed] == [(rounds["2025"].pk, "46")]
    listed = api_as(korean).get("/api/v1/selected-tasks/", {"province": "12"}).json()["results"]
    assert [(row["id"], row["province_code"]) for row in listed] == [(rounds["2027"].pk, "12")]
    detail = api_as(korean).get(f"/api/v1/selected-tasks/{rounds['2025'].pk}/").json()
    assert detail["province_code"] == "46" and detail["province_name"] == OLD


def test_the_ministry_desk_shows_the_rounds_province(client, rounds, staff):
    staff["MOJ"].language = "ko"
    staff["MOJ"].save(update_fields=["language"])
    client.force_login(staff["MOJ"])
    table = client.get(reverse("tracking:desk"), {"province": "46"}).context["table"]
    assert [(row.task.pk, table.cells(row)[2]) for row in table.rows] == [(rounds["2025"].pk, OLD)]


def test_the_public_results_draw_one_map_per_layout_and_count_each_task_in_its_rounds(client, rounds):
    results = page(client, "/results/", {"lang": "ko"})
    later_map, older_map = results.split('id="korea-map"')[1].split('id="korea-map-1"')
    assert f"<title>{MERGED}: 1</title>" in later_map and f"<title>{OLD}:" not in later_map
    assert f"<title>{OLD}: 1</title>" in older_map and f"<title>{MERGED}:" not in older_map
    # The older map's heading names the round by its funding year (the contest of 2025 is the 2026 round).
    older_round = rounds["2025"].decision.run.contest.round_year
    assert f"{older_round}" in results.split('id="map-rounds-1"')[1][:80]
    rows = json.loads(client.get("/results/selected-tasks.json?province=46").content)["tasks"]
    assert [(row["contest_year"], row["province_ko"]) for row in rows] == [(2025, OLD)]


def test_the_task_list_reads_a_bounded_number_of_queries(client, rounds, korean, django_assert_max_num_queries):
    client.force_login(korean)
    more_tasks(rounds["2025"].decision.run, 8)
    with django_assert_max_num_queries(16):
        assert client.get(reverse("tracking:task-list")).status_code == 200
    with django_assert_max_num_queries(16):
        assert client.get(reverse("tracking:task-list"), {"province": "46"}).status_code == 200
    with django_assert_max_num_queries(12):
        assert api_as(korean).get("/api/v1/selected-tasks/").status_code == 200


def test_the_selection_and_review_pages_and_papers_name_the_rounds_province(client, rounds, korean):
    from tests.papers import pdf_text

    client.force_login(korean)
    decision = rounds["2025"].decision
    run_page = page(client, reverse("selection:run", args=[decision.run_id]))
    assert f"{OLD} 곡성군" in run_page and MERGED not in run_page
    sheet = load_workbook(io.BytesIO(client.get(reverse("selection:run-export", args=[decision.run_id])).content))
    assert f"{OLD} 곡성군" in [cell.value for row in sheet.active.iter_rows() for cell in row]
    assert OLD in pdf_text(client.get(reverse("selection:decision-letter", args=[decision.pk])))
    panel = decision.proposal.panelproposal_set.get(stage="document").panel
    ranking = page(client, reverse("reviews:panel-results", args=[panel.pk]))
    assert f"{OLD} 곡성군" in ranking and MERGED not in ranking
    paper = pdf_text(client.get(reverse("reviews:panel-results-pdf", args=[panel.pk])))
    assert OLD in paper and MERGED not in paper
    listed = page(client, reverse("applications:contest-proposals", args=[decision.run.contest_id]))
    assert OLD in listed and MERGED not in listed
    exported = page(client, reverse("applications:contest-proposals-export", args=[decision.run.contest_id, "csv"]))
    assert f"곡성군,{OLD}" in exported and MERGED not in exported
    later = rounds["2027"].decision
    assert f"{MERGED} 곡성군" in page(client, reverse("selection:run", args=[later.run_id]))
