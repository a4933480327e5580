"""A proposal's support requests are rows against the ministries' lines, read from the one registry: the page
offers every line of the contest's ministries (a line added as data too), refuses what the line refuses beside
the field, and the frozen version and its comparison read the requests by their names."""
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from accounts.roles import Role
from applications.models import ProposalStatus, ProposalVersion
from applications.services import save_support_requests, submit_proposal
from applications.snapshot import render
from ministries.services import create_line_kind, create_ministry
from tests.factories import complete_sections, make_user

pytestmark = pytest.mark.usefixtures("registry")


def page_data(form, rows: dict[str, list[dict]]) -> dict[str, str]:
    """POST data as the page sends it: every line's management form, with ``rows`` filled in by line code."""
    data = {}
    for code, formset in form.formsets.items():
        wanted = rows.get(code, [])
        data.update({f"{formset.prefix}-{key}": value for key, value in formset.management_form.initial.items()})
        data[f"{formset.prefix}-TOTAL_FORMS"] = str(max(len(wanted), formset.total_form_count()))
        for index, row in enumerate(wanted):
            data.update({f"{formset.prefix}-{index}-{key}": value for key, value in row.items()})
    return data


def test_the_page_offers_each_line_by_ministry_and_refuses_beside_the_field(client, official, draft):
    client.force_login(official)
    url = reverse("applications:proposal-support", args=[draft.pk])
    page = client.get(url)
    body = page.content.decode()
    for heading in ("Ministry of Justice", "Region-specific visa", "Ministry of Oceans and Fisheries",
                    "Fisheries and aquaculture infrastructure", "Persons requested"):
        assert heading in body
    response = client.post(url, page_data(page.context["form"], {
        "regional_visa": [{"visa_type": "F-2-R"}, {"visa_type": "F-4-R", "requested": "many"}],
        "extinction_fund": [{"name": "기업지원센터"}],
        "sme_commercialization": [{"item": "marketing", "companies": "10"},
                                  {"item": "marketing", "companies": "2"}],
    }))
    assert response.status_code == 200
    form = response.context["form"]
    visa = form.formsets["regional_visa"].forms
    assert not visa[0].errors  # only half typed: a draft keeps it, and says what it still lacks
    assert visa[0].still_missing() == ["Persons requested is required."]
    assert visa[1].errors["requested"] == ["Enter a whole number."]
    assert not form.formsets["extinction_fund"].forms[0].errors
    assert "already has a request of this kind" in str(form.formsets["sme_commercialization"].forms[1].errors)
    assert 'value="기업지원센터"' in response.content.decode()
    assert not draft.support_requests.exists()

    response = client.post(url, page_data(page.context["form"], {
        "regional_visa": [{"visa_type": "F-2-R", "requested": "15", "description": "가공 인력"}],
        "extinction_fund": [{"name": "기업지원센터", "approved_krw": "1,200,000,000"}],
        "fisheries_infrastructure": [{"facility": "양식장", "amount_krw": "300,000,000"}],
    }))
    assert response.status_code == 302
    saved = {request.line.code: request for request in draft.support_requests.select_related("line")}
    assert saved["regional_visa"].values == {"visa_type": "F-2-R", "requested": 15}
    assert saved["regional_visa"].description == "가공 인력"
    assert saved["extinction_fund"].values == {"name": "기업지원센터", "approved_krw": 1_200_000_000}
    assert saved["fisheries_infrastructure"].values == {"facility": "양식장", "amount_krw": 300_000_000}
    again = client.get(url).content.decode()
    assert 'value="1,200,000,000"' in again or 'value="1200000000"' in again
    detail = client.get(reverse("applications:proposal-detail", args=[draft.pk])).content.decode()
    assert "Ministry of Justice · Region-specific visa: Visa type F-2-R region-specific talent residence, " \
           "Persons requested 15" in detail


def test_a_ministry_and_line_added_as_data_are_offered_and_saved_with_no_code(client, official, draft):
    council = make_user(Role.COUNCIL_STAFF)
    create_ministry(actor=council, code="MOE", name_ko="교육부", name_en="Ministry of Education")
    create_line_kind(actor=council, ministry_code="MOE", code="local_talent", name_ko="지역인재 양성",
                     name_en="Local talent training", measures=[
                         {"code": "course", "name_ko": "과정", "name_en": "Course", "type": "text",
                          "required": True, "requestable": True, "key": True},
                         {"code": "trainees", "name_ko": "교육 인원", "name_en": "Trainees", "type": "count",
                          "required": True, "summed": True, "requestable": True},
                         {"code": "completed", "name_ko": "수료 인원", "name_en": "Completed", "type": "count"}])
    client.force_login(official)
    url = reverse("applications:proposal-support", args=[draft.pk])
    page = client.get(url)
    body = page.content.decode()
    assert "Ministry of Education" in body and "Local talent training" in body and "Trainees" in body
    assert "requests-local_talent-0-completed" not in body  # not a requestable measure
    client.post(url, page_data(page.context["form"], {"local_talent": [{"course": "산삼 가공", "trainees": "20"}]}))
    request = draft.support_requests.get()
    assert (request.line.code, request.values) == ("local_talent", {"course": "산삼 가공", "trainees": 20})


