"""Files across versions, who may fetch them, and the province's matching confirmation."""
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from accounts.roles import Role
from applications.models import ProposalStatus, ProvincialMatchConfirmation
from applications.services import (
    add_attachment,
    create_proposal,
    remove_attachment,
    request_correction,
    submit_proposal,
)
from audit.selectors import history_of
from core.uploads import check_upload
from regions.models import LocalGovernment, Province
from tests import documents
from tests.applications.test_proposal_services import SECTIONS
from tests.factories import complete_sections, make_contest, make_open_contest, make_outsider, make_user

pytestmark = pytest.mark.usefixtures("registry", "english")


@pytest.fixture
def official():
    return make_user(Role.LOCAL_OFFICIAL, language="en")


@pytest.fixture
def submitted(official):
    proposal = complete_sections(create_proposal(actor=official, contest=make_open_contest(), values=SECTIONS,
                                                 lead_local_government=official.local_government), official)
    submit_proposal(actor=official, proposal=proposal)
    return proposal


def test_a_version_keeps_its_files_and_checksums_after_the_draft_changes(client, official, submitted):
    first = submitted.versions.get()
    plan = submitted.attachments.get(kind="business_plan")
    assert {"id": plan.pk, "kind": "business_plan", "name": "사업계획서.pdf", "format": "pdf",
            "size": plan.size_bytes, "sha256": plan.sha256} in first.content["attachments"]
    request_correction(actor=make_user(Role.COUNCIL_STAFF), proposal=submitted, reason="사업계획서 교체",
                       due_at=timezone.now() + timedelta(days=3))
    remove_attachment(actor=official, attachment=plan)
    new_plan = add_attachment(actor=official, proposal=submitted, kind="business_plan",
                              upload=check_upload(documents.upload("사업계획서_보완.hwp", documents.hwp())))
    second = submit_proposal(actor=official, proposal=submitted)
    first.refresh_from_db()
    assert first.checksum_matches and plan.pk in [row["id"] for row in first.content["attachments"]]
    assert new_plan.pk in [row["id"] for row in second.content["attachments"]]
    assert plan.pk not in [row["id"] for row in second.content["attachments"]]
    client.force_login(official)
    old_file = client.get(reverse("applications:proposal-attachment-download", args=[submitted.pk, plan.pk]))
    assert old_file.status_code == 200 and b"".join(old_file.streaming_content).startswith(b"%PDF-")
    compare = client.get(reverse("applications:proposal-versions", args=[submitted.pk]))
    assert [row.label for row in compare.context["rows"] if row.changed] == ["Attachments"]


def test_a_file_never_submitted_is_deleted_for_good(official, django_capture_on_commit_callbacks):
    contest = make_contest()
    proposal = create_proposal(actor=official, contest=contest, values={"title": "x"},
                               lead_local_government=official.local_government)
    attachment = add_attachment(actor=official, proposal=proposal, kind="other",
                                upload=check_upload(documents.upload("a.xlsx", documents.xlsx())))
    storage, name = attachment.file.storage, attachment.file.name
    assert storage.exists(name)
    with django_capture_on_commit_callbacks(execute=True):
        remove_attachment(actor=official, attachment=attachment)
    assert not proposal.attachments.exists() and not storage.exists(name)


@pytest.mark.parametrize("who", ["lead", "partner", Role.COUNCIL_STAFF, Role.ADMINISTRATOR, Role.PROVINCIAL_OFFICER])
def test_those_who_see_the_proposal_download_its_files(client, submitted, official, who):
    geochang = LocalGovernment.objects.get(code="48880")
    submitted.partners.add(geochang)
    user = {"lead": official, "partner": make_user(Role.LOCAL_OFFICIAL, local_government=geochang)}.get(who) \
        or make_user(who)
    client.force_login(user)
    attachment = submitted.attachments.first()
    response = client.get(reverse("applications:proposal-attachment-download", args=[submitted.pk, attachment.pk]))
    assert response.status_code == 200


@pytest.mark.parametrize("who", ["other_official", "other_province", Role.REVIEWER, Role.MINISTRY_STAFF])
def test_anyone_else_gets_404_for_a_file_and_cannot_tell_it_exists(client, submitted, who):
    client.force_login(make_outsider(who))
    attachment = submitted.attachments.first()
    existing = client.get(reverse("applications:proposal-attachment-download", args=[submitted.pk, attachment.pk]))
    missing = client.get(reverse("applications:proposal-attachment-download", args=[submitted.pk, 999_999]))
    assert existing.status_code == missing.status_code == 404


def test_a_signed_out_visitor_is_sent_to_sign_in_for_a_file(client, submitted):
    attachment = submitted.attachments.first()
    response = client.get(reverse("applications:proposal-attachment-download", args=[submitted.pk, attachment.pk]))
    assert response.status_code == 302 and reverse("login") in response.url


