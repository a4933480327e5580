"""A draft keeps every half-typed row as typed, on every row-based part of a proposal (participating companies,
support requests, the budget table, KPI targets), through the pages and the API alike: the section page shows
the row again with what it still lacks, the proposal's checklist names the row, submission is refused naming it,
and once completed the same proposal is submitted. A value typed wrong (a bad check digit, a word for a number)
is still refused at once, beside its field, with everything typed kept."""
from dataclasses import dataclass, field

import pytest
from django.urls import reverse

from applications.models import ProposalVersion
from applications.services import save_companies, submit_proposal
from audit.selectors import history_of
from tests.applications.test_support_requests import page_data
from tests.factories import COMPANIES, KPI_TARGETS, api_as, budget_cells, complete_sections, formset_data

pytestmark = pytest.mark.usefixtures("registry")


@dataclass
class RowKind:
    """One row-based part: its page, its API door, a half-typed save and a complete one in both shapes, and
    what the official is told about the half-typed row."""

    name: str
    page: str
    api: str
    audit_action: str
    half_page: dict
    full_page: dict
    half_api: dict
    full_api: dict
    typed: list[str]  # what the page shows again after the half save
    missing: list[str]  # what it says the row still lacks
    row_named: str  # how the checklist and the refusal name the row
    api_missing: tuple[str, int, list[str]] | None = None  # (the detail's part, row index, missing codes)
    api_checklist_part: str = field(default="")


def _budget_page(cells):
    return {f"amount_{year}_{source}": f"{amount:,}" for (year, source), amount in cells.items()}


def _kinds(draft) -> list[RowKind]:
    years = sorted({year for year, _source in budget_cells(draft.contest)})
    return [
        RowKind(
            name="companies", page="applications:proposal-companies", api="companies",
            audit_action="proposal.companies_saved",
            half_page=formset_data("companies", [
                {"name": "지리산산삼바이오", "business_registration_number": "220-81-62517", "growth_stage": "early"},
                {"name": "한빛식품"},
                {"business_registration_number": "124-81-00998", "youth_led": "on"}]),
            full_page=formset_data("companies", [
                {"name": "지리산산삼바이오", "business_registration_number": "220-81-62517", "growth_stage": "early"},
                {"name": "한빛식품", "business_registration_number": "124-81-00998", "growth_stage": "growth"}]),
            half_api={"companies": [
                {"name": "지리산산삼바이오", "business_registration_number": "220-81-62517", "growth_stage": "early"},
                {"name": "한빛식품"},
                {"business_registration_number": "124-81-00998", "youth_led": True}]},
            full_api={"companies": COMPANIES},
            typed=['value="한빛식품"', 'value="124-81-00998"'],
            missing=["Still missing: Business registration number, Growth stage.",
                     "Still missing: Company name, Growth stage."],
            row_named="Company 2 (한빛식품): Business registration number, Growth stage",
            api_missing=("companies", 1, ["business_registration_number", "growth_stage"]),
            api_checklist_part="companies"),
        RowKind(
            name="support_requests", page="applications:proposal-support", api="support-requests",
            audit_action="proposal.support_requests_saved",
            half_page={"regional_visa": [{"visa_type": "F-2-R", "description": "가공 인력"}],
                       "extinction_fund": [{"name": "기업지원센터"}]},
            full_page={"regional_visa": [{"visa_type": "F-2-R", "requested": "15", "description": "가공 인력"}],
                       "extinction_fund": [{"name": "기업지원센터", "approved_krw": "1,200,000,000"}]},
            half_api={"requests": [{"line": "regional_visa", "values": {"visa_type": "F-2-R"},
                                    "description": "가공 인력"},
                                   {"line": "extinction_fund", "values": {"name": "기업지원센터"}}]},
            full_api={"requests": [{"line": "regional_visa", "values": {"visa_type": "F-2-R", "requested": 15}},
                                   {"line": "extinction_fund",
                                    "values": {"name": "기업지원센터", "approved_krw": 1_200_000_000}}]},
            typed=["가공 인력", 'value="기업지원센터"'],
            missing=["Persons requested is required."],
            row_named="Region-specific visa, request 1: Persons requested is required.",
            api_missing=("support_requests", 0, ["requested"]), api_checklist_part="support_requests"),
        RowKind(
            name="budget", page="applications:proposal-budget", api="budget", audit_action="proposal.budget_saved",
            half_page={f"amount_{years[0]}_national": "300,000,000"},
            full_page=_budget_page(budget_cells(draft.contest)),
            half_api={"lines": [{"year": years[0], "source": "national", "amount_krw": 300_000_000}]},
            full_api={"lines": [{"year": year, "source": source, "amount_krw": amount}
                                for (year, source), amount in budget_cells(draft.contest).items()]},
            typed=['value="300,000,000"'],
            missing=["Provincial matching totals 0 KRW"],
            row_named="Provincial matching totals 0 KRW", api_checklist_part="budget"),
        RowKind(
            name="kpi_targets", page="applications:proposal-kpi", api="kpi-targets",
            audit_action="proposal.kpi_targets_saved",
            half_page={"jobs": "40"}, full_page={key: f"{value:,}" for key, value in KPI_TARGETS.items()},
            half_api={"targets": [{"indicator": "jobs", "target": 40}]},
            full_api={"targets": [{"indicator": key, "target": value} for key, value in KPI_TARGETS.items()]},
            typed=['value="40"'], missing=[],
            row_named="Missing: Youth jobs created, Companies supported", api_checklist_part="kpi_targets"),
    ]


