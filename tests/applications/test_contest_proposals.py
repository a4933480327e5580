"""The council's list of a contest's proposals: filters, search, sort, pages, export; and announcement files."""
import csv
import io

import pytest
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from accounts.roles import Role
from applications.models import ContestAttachment, Proposal
from applications.services import (
    add_preliminary_selection,
    confirm_provincial_match,
    create_proposal,
    save_support_requests,
    submit_proposal,
)
from regions.models import LocalGovernment
from tests import documents
from tests.applications.test_proposal_services import SECTIONS
from tests.factories import complete_sections, make_open_contest, make_user

pytestmark = pytest.mark.usefixtures("registry", "english")

# Gyeongnam's Hamyang (designated), Jeonnam's Gokseong (designated), Gyeongbuk's Uiseong (designated).
CODES = {"48870": "산삼 항노화", "12720": "곡성 섬진강 관광", "47730": "의성 마늘 바이오"}


@pytest.fixture
def contest():
    return make_open_contest()


@pytest.fixture
def council():
    return make_user(Role.COUNCIL_STAFF, language="en")


@pytest.fixture
def round_(contest):
    """Three proposals: Hamyang submitted with MOJ and MSS requests, Gokseong submitted, Uiseong a draft."""
    proposals = {}
    for code, title in CODES.items():
        lg = LocalGovernment.objects.get(code=code)
        official = make_user(Role.LOCAL_OFFICIAL, local_government=lg)
        proposal = create_proposal(actor=official, contest=contest, values={**SECTIONS, "title": title},
                                   lead_local_government=lg)
        complete_sections(proposal, official)
        if code != "47730":
            submit_proposal(actor=official, proposal=proposal)
        proposals[code] = proposal
    save_support_requests(actor=None, proposal=proposals["47730"], requests=[
        {"line": "extinction_fund", "values": {"name": "마늘 가공단지", "approved_krw": 500_000_000}}])
    return proposals


def listing(client, contest, **params):
    return client.get(reverse("applications:contest-proposals", args=[contest.pk]), params)


def titles(response):
    return [proposal.title for proposal in response.context["proposals"]]


def test_filters_search_and_sort(client, council, contest, round_):
    client.force_login(council)
    assert titles(listing(client, contest)) == ["산삼 항노화", "곡성 섬진강 관광", "의성 마늘 바이오"]  # receipt order
    gyeongnam = LocalGovernment.objects.get(code="48870").province
    assert titles(listing(client, contest, province=gyeongnam.pk)) == ["산삼 항노화"]
    assert titles(listing(client, contest, status="draft")) == ["의성 마늘 바이오"]
    assert titles(listing(client, contest, ministry="MOIS")) == ["의성 마늘 바이오"]
    assert set(titles(listing(client, contest, ministry="MOJ"))) == {"산삼 항노화", "곡성 섬진강 관광"}
    assert titles(listing(client, contest, q="곡성")) == ["곡성 섬진강 관광"]  # by local government name
    assert titles(listing(client, contest, q="마늘")) == ["의성 마늘 바이오"]  # by title
    # 곡성군 < 의성군 < 함양군
    assert titles(listing(client, contest, sort="local_government")) == ["곡성 섬진강 관광", "의성 마늘 바이오",
                                                                         "산삼 항노화"]


def test_designation_filter_is_judged_on_the_contest_deadline_and_knows_preliminary_selections(
        client, council, contest, round_):
    client.force_login(council)
    assert len(titles(listing(client, contest, designation="population_declining"))) == 3
    assert titles(listing(client, contest, designation="preliminary")) == []
    add_preliminary_selection(actor=council, contest=contest, local_government=LocalGovernment.objects.get(
        code="48870"), programme="지역혁신 공모", selected_on=timezone.localdate(), reason="test")
    assert titles(listing(client, contest, designation="preliminary")) == ["산삼 항노화"]


def test_rows_show_money_and_confirmation(client, council, contest, round_):
    confirm_provincial_match(actor=make_user(Role.PROVINCIAL_OFFICER), proposal=round_["48870"],
                             amount_krw=50_000_000)
    client.force_login(council)
    rows = {proposal.title: proposal for proposal in listing(client, contest).context["proposals"]}
    hamyang = rows["산삼 항노화"]
    assert (hamyang.national_krw, hamyang.provincial_krw, hamyang.confirmed_provincial_krw) == (
        1_000_000_000, 50_000_000, 50_000_000)
    assert hamyang.ministry_codes == ["MOJ", "MSS"]
    assert rows["곡성 섬진강 관광"].confirmed_provincial_krw is None


