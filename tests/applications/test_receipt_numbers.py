"""A receipt number (접수번호) is unique across the portal: the contests of one year (a pre-selection and the
final round) number their submissions in one series, the database refuses a second holder, and the migration
renumbers the duplicates issued before, keeping the first holder's and recording old and new."""
from datetime import datetime

import pytest
from django.db import IntegrityError, transaction

from accounts.roles import Role
from applications.models import SEOUL, Contest, Proposal
from applications.services import create_proposal, submit_proposal
from audit.models import AuditEntry
from regions.models import LocalGovernment
from tests.applications.test_proposal_services import SECTIONS
from tests.factories import complete_sections, make_contest, make_user
from tests.migrations import latest, migrate_to

SUBMITTED = datetime(2025, 10, 10, 10, 0, tzinfo=SEOUL)


def _submitted_in(contest, local_government) -> Proposal:
    official = make_user(Role.LOCAL_OFFICIAL, local_government=local_government)
    proposal = complete_sections(create_proposal(actor=official, contest=contest, values=SECTIONS,
                                                 lead_local_government=local_government), official)
    submit_proposal(actor=official, proposal=proposal, now=SUBMITTED)
    return Proposal.objects.get(pk=proposal.pk)


@pytest.mark.usefixtures("registry", "english")
def test_two_contests_of_one_year_number_in_one_series_and_the_database_refuses_a_second_holder():
    preselection = make_contest()
    Contest.objects.filter(pk=preselection.pk).update(name_ko="2026년 사전 선정")
    final = make_contest()
    hamyang, sancheong, geochang = (LocalGovernment.objects.get(name_ko=name)
                                    for name in ("함양군", "산청군", "거창군"))
    first = _submitted_in(preselection, hamyang)
    second = _submitted_in(final, sancheong)
    third = _submitted_in(preselection, geochang)
    assert [first.receipt_number, second.receipt_number, third.receipt_number] == [
        "2025-0001", "2025-0002", "2025-0003"]
    other_year = _submitted_in(make_contest(year=2026, opens=datetime(2025, 10, 1, 9, tzinfo=SEOUL)), hamyang)
    assert other_year.receipt_number == "2026-0001"
    with pytest.raises(IntegrityError), transaction.atomic():
        Proposal.objects.filter(pk=second.pk).update(receipt_number=first.receipt_number)


@pytest.mark.django_db(transaction=True)
@pytest.mark.migration
@pytest.mark.usefixtures("registry", "english")
def test_the_migration_renumbers_the_later_holders_of_a_number_and_records_old_and_new():
    old = migrate_to([("applications", "0012_review_dates_on_stages")])
    try:
        OldContest, OldProposal = old.get_model("applications", "Contest"), old.get_model("applications", "Proposal")
        user = old.get_model("accounts", "User").objects.create(username="clerk", role=Role.COUNCIL_STAFF)
        local_governments = list(old.get_model("regions", "LocalGovernment").objects.order_by("pk")[:5])

        def contest(name):
            return OldContest.objects.create(name_ko=name, name_en=name, year=2025, national_cap_per_task_krw=1,
                                          application_opens_at=datetime(2025, 3, 1, tzinfo=SEOUL),
                                          application_closes_at=datetime(2025, 3, 20, tzinfo=SEOUL))

        def proposal(contest, local_government, number, day):
            return OldProposal.objects.create(contest=contest, lead_local_government=local_government, title=number,
                                              status="submitted", receipt_number=number, created_by=user,
                                              first_submitted_at=datetime(2025, 3, day, tzinfo=SEOUL))

        preselection, final = contest("사전 선정"), contest("본 공모")
        kept = [proposal(preselection, local_governments[0], "2025-0001", 2),
                proposal(preselection, local_governments[1], "2025-0002", 3)]
        # the final round counted again from 1, later in the year
        moved = [proposal(final, local_governments[2], "2025-0002", 11),
                 proposal(final, local_governments[3], "2025-0001", 10)]
        alone = proposal(final, local_governments[4], "2025-0003", 12)
    finally:
        migrate_to(latest())

    numbers = dict(Proposal.objects.values_list("pk", "receipt_number"))
    assert [numbers[p.pk] for p in kept] == ["2025-0001", "2025-0002"]  # the first holders keep theirs
    assert numbers[alone.pk] == "2025-0003"
    assert [numbers[moved[1].pk], numbers[moved[0].pk]] == ["2025-0004", "2025-0005"]  # in the order they came in
    entries = AuditEntry.objects.filter(action="proposal.receipt_renumbered").order_by("pk")
    assert [(entry.target_id, entry.changes["receipt_number"]) for entry in entries] == [
        (str(moved[1].pk), ["2025-0001", "2025-0004"]), (str(moved[0].pk), ["2025-0002", "2025-0005"])]
    assert all(entry.reason for entry in entries)
    with pytest.raises(IntegrityError), transaction.atomic():
        Proposal.objects.filter(pk=alone.pk).update(receipt_number="2025-0001")
