"""The structured sections through their pages: what a failing form keeps, what a saved one shows."""

import pytest
from django.urls import reverse

from applications.models import ProposalAttachment
from audit.selectors import history_of
from tests import documents
from tests.factories import formset_data

pytestmark = pytest.mark.usefixtures("registry")


def companies_data(rows):
    return formset_data("companies", rows)


def test_companies_with_a_bad_number_come_back_with_the_reason_and_everything_typed(client, official, draft):
    client.force_login(official)
    url = reverse("applications:proposal-companies", args=[draft.pk])
    response = client.post(url, companies_data([
        {"name": "지리산산삼바이오", "business_registration_number": "220-81-62517", "growth_stage": "early",
         "youth_led": "on"},
        {"name": "함양항노화식품", "business_registration_number": "124-81-00990", "growth_stage": "growth"},
    ]))
    assert response.status_code == 200
    body = response.content.decode()
    assert "124-81-00990 is not a valid business registration number" in body
    assert "지리산산삼바이오" in body and "함양항노화식품" in body and 'value="220-81-62517"' in body
    assert not draft.companies.exists()
    client.post(url, companies_data([
        {"name": "지리산산삼바이오", "business_registration_number": "220-81-62517", "growth_stage": "early",
         "youth_led": "on"}]))
    company = draft.companies.get()
    assert (company.business_registration_number, company.youth_led) == ("2208162517", True)
    detail = client.get(reverse("applications:proposal-detail", args=[draft.pk])).content.decode()
    assert "220-81-62517" in detail
    assert history_of(draft).filter(action="proposal.companies_saved", actor=official).exists()


def test_the_same_company_twice_is_flagged_on_the_second_row(client, official, draft):
    client.force_login(official)
    row = {"name": "A", "business_registration_number": "2208162517", "growth_stage": "early"}
    response = client.post(reverse("applications:proposal-companies", args=[draft.pk]), companies_data([row, row]))
    assert response.context["form"].forms[1].errors["business_registration_number"] == [
        "This company is already listed."]


def test_an_over_cap_budget_is_saved_as_a_draft_and_marked_on_its_row_until_fixed(client, official, draft):
    client.force_login(official)
    url = reverse("applications:proposal-budget", args=[draft.pk])
    typed = {"amount_2026_national": "700,000,000", "amount_2027_national": "700,000,000",
             "amount_2026_provincial": "70,000,000", "amount_2026_local": "140,000,000"}
    assert client.post(url, typed).status_code == 302  # the draft keeps what was typed
    body = client.get(url).content.decode()
    assert 'data-source="national"' in body and "allows at most 1,000,000,000 KRW" in body
    assert 'value="700,000,000"' in body and 'value="140,000,000"' in body
    detail = client.get(reverse("applications:proposal-detail", args=[draft.pk]))
    assert not detail.context["budget"].ok
    assert "budget" in {item.field for item in detail.context["checklist"] if not item.done}
    typed["amount_2027_national"] = "300,000,000"
    assert client.post(url, typed).status_code == 302
    assert sorted(draft.budget_lines.values_list("year", "source", "amount_krw")) == [
        (2026, "local", 140_000_000), (2026, "national", 700_000_000), (2026, "provincial", 70_000_000),
        (2027, "national", 300_000_000)]
    detail = client.get(reverse("applications:proposal-detail", args=[draft.pk]))
    assert detail.context["budget"].ok and "1,210,000,000" in detail.content.decode()
    assert "budget-error" not in client.get(url).content.decode()


def test_a_malformed_amount_is_refused_beside_its_cell_and_nothing_is_saved(client, official, draft):
    client.force_login(official)
    url = reverse("applications:proposal-budget", args=[draft.pk])
    response = client.post(url, {"amount_2026_national": "300,000,000", "amount_2026_local": "-5"})
    assert response.status_code == 200 and "amount_2026_local" in response.context["form"].errors
    assert not draft.budget_lines.exists()


def test_kpi_youth_jobs_cannot_exceed_all_jobs(client, official, draft):
    client.force_login(official)
    url = reverse("applications:proposal-kpi", args=[draft.pk])
    response = client.post(url, {"jobs": "20", "youth_jobs": "30"})
    assert response.context["form"].errors["youth_jobs"] == ["Youth jobs are part of all jobs: at most 20."]
    client.post(url, {"jobs": "80", "youth_jobs": "30", "companies_supported": "25", "sales_krw": "5,000,000,000",
                      "population_influx": "150"})
    assert dict(draft.kpi_targets.values_list("indicator", "target"))["sales_krw"] == 5_000_000_000