KIND_NAMES = ["companies", "support_requests", "budget", "kpi_targets"]


def _kind(draft, name: str) -> RowKind:
    return next(kind for kind in _kinds(draft) if kind.name == name)


def _post_section(client, draft, kind: RowKind, rows: dict):
    url = reverse(kind.page, args=[draft.pk])
    data = page_data(client.get(url).context["form"], rows) if kind.name == "support_requests" else rows
    return client.post(url, data)


@pytest.mark.parametrize("name", KIND_NAMES)
def test_a_half_typed_row_is_kept_shown_with_what_it_lacks_and_stops_only_the_submission(client, official, draft,
                                                                                          name):
    kind = _kind(draft, name)
    complete_sections(draft, official)
    client.force_login(official)

    saved = _post_section(client, draft, kind, kind.half_page)
    assert saved.status_code == 302, saved.context and saved.context["form"].errors
    assert history_of(draft).filter(action=kind.audit_action, actor=official).exists()

    again = client.get(reverse(kind.page, args=[draft.pk])).content.decode()
    for typed in kind.typed:
        assert typed in again, typed
    for missing in kind.missing:
        assert missing in again, missing
    detail = client.get(reverse("applications:proposal-detail", args=[draft.pk])).content.decode()
    assert kind.row_named in detail

    refused = client.post(reverse("applications:proposal-submit", args=[draft.pk]), follow=True)
    body = refused.content.decode()
    assert "Complete these sections first" in body and kind.row_named in body
    assert not ProposalVersion.objects.filter(proposal=draft).exists()

    assert _post_section(client, draft, kind, kind.full_page).status_code == 302
    done = client.post(reverse("applications:proposal-submit", args=[draft.pk]), follow=True)
    assert "Receipt number" in done.content.decode()
    assert ProposalVersion.objects.filter(proposal=draft).count() == 1


@pytest.mark.parametrize("name", KIND_NAMES)
def test_the_api_keeps_half_typed_rows_names_them_and_refuses_the_submission_until_complete(official, draft,
                                                                                            name):
    kind = _kind(draft, name)
    complete_sections(draft, official)
    api = api_as(official)
    url = f"/api/v1/proposals/{draft.pk}/"

    saved = api.put(f"{url}{kind.api}/", kind.half_api, format="json")
    assert saved.status_code == 200, saved.json()
    answer = saved.json()
    if kind.api_missing:
        part, index, missing = kind.api_missing
        assert answer[part][index]["missing"] == missing
    item = next(item for item in answer["checklist"] if item["part"] == kind.api_checklist_part)
    assert not item["done"] and any(kind.row_named in row for row in item["rows"]), item

    refused = api.post(f"{url}submit/")
    assert refused.status_code == 400 and kind.row_named in refused.json()["detail"][0]
    assert not ProposalVersion.objects.filter(proposal=draft).exists()

    assert api.put(f"{url}{kind.api}/", kind.full_api, format="json").status_code == 200
    submitted = api.post(f"{url}submit/")
    assert submitted.status_code == 200, submitted.json()
    assert all(item["done"] for item in submitted.json()["proposal"]["checklist"])