def test_a_contest_offers_only_its_ministries_lines_but_keeps_a_request_already_made(client, official, draft):
    from ministries.models import Ministry

    save_support_requests(actor=official, proposal=draft, requests=[
        {"line": "fisheries_infrastructure", "values": {"facility": "양식장", "amount_krw": 1}}])
    draft.contest.participating_ministries.set(Ministry.objects.filter(code__in=["MSS", "MOJ"]))
    client.force_login(official)
    form = client.get(reverse("applications:proposal-support", args=[draft.pk])).context["form"]
    assert list(form.formsets) == ["sme_commercialization", "regional_visa", "fisheries_infrastructure"]
    from applications.services import SubmissionRefused

    with pytest.raises(SubmissionRefused, match="No support line of this contest"):
        save_support_requests(actor=official, proposal=draft, requests=[
            {"line": "culture_tourism_content", "values": {"programme": "축제", "amount_krw": 1}}])


def _resubmitted(proposal, official):
    """The proposal submitted, sent back for a correction, its requests changed and submitted again."""
    from applications.services import request_correction

    submit_proposal(actor=official, proposal=proposal)
    request_correction(actor=make_user(Role.COUNCIL_STAFF), proposal=proposal, reason="지원 요청 보완",
                       due_at=timezone.now() + timedelta(days=3))
    save_support_requests(actor=official, proposal=proposal, requests=[
        {"line": "regional_visa", "values": {"visa_type": "F-2-R", "requested": 12}},
        {"line": "sme_commercialization", "values": {"item": "marketing", "companies": 8,
                                                     "amount_krw": 200_000_000}}])
    submit_proposal(actor=official, proposal=proposal)
    proposal.refresh_from_db()
    assert proposal.status == ProposalStatus.RESUBMITTED


def test_versions_freeze_the_requests_and_the_comparison_names_what_changed(client, official, draft):
    complete_sections(draft, official)
    _resubmitted(draft, official)
    first, _second = draft.versions.order_by("number")
    assert first.content["support_requests"][0] == {
        "line": "regional_visa", "values": {"visa_type": "F-2-R", "requested": 10}, "description": ""}
    client.force_login(official)
    compare = client.get(reverse("applications:proposal-versions", args=[draft.pk]))
    rows = {row.label: row for row in compare.context["rows"]}
    assert [label for label, row in rows.items() if row.changed] == ["Support requests"]
    assert "Region-specific visa: Visa type F-2-R region-specific talent residence, Persons requested 10" \
        in rows["Support requests"].older
    assert "Persons requested 12" in rows["Support requests"].newer
    assert "Support item Marketing, Companies supported 8, Amount (KRW) 200,000,000" in rows["Support requests"].newer


def test_a_version_frozen_in_the_old_shape_reads_as_the_same_requests(official, draft):
    """Versions submitted before requests were rows keep their fixed fields; they read as today's rows do."""
    complete_sections(draft, official)
    version = submit_proposal(actor=official, proposal=draft)
    old = {"support_requests": [
        {"line": "regional_visa", "visa_type": "F-2-R", "persons": 10, "project_name": "", "support_item": "",
         "companies": None, "amount_krw": None, "description": ""},
        {"line": "sme_commercialization", "visa_type": "", "persons": None, "project_name": "",
         "support_item": "marketing", "companies": 8, "amount_krw": 200_000_000, "description": ""}]}
    assert render(old, "support_requests") == render(version.content, "support_requests")
    assert ProposalVersion.objects.get(pk=version.pk).checksum_matches


def test_the_api_takes_values_and_names_the_row_and_measure_it_refuses(official, draft):
    from tests.factories import api_as

    api = api_as(official)
    url = f"/api/v1/proposals/{draft.pk}/support-requests/"
    refused = api.put(url, {"requests": [
        {"line": "regional_visa", "values": {"visa_type": "F-2-R", "requested": 3}},
        {"line": "regional_visa", "values": {"visa_type": "F-2-R", "requested": "many"}},
        {"line": "no_such_line", "values": {}},
        {"line": "sme_commercialization", "values": {"item": "gold", "companies": 1, "issued": 2}}]},
        format="json")
    assert refused.status_code == 400
    errors = refused.json()["requests"]
    assert errors[0] == {}
    assert list(errors[1]) == ["requested"]
    assert list(errors[2]) == ["line"]
    assert set(errors[3]) == {"item", "issued"}
    assert not draft.support_requests.exists()
    saved = api.put(url, {"requests": [
        {"line": "regional_visa", "values": {"visa_type": "F-2-R", "requested": 3}, "description": "연구 인력"},
        {"line": "sme_commercialization", "values": {"item": "marketing", "companies": 2}}]}, format="json")
    assert saved.status_code == 200
    assert saved.json()["support_requests"] == [
        {"line": "regional_visa", "values": {"visa_type": "F-2-R", "requested": 3}, "description": "연구 인력",
         "missing": []},
        {"line": "sme_commercialization", "values": {"item": "marketing", "companies": 2}, "description": "",
         "missing": []}]
    twice = api.put(url, {"requests": [
        {"line": "regional_visa", "values": {"visa_type": "F-2-R", "requested": 3}},
        {"line": "regional_visa", "values": {"visa_type": "F-2-R", "requested": 4}}]}, format="json").json()
    assert "already has a request of this kind" in twice["requests"][1]["non_field_errors"][0]