def test_pages_of_25(client, council, contest):
    official = make_user(Role.LOCAL_OFFICIAL)
    eligible = LocalGovernment.objects.filter(designations__kind="population_declining").distinct()[:30]
    for lg in eligible:
        create_proposal(actor=official, contest=contest, values={"title": f"과제 {lg.code}"}, lead_local_government=lg)
    client.force_login(council)
    first, second = listing(client, contest), listing(client, contest, page=2)
    assert len(first.context["proposals"]) == 25 and len(second.context["proposals"]) == 5
    assert "30 proposals" in first.content.decode()


def test_the_list_runs_fixed_queries_whatever_the_rows(client, council, contest, round_,
                                                       django_assert_max_num_queries):
    client.force_login(council)
    # 12, and two to stand the lead local governments in the contest's layout (periods, codes; issue 20)
    with django_assert_max_num_queries(14) as few:
        listing(client, contest)
    official = make_user(Role.LOCAL_OFFICIAL)
    for lg in LocalGovernment.objects.filter(designations__kind="population_declining").exclude(
            code__in=CODES).distinct()[:20]:
        proposal = create_proposal(actor=official, contest=contest, values={"title": lg.name},
                                   lead_local_government=lg)
        complete_sections(proposal, official)
    with django_assert_max_num_queries(len(few.captured_queries)):
        response = listing(client, contest)
    assert len(response.context["proposals"]) == 23


def test_csv_export_follows_the_filters_and_keeps_won_whole(client, council, contest, round_):
    client.force_login(council)
    response = client.get(reverse("applications:contest-proposals-export", args=[contest.pk, "csv"]),
                          {"status": "submitted"})
    text = response.content.decode("utf-8")
    assert text.startswith("\ufeff") and response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(text.lstrip("\ufeff"))))
    assert rows[0][:4] == ["Receipt number", "Status", "Title", "Lead local government"]
    assert [row[2] for row in rows[1:]] == ["산삼 항노화", "곡성 섬진강 관광"]
    assert rows[1][6] == "1000000000" and rows[1][10] == "1170000000"


def test_xlsx_export_opens_in_a_spreadsheet(client, council, contest, round_):
    client.force_login(council)
    response = client.get(reverse("applications:contest-proposals-export", args=[contest.pk, "xlsx"]))
    sheet = load_workbook(io.BytesIO(response.content)).active
    values = list(sheet.values)
    assert values[0][0] == "Receipt number" and len(values) == 4
    assert values[1][2] == "산삼 항노화" and values[1][6] == 1_000_000_000


def test_an_unknown_export_format_is_404(client, council, contest):
    client.force_login(council)
    assert client.get(reverse("applications:contest-proposals-export", args=[contest.pk, "pdf"])).status_code == 404


@pytest.mark.parametrize("role", [Role.LOCAL_OFFICIAL, Role.PROVINCIAL_OFFICER, Role.REVIEWER, Role.MINISTRY_STAFF])
def test_only_the_council_sees_the_whole_list_and_exports(client, contest, round_, role):
    client.force_login(make_user(role))
    assert listing(client, contest).status_code == 403
    for file_format in ("csv", "xlsx"):
        url = reverse("applications:contest-proposals-export", args=[contest.pk, file_format])
        assert client.get(url).status_code == 403


def test_council_publishes_an_announcement_file_everyone_signed_in_can_read(client, council, contest):
    client.force_login(council)
    refused = client.post(reverse("applications:contest-file-add", args=[contest.pk]), {
        "title": "공고문", "file": documents.upload("공고문.pdf", documents.xlsx())})
    assert refused.context["file_form"].errors["file"] == [
        "The file is named .pdf but its content is not a PDF document."]
    assert 'value="공고문"' in refused.content.decode() and not ContestAttachment.objects.exists()
    client.post(reverse("applications:contest-file-add", args=[contest.pk]), {
        "title": "공고문", "file": documents.upload("공고문.pdf", documents.pdf())})
    attachment = ContestAttachment.objects.get()
    for role in (Role.LOCAL_OFFICIAL, Role.REVIEWER, Role.MINISTRY_STAFF):
        client.force_login(make_user(role))
        url = reverse("applications:contest-file-download", args=[contest.pk, attachment.pk])
        assert client.get(url).status_code == 200
        assert client.post(reverse("applications:contest-file-add", args=[contest.pk]), {
            "title": "x", "file": documents.upload("x.pdf", documents.pdf())}).status_code == 403
        assert client.post(reverse("applications:contest-file-remove", args=[contest.pk, attachment.pk]),
                           {"reason": "x"}).status_code == 403
    client.logout()
    response = client.get(reverse("applications:contest-file-download", args=[contest.pk, attachment.pk]))
    assert response.status_code == 302
    assert Proposal.objects.count() == 0