def test_a_value_typed_wrong_is_still_refused_beside_its_field_with_every_row_kept(client, official, draft):
    """Half typed is not typed wrong: a bad check digit or a word for a number is refused at once (nothing of the
    section saved), beside its field, with every row shown again as typed."""
    client.force_login(official)
    url = reverse("applications:proposal-companies", args=[draft.pk])
    response = client.post(url, formset_data("companies", [
        {"name": "한빛식품"}, {"name": "오타기업", "business_registration_number": "124-81-00990"}]))
    assert response.status_code == 200
    body = response.content.decode()
    assert "124-81-00990 is not a valid business registration number" in body
    assert 'value="한빛식품"' in body and 'value="오타기업"' in body
    assert not draft.companies.exists()

    page = client.get(reverse("applications:proposal-support", args=[draft.pk]))
    response = client.post(reverse("applications:proposal-support", args=[draft.pk]), page_data(
        page.context["form"], {"regional_visa": [{"visa_type": "F-2-R", "requested": "many"}],
                               "extinction_fund": [{"name": "기업지원센터"}]}))
    assert response.status_code == 200
    assert response.context["form"].formsets["regional_visa"].forms[0].errors["requested"] == ["Enter a whole number."]
    assert 'value="기업지원센터"' in response.content.decode()
    assert not draft.support_requests.exists()


def test_saved_rows_sent_back_unchanged_are_kept(client, official, draft):
    """Saving the page again as it was opened keeps every saved row (a row was once dropped for being unchanged),
    half-typed ones included; only a row ticked Delete, or emptied, goes."""
    save_companies(actor=official, proposal=draft, companies=[
        *COMPANIES, {"name": "한빛식품", "business_registration_number": "", "growth_stage": "", "youth_led": False}])
    client.force_login(official)
    url = reverse("applications:proposal-companies", args=[draft.pk])
    formset = client.get(url).context["form"]
    data = {f"companies-{key}": value for key, value in formset.management_form.initial.items()}
    for index, form in enumerate(formset.forms):
        data.update({f"companies-{index}-{name}": value for name, value in form.initial.items()
                     if value not in (None, "", False)})
    assert client.post(url, data).status_code == 302
    assert list(draft.companies.values_list("name", flat=True)) == ["지리산산삼바이오", "함양항노화식품", "한빛식품"]
    data["companies-0-DELETE"] = "on"
    assert client.post(url, data).status_code == 302
    assert list(draft.companies.values_list("name", flat=True)) == ["함양항노화식품", "한빛식품"]


def test_the_database_holds_what_a_draft_row_has_well_formed_and_a_version_only_complete_rows(official, draft):
    """Blank is the only way a value may be missing: a malformed number or an unknown growth stage is refused by
    the database itself, and a submission freezes complete rows only."""
    from django.db import IntegrityError, transaction

    from applications.models import ParticipatingCompany

    for values in ({"business_registration_number": "12345"}, {"growth_stage": "giant"}):
        with pytest.raises(IntegrityError), transaction.atomic():
            ParticipatingCompany.objects.create(proposal=draft, name="X", **values)
    ParticipatingCompany.objects.create(proposal=draft, name="A")
    ParticipatingCompany.objects.create(proposal=draft, name="B")  # two rows without a number yet: both kept
    complete_sections(draft, official)
    version = submit_proposal(actor=official, proposal=draft)
    assert all(row["brn"] and row["growth_stage"] for row in version.content["companies"])
