"""The result letter as PDF: read back for Korean, the receipt number and its digest; the council always, the
applicant and its province once published, nobody else."""
import pytest
from django.urls import reverse

from accounts.roles import Role
from tests.factories import make_outsider, make_user
from tests.papers import assert_paper, pdf_text
from tests.selection.conftest import computed_run

pytestmark = pytest.mark.usefixtures("registry")


def hamyang_decision(run):
    return run.decisions.select_related("proposal").get(proposal__lead_local_government__code="48870")


def test_the_applicant_reads_its_letter_in_korean_with_the_funding(client, published):
    run, _proposals = published
    decision = hamyang_decision(run)
    client.force_login(make_user(Role.LOCAL_OFFICIAL, language="ko"))
    response = client.get(reverse("selection:decision-letter", args=[decision.pk]))
    assert_paper(response, receipt_number=decision.proposal.receipt_number, korean="선정")
    assert f"{decision.national_krw:,}" in pdf_text(response)
    page = client.get(reverse("applications:proposal-detail", args=[decision.proposal.pk])).content.decode()
    assert reverse("selection:decision-letter", args=[decision.pk]) in page


@pytest.mark.parametrize("who, status", [
    ("applicant", 200), (Role.COUNCIL_STAFF, 200), (Role.PROVINCIAL_OFFICER, 200), ("other_official", 404),
    ("other_province", 404), (Role.REVIEWER, 404), (Role.MINISTRY_STAFF, 404), ("anonymous", 302)])
def test_the_letter_follows_the_results_permission(client, published, who, status):
    decision = hamyang_decision(published[0])
    if who == "applicant":
        client.force_login(make_user(Role.LOCAL_OFFICIAL))
    elif who in (Role.COUNCIL_STAFF, Role.PROVINCIAL_OFFICER):
        client.force_login(make_user(who))
    elif who != "anonymous":
        client.force_login(make_outsider(who))
    assert client.get(reverse("selection:decision-letter", args=[decision.pk])).status_code == status


def test_no_letter_reaches_the_applicant_before_publication(client, scored, council,
                                                            django_capture_on_commit_callbacks):
    run = computed_run(scored[0], council, django_capture_on_commit_callbacks)
    decision = hamyang_decision(run)
    client.force_login(make_user(Role.LOCAL_OFFICIAL))
    assert client.get(reverse("selection:decision-letter", args=[decision.pk])).status_code == 404
    client.force_login(council)
    assert client.get(reverse("selection:decision-letter", args=[decision.pk])).status_code == 200


def test_the_letters_objection_deadline_is_the_last_whole_day_not_the_next_midnight(client, published):
    """The window closes at 00:00 KST after its last day: the letter says "<last day>까지", never "… 00:00"."""
    from datetime import timedelta

    from core.formats import day

    run, _proposals = published
    decision = hamyang_decision(run)
    client.force_login(make_user(Role.LOCAL_OFFICIAL, language="ko"))
    text = pdf_text(client.get(reverse("selection:decision-letter", args=[decision.pk])))
    last_day = day(run.objection_closes_at - timedelta(minutes=1))
    # The deadline's own row: the letter also shows when it was published and issued, which is 00:00 when the
    # test runs at midnight KST.
    letter = text.replace("\n", "")
    assert f"이의신청 기한 {last_day}까지" in letter
    assert f"{day(run.objection_closes_at)} 00:00" not in letter
