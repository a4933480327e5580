"""Progress reports: written by the local government, accepted or returned by the council; the KPI figures
of accepted reports roll up against the proposal's targets."""
import re

import pytest
from django.urls import reverse

from applications.models import KpiTarget
from tests.documents import pdf, upload
from tests.factories import make_user
from tracking.models import ProgressReport, ReportStatus, SelectedTask
from tracking.selectors import kpi_rollup
from tracking.services import TrackingRefused, review_report, save_report, submit_report

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]


@pytest.fixture
def official(hamyang):
    return make_user("local_official", language="en")


@pytest.fixture
def targets(hamyang):
    KpiTarget.objects.bulk_create([KpiTarget(proposal=hamyang.proposal, indicator="jobs", target=80),
                                   KpiTarget(proposal=hamyang.proposal, indicator="sales_krw",
                                             target=5_000_000_000)])


def report(task, year, half):
    return ProgressReport.objects.get(task=task, year=year, half=half)


def sent(task, official, council, year, half, actuals, accept=True):
    current = report(task, year, half)
    save_report(actor=official, report=current, narrative=f"{year} H{half}", actuals=actuals)
    submit_report(actor=official, report=current)
    if accept is not None:
        review_report(actor=council, report=current, accept=accept, comment="" if accept else "증빙 보완")
    return current


def test_accepted_reports_roll_up_against_the_targets(hamyang, official, council, targets):
    sent(hamyang, official, council, 2026, 1, {"jobs": 18, "sales_krw": 850_000_000})
    sent(hamyang, official, council, 2026, 2, {"jobs": 22, "sales_krw": 1_150_000_000})
    sent(hamyang, official, council, 2027, 1, {"jobs": 100}, accept=None)  # submitted, not yet accepted
    sent(hamyang, official, council, 2027, 2, {"jobs": 100}, accept=False)  # returned
    lines = {line.indicator: line for line in kpi_rollup(SelectedTask.objects.filter(pk=hamyang.pk))[hamyang.pk]}
    assert (lines["jobs"].target, lines["jobs"].actual, lines["jobs"].achievement_pct) == (80, 40, 50)
    assert (lines["sales_krw"].actual, lines["sales_krw"].achievement_pct) == (2_000_000_000, 40)


def test_a_submitted_report_is_frozen_and_a_returned_one_is_sent_again(hamyang, official, council):
    current = sent(hamyang, official, council, 2026, 1, {"jobs": 18}, accept=None)
    with pytest.raises(TrackingRefused):
        save_report(actor=official, report=current, narrative="고침", actuals={})
    with pytest.raises(TrackingRefused, match="Say what must be corrected"):
        review_report(actor=council, report=current, accept=False, comment=" ")
    review_report(actor=council, report=current, accept=False, comment="고용 증빙 누락")
    save_report(actor=official, report=current, narrative="증빙 보완", actuals={"jobs": 17})
    submit_report(actor=official, report=current)
    first, second = current.submissions.order_by("number")
    assert first.content["kpi_actuals"] == {"jobs": 18} and first.content["narrative"] == "2026 H1"
    assert second.content["kpi_actuals"] == {"jobs": 17} and second.number == 2


def test_an_empty_report_is_not_submitted(hamyang, official):
    with pytest.raises(TrackingRefused, match="Describe the progress"):
        submit_report(actor=official, report=report(hamyang, 2026, 1))


def test_the_official_writes_and_submits_on_the_page_and_the_council_reviews(client, hamyang, official, council,
                                                                             targets):
    url = reverse("tracking:report", args=[report(hamyang, 2026, 1).pk])
    client.force_login(official)
    response = client.post(url, {"narrative": "", "kpi_jobs": "18", "kpi_sales_krw": "850,000,000", "submit": "1"})
    assert "Describe the progress" in response.content.decode()
    assert 'value="18"' in response.content.decode()  # what was typed is kept
    response = client.post(url, {"narrative": "참여기업 12개사 선정", "kpi_jobs": "18",
                                 "kpi_sales_krw": "850,000,000", "file": upload("실적증빙.pdf", pdf()),
                                 "submit": "1"})
    assert response.status_code == 302
    assert report(hamyang, 2026, 1).status == ReportStatus.SUBMITTED
    assert client.post(reverse("tracking:report-review", args=[report(hamyang, 2026, 1).pk]),
                       {"verdict": "accept"}).status_code == 403
    client.force_login(council)
    page = client.get(url).content.decode()
    assert "실적증빙.pdf" in page and "review-form" in page
    file_url = reverse("tracking:report-file", args=[report(hamyang, 2026, 1).pk,
                                                     report(hamyang, 2026, 1).attachments.get().pk])
    assert client.get(file_url).status_code == 200
    response = client.post(reverse("tracking:report-review", args=[report(hamyang, 2026, 1).pk]),
                           {"verdict": "accept", "comment": "확인"})
    assert response.status_code == 302
    assert report(hamyang, 2026, 1).status == ReportStatus.ACCEPTED


def test_the_council_does_not_write_the_local_governments_report(client, hamyang, council):
    client.force_login(council)
    response = client.post(reverse("tracking:report", args=[report(hamyang, 2026, 1).pk]),
                           {"narrative": "x", "submit": "1"})
    assert response.status_code == 403
    assert report(hamyang, 2026, 1).status == ReportStatus.DRAFT


@pytest.mark.parametrize(("language", "first", "second"), [("ko", "2026년 상반기", "2026년 하반기"),
                                                           ("en", "first half of 2026", "second half of 2026")])
def test_a_half_year_reads_in_words_on_the_timeline_and_the_report_pages(client, hamyang, official, council,
                                                                       language, first, second):
    """The timeline's audit entries keep the code (2026-H1); the reader sees the half-year in words."""
    official.language, council.language = language, language
    official.save(update_fields=["language"])
    council.save(update_fields=["language"])
    sent(hamyang, official, council, 2026, 1, {"jobs": 3})
    client.force_login(council)
    page = client.get(reverse("tracking:task", args=[hamyang.pk]), HTTP_ACCEPT_LANGUAGE=language).content.decode()
    timeline = page[page.index('id="timeline-events"'):]
    # A half-year code reads 2026-H1; a bare "H2" also turns up inside the page's random CSRF token.
    assert first in timeline and not re.search(r"\b\d{4}-H[12]\b", page)
    assert second in page  # the reports' table
    report_page = client.get(reverse("tracking:report", args=[report(hamyang, 2026, 2).pk])).content.decode()
    assert second in report_page and not re.search(r"\b\d{4}-H[12]\b", report_page)
