"""The council's dashboard: its figures are the sums of the rows they link to, it runs a bounded number of
queries whatever the number of tasks, and only the council and the ministries see it."""
from datetime import date
from io import BytesIO

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from accounts.roles import Role
from tests.factories import make_user
from tests.tracking.builders import more_tasks
from tracking.selectors import dashboard_figures
from tracking.services import record_disbursement
from tracking.tables import table_for

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]


@pytest.fixture
def busy(tasks, council):
    """The two confirmed tasks plus three more with payments, accepted reports and support rows."""
    run = tasks["48870"].decision.run
    record_disbursement(actor=council, line=tasks["48870"].agreement_lines.get(year=2026), amount_krw=250_000_000,
                        paid_on=date(2026, 2, 16))
    more_tasks(run, 3)
    return run.contest


def test_every_figure_equals_the_sum_of_the_rows_behind_it(busy):
    figures = dashboard_figures(busy, today=date(2026, 11, 23))
    assert figures.task_count == len(table_for("tasks", busy, {}).rows) == 5
    national = table_for("money", busy, {"source": "national"})
    money = {row["source"]: row for row in figures.money}
    assert money["national"]["agreed_krw"] == national.totals[6] == 2 * 1_000_000_000 + 3 * 400_000_000
    assert money["national"]["disbursed_krw"] == national.totals[7] == 250_000_000 + 3 * 100_000_000
    for entry in figures.support:
        table = table_for("support", busy, {"line": entry["line"].code})
        assert [total for _label, total in entry["totals"]] == [table.totals[index] for index in table.numeric]
    jobs = next(row for row in figures.kpis if row["indicator"] == "jobs")
    kpi_rows = table_for("kpis", busy, {"indicator": "jobs"})
    assert (jobs["target"], jobs["actual"]) == (kpi_rows.totals[5], kpi_rows.totals[6]) == (120, 30)
    assert figures.late_report_count == len(table_for("reports", busy, {"late": "1"}).rows) > 0


def test_the_page_shows_the_figures_with_links_to_their_rows_and_the_map(client, busy, council):
    client.force_login(council)
    page = client.get(reverse("tracking:dashboard")).content.decode()
    money_url = reverse("tracking:rows", args=[busy.pk, "money"])
    assert f'href="{money_url}?source=national"' in page and "3,200,000,000" in page
    assert 'id="korea-map"' in page and "Statistics Korea" in page
    assert f'href="{reverse("tracking:rows", args=[busy.pk, "tasks"])}?province=48"' in page
    assert "vendor/chartjs/chart.umd.min.js" in page
    rows = client.get(f"{money_url}?source=national").content.decode()
    assert "3,200,000,000" in rows and "550,000,000" in rows  # the footer's totals


def test_every_table_exports_to_xlsx_with_its_rows_and_totals(client, busy, council):
    client.force_login(council)
    response = client.get(reverse("tracking:rows", args=[busy.pk, "money"]), {"source": "national",
                                                                             "export": "xlsx"})
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    sheet = load_workbook(BytesIO(response.content)).active
    values = list(sheet.values)
    assert values[0][6] == "Agreed (KRW)" and len(values) == 1 + 7 + 1  # header, 2 + 2 + 3 national lines, totals
    assert values[-1][6] == 3_200_000_000
    for table in ("tasks", "kpis", "reports"):
        assert client.get(reverse("tracking:rows", args=[busy.pk, table]), {"export": "xlsx"}).status_code == 200
    assert client.get(reverse("tracking:rows", args=[busy.pk, "support"]),
                      {"line": "regional_visa", "export": "xlsx"}).status_code == 200


def test_the_dashboard_runs_a_bounded_number_of_queries(client, tasks, council, django_assert_max_num_queries):
    client.force_login(council)
    run = tasks["48870"].decision.run
    more_tasks(run, 1)
    with django_assert_max_num_queries(30) as few:
        client.get(reverse("tracking:dashboard"))
    more_tasks(run, 12)
    with django_assert_max_num_queries(len(few.captured_queries)):
        assert client.get(reverse("tracking:dashboard")).status_code == 200
    for table, params in (("tasks", {}), ("money", {}), ("kpis", {}), ("reports", {}),
                          ("support", {"line": "sme_commercialization"})):
        with django_assert_max_num_queries(12):
            assert client.get(reverse("tracking:rows", args=[run.contest_id, table]), params).status_code == 200
    with django_assert_max_num_queries(12):
        assert client.get(reverse("tracking:task-list")).status_code == 200
    with django_assert_max_num_queries(40):
        assert client.get(reverse("tracking:task", args=[tasks["48870"].pk])).status_code == 200


@pytest.mark.parametrize("role", [Role.LOCAL_OFFICIAL, Role.PROVINCIAL_OFFICER, Role.REVIEWER])
def test_only_the_council_and_the_ministries_see_the_dashboard(client, busy, role):
    client.force_login(make_user(role))
    assert client.get(reverse("tracking:dashboard")).status_code == 403
    for table in ("tasks", "money", "kpis", "reports"):
        assert client.get(reverse("tracking:rows", args=[busy.pk, table])).status_code == 403
    client.force_login(make_user(Role.MINISTRY_STAFF))
    assert client.get(reverse("tracking:dashboard")).status_code == 200
