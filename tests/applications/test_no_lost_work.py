"""Nothing typed is lost on a draft's section pages: a section tab clicked with unsaved changes saves and
goes on (``next``), an autosave answers JSON and saves through the same form and service, and a bad
``next`` cannot send the user elsewhere."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.usefixtures("registry")
AUTOSAVE = {"HTTP_X_PORTAL_AUTOSAVE": "1"}


def saved_kpis(draft):
    return dict(draft.kpi_targets.values_list("indicator", "target"))


def test_a_section_tab_clicked_with_changes_saves_them_and_opens_the_tab(client, official, draft):
    client.force_login(official)
    budget = reverse("applications:proposal-budget", args=[draft.pk])
    response = client.post(reverse("applications:proposal-kpi", args=[draft.pk]),
                           {"jobs": "40", "youth_jobs": "12", "next": budget})
    assert response.status_code == 302 and response["Location"] == budget
    assert saved_kpis(draft)["jobs"] == 40


def test_a_section_form_leading_elsewhere_goes_back_to_the_proposal(client, official, draft):
    client.force_login(official)
    for elsewhere in ("https://evil.example/", "//evil.example/x", "/proposals/999999/", "/admin/"):
        response = client.post(reverse("applications:proposal-kpi", args=[draft.pk]),
                               {"jobs": "40", "next": elsewhere})
        assert response["Location"] == reverse("applications:proposal-detail", args=[draft.pk]), elsewhere


def test_an_invalid_section_switch_stays_with_what_was_typed(client, official, draft):
    client.force_login(official)
    response = client.post(reverse("applications:proposal-kpi", args=[draft.pk]), {
        "jobs": "10", "youth_jobs": "25", "sales_krw": "4,000,000,000",
        "next": reverse("applications:proposal-budget", args=[draft.pk])})
    assert response.status_code == 200
    assert 'value="4,000,000,000"' in response.content.decode() or "4000000000" in response.content.decode()
    assert not saved_kpis(draft)


def test_autosave_saves_and_says_when(client, official, draft):
    client.force_login(official)
    response = client.post(reverse("applications:proposal-kpi", args=[draft.pk]),
                           {"jobs": "40", "youth_jobs": "12"}, **AUTOSAVE)
    assert response.status_code == 200
    answer = response.json()
    assert answer["saved"] is True and len(answer["saved_at"]) == 5 and answer["saved_at"][2] == ":"
    assert saved_kpis(draft)["youth_jobs"] == 12


def test_autosave_of_an_invalid_form_saves_nothing_and_says_so(client, official, draft):
    client.force_login(official)
    response = client.post(reverse("applications:proposal-kpi", args=[draft.pk]),
                           {"jobs": "10", "youth_jobs": "25"}, **AUTOSAVE)
    assert response.status_code == 400 and response.json()["saved"] is False and response.json()["message"]
    assert not saved_kpis(draft)


def test_autosave_of_the_text_sections_and_the_budget(client, official, draft):
    client.force_login(official)
    page = client.get(reverse("applications:proposal-update", args=[draft.pk]))
    form = page.context["form"]
    data = {name: (form.initial.get(name) or "") for name in form.fields}
    data.update(title="자동 저장된 제목", partner_codes="")
    response = client.post(reverse("applications:proposal-update", args=[draft.pk]), data, **AUTOSAVE)
    assert response.json()["saved"] is True
    draft.refresh_from_db()
    assert draft.title == "자동 저장된 제목"
    response = client.post(reverse("applications:proposal-budget", args=[draft.pk]),
                           {"amount_2026_national": "not a number"}, **AUTOSAVE)
    assert response.status_code == 400 and response.json()["saved"] is False
    response = client.post(reverse("applications:proposal-budget", args=[draft.pk]),
                           {"amount_2026_national": "300,000,000"}, **AUTOSAVE)  # partial: saved as it is
    assert response.json()["saved"] is True
    assert list(draft.budget_lines.values_list("year", "source", "amount_krw")) == [(2026, "national", 300_000_000)]


def test_every_draft_section_page_autosaves_and_saves_on_leaving(client, official, draft):
    client.force_login(official)
    for name in ("proposal-update", "proposal-companies", "proposal-budget", "proposal-kpi", "proposal-support"):
        body = client.get(reverse(f"applications:{name}", args=[draft.pk])).content.decode()
        assert "data-section-form" in body and 'data-autosave="60"' in body and "data-autosave-status" in body, name
        assert "data-section-nav" in body and "js/forms.js" in body, name