def test_a_mislabelled_upload_says_why_and_stores_nothing(client, official, draft):
    client.force_login(official)
    url = reverse("applications:proposal-attachments", args=[draft.pk])
    response = client.post(url, {"kind": "business_plan",
                                 "file": documents.upload("사업계획서.hwp", documents.pdf())})
    assert response.status_code == 200
    assert response.context["form"].errors["file"] == [
        "The file is named .hwp but its content is not a HWP document."]
    assert 'value="business_plan" selected' in response.content.decode()
    assert not ProposalAttachment.objects.exists()


def test_an_oversized_upload_is_refused_with_the_limit(client, official, draft, settings):
    settings.PORTAL_MAX_UPLOAD_BYTES = 2048
    client.force_login(official)
    response = client.post(reverse("applications:proposal-attachments", args=[draft.pk]), {
        "kind": "presentation", "file": documents.upload("발표자료.pptx", documents.pptx() + bytes(4096))})
    assert "the limit is 2.0\xa0KB" in response.context["form"].errors["file"][0]
    assert not ProposalAttachment.objects.exists()


def test_an_upload_is_stored_under_a_generated_name_and_served_back_intact(client, official, draft):
    client.force_login(official)
    content = documents.hwpx()
    client.post(reverse("applications:proposal-attachments", args=[draft.pk]),
                {"kind": "business_plan", "file": documents.upload("함양 사업계획서.hwpx", content)})
    attachment = ProposalAttachment.objects.get()
    assert attachment.original_name == "함양 사업계획서.hwpx"
    assert "사업계획서" not in attachment.file.name and attachment.file.name.endswith(".hwpx")
    response = client.get(reverse("applications:proposal-attachment-download", args=[draft.pk, attachment.pk]))
    assert b"".join(response.streaming_content) == content
    assert response["Content-Type"] == "application/hwp+zip"
    assert "attachment;" in response["Content-Disposition"] and "utf-8''" in response["Content-Disposition"]


def test_untouched_extra_rows_are_ignored_as_the_browser_sends_them(client, official, draft):
    """The page offers empty rows; submitted as rendered, they must not count as companies or requests."""
    client.force_login(official)
    page = client.get(reverse("applications:proposal-companies", args=[draft.pk]))
    formset = page.context["form"]
    data = {f"companies-{key}": value for key, value in formset.management_form.initial.items()}
    for form in formset.forms:
        data.update({form.add_prefix(name): form[name].value() or "" for name in ("name",
                     "business_registration_number", "growth_stage")})
    data["companies-0-name"], data["companies-0-business_registration_number"] = "A", "2208162517"
    data["companies-0-growth_stage"] = "early"
    assert client.post(reverse("applications:proposal-companies", args=[draft.pk]), data).status_code == 302
    assert draft.companies.count() == 1


@pytest.mark.parametrize("name", ["applications:proposal-update", "applications:proposal-companies",
                                  "applications:proposal-budget", "applications:proposal-kpi",
                                  "applications:proposal-support", "applications:proposal-attachments"])
def test_a_section_page_just_opened_shows_no_alert(client, official, draft, name):
    """Nothing typed yet, nothing to fix: no red alert on the first opening (the support requests' page said
    "Some rows need attention" on every GET)."""
    client.force_login(official)
    body = client.get(reverse(name, args=[draft.pk])).content.decode()
    assert "alert-danger" not in body and "Some rows need attention" not in body and "table-warning" not in body


def test_the_support_requests_alert_shows_only_after_a_refused_save(client, official, draft):
    client.force_login(official)
    url = reverse("applications:proposal-support", args=[draft.pk])
    form = client.get(url).context["form"]
    data = {}
    for formset in form.formsets.values():
        data.update({f"{formset.prefix}-TOTAL_FORMS": "1", f"{formset.prefix}-INITIAL_FORMS": "0"})
    data.update({"requests-regional_visa-0-visa_type": "F-2-R", "requests-regional_visa-0-requested": "-3"})
    response = client.post(url, data)
    assert response.status_code == 200 and "Some rows need attention" in response.content.decode()
    assert not draft.support_requests.exists()