def test_the_provincial_officer_confirms_matching_and_a_shortfall_needs_a_reason(client, submitted):
    officer = make_user(Role.PROVINCIAL_OFFICER, language="en")  # Gyeongnam, Hamyang's province
    client.force_login(officer)
    url = reverse("applications:proposal-provincial-match", args=[submitted.pk])
    refused = client.post(url, {"amount_krw": "30,000,000", "note": ""})
    assert refused.status_code == 200
    assert "below the 50,000,000 KRW in the budget" in refused.context["match_form"].errors["note"][0]
    assert 'value="30,000,000"' in refused.content.decode()
    assert not ProvincialMatchConfirmation.objects.exists()
    client.post(url, {"amount_krw": "50,000,000"})
    confirmation = ProvincialMatchConfirmation.objects.get()
    assert (confirmation.amount_krw, confirmation.requested_krw, confirmation.confirmed_by) == (
        50_000_000, 50_000_000, officer)
    assert confirmation.covers_budget
    entry = history_of(submitted).get(action="proposal.provincial_match_confirmed")
    assert entry.actor == officer and entry.changes["amount_krw"] == 50_000_000
    detail = client.get(reverse("applications:proposal-detail", args=[submitted.pk])).content.decode()
    assert "Confirmed 50,000,000 KRW of 50,000,000 KRW in the budget." in detail


@pytest.mark.parametrize("who", ["lead", "other_province", Role.COUNCIL_STAFF])
def test_only_the_lead_provinces_officer_confirms(client, submitted, official, who):
    user = {"lead": official,
            "other_province": make_user(Role.PROVINCIAL_OFFICER, province=Province.objects.get(code="46"))
            }.get(who) or make_user(who)
    client.force_login(user)
    response = client.post(reverse("applications:proposal-provincial-match", args=[submitted.pk]),
                           {"amount_krw": "50000000"})
    assert response.status_code == (404 if who == "other_province" else 403)
    assert not ProvincialMatchConfirmation.objects.exists()


def test_a_draft_is_not_confirmed(client, official):
    proposal = create_proposal(actor=official, contest=make_contest(), values={"title": "x"},
                               lead_local_government=official.local_government)
    client.force_login(make_user(Role.PROVINCIAL_OFFICER))
    response = client.post(reverse("applications:proposal-provincial-match", args=[proposal.pk]),
                           {"amount_krw": "1"})
    assert response.status_code == 403 and proposal.status == ProposalStatus.DRAFT


SECTION_PAGES = ["applications:proposal-companies", "applications:proposal-budget", "applications:proposal-kpi",
                 "applications:proposal-support", "applications:proposal-attachments"]


@pytest.mark.parametrize("who", [Role.COUNCIL_STAFF, Role.PROVINCIAL_OFFICER, "lead_after_submit"])
def test_those_who_read_but_may_not_edit_get_403_on_section_pages(client, submitted, official, who):
    client.force_login(official if who == "lead_after_submit" else make_user(who))
    for name in SECTION_PAGES:
        assert client.get(reverse(name, args=[submitted.pk])).status_code == 403, name
        assert client.post(reverse(name, args=[submitted.pk]), {}).status_code == 403, name
    attachment = submitted.attachments.first()
    remove = reverse("applications:proposal-attachment-remove", args=[submitted.pk, attachment.pk])
    assert client.post(remove).status_code == 403
    assert submitted.attachments.filter(removed_at__isnull=True).count() == 2


@pytest.mark.parametrize("who", ["other_official", Role.REVIEWER, Role.MINISTRY_STAFF])
def test_those_who_may_not_see_get_404_on_section_pages(client, submitted, who):
    client.force_login(make_outsider(who))
    for name in SECTION_PAGES:
        assert client.get(reverse(name, args=[submitted.pk])).status_code == 404, name


def test_detail_runs_bounded_queries_with_many_rows(client, official, submitted, django_assert_max_num_queries):
    client.force_login(official)
    url = reverse("applications:proposal-detail", args=[submitted.pk])
    with django_assert_max_num_queries(20) as small:
        client.get(url)
    submitted.companies.bulk_create([
        type(submitted.companies.first())(proposal=submitted, name=f"기업 {index}", growth_stage="early",
                                          business_registration_number=f"{index:09d}0") for index in range(1, 40)])
    with django_assert_max_num_queries(len(small.captured_queries)):
        client.get(url)


def test_a_correction_request_without_a_due_date_comes_back_with_the_reason_typed(client, submitted):
    client.force_login(make_user(Role.COUNCIL_STAFF, language="en"))
    response = client.post(reverse("applications:proposal-correction", args=[submitted.pk]),
                           {"reason": "예산 산출 근거를 보완하십시오"})
    assert response.status_code == 200
    assert "due_at" in response.context["correction_form"].errors
    assert "예산 산출 근거를 보완하십시오" in response.content.decode()
    submitted.refresh_from_db()
    assert submitted.status == ProposalStatus.SUBMITTED
