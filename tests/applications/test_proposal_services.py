from datetime import datetime, timedelta

import pytest
from django.db import IntegrityError, transaction

from accounts.roles import Role
from applications.checklist import completeness_checklist
from applications.models import SEOUL, Proposal, ProposalStatus, ProposalVersion
from applications.services import (
    SubmissionRefused,
    create_proposal,
    request_correction,
    submit_proposal,
    update_proposal,
    withdraw_proposal,
)
from audit.selectors import history_of
from regions.models import DesignationKind, LocalGovernment
from tests.factories import complete_sections, make_contest, make_user

pytestmark = pytest.mark.usefixtures("registry", "english")

DEADLINE = datetime(2025, 10, 20, 18, 0, tzinfo=SEOUL)
SECTIONS = {
    "title": "산삼 항노화 고부가가치 제품 개발", "summary": "함양 산삼을 활용한 항노화 제품 개발과 기업 성장 지원",
    "specialty_resource": "함양 산삼", "industry": "항노화 바이오", "extinction_strategy": "청년 일자리와 인구 유입",
    "support_programme": "창업기·성장기·도약기 단계별 기술혁신 및 판로 지원",
}


@pytest.fixture
def hamyang():
    return LocalGovernment.objects.get(code="48870")


@pytest.fixture
def official(hamyang):
    return make_user(Role.LOCAL_OFFICIAL, local_government=hamyang)


@pytest.fixture
def contest():
    return make_contest()


@pytest.fixture
def draft(contest, hamyang, official):
    proposal = create_proposal(actor=official, contest=contest, lead_local_government=hamyang, values=SECTIONS)
    return complete_sections(proposal, official)


@pytest.mark.parametrize(("moment", "accepted"), [
    (DEADLINE - timedelta(minutes=1), True),
    (DEADLINE, True),
    (DEADLINE + timedelta(minutes=1), False),
])
def test_deadline_edges_in_seoul(draft, official, moment, accepted):
    if accepted:
        version = submit_proposal(actor=official, proposal=draft, now=moment)
        assert version.number == 1
        draft.refresh_from_db()
        assert draft.status == ProposalStatus.SUBMITTED
    else:
        with pytest.raises(SubmissionRefused, match="deadline has passed"):
            submit_proposal(actor=official, proposal=draft, now=moment)
        draft.refresh_from_db()
        assert draft.status == ProposalStatus.DRAFT and not draft.versions.exists()


def test_not_before_the_window_opens(draft, official, contest):
    with pytest.raises(SubmissionRefused, match="has not opened"):
        submit_proposal(actor=official, proposal=draft, now=contest.application_opens_at - timedelta(minutes=1))


def test_submission_gives_a_receipt_number_and_time(draft, official, contest):
    moment = DEADLINE - timedelta(hours=3)
    submit_proposal(actor=official, proposal=draft, now=moment)
    draft.refresh_from_db()
    assert draft.receipt_number == "2025-0001"
    assert draft.first_submitted_at == moment
    other = complete_sections(create_proposal(actor=official, contest=contest, values=SECTIONS,
                                              lead_local_government=LocalGovernment.objects.get(code="48880")),
                              official)
    submit_proposal(actor=official, proposal=other, now=moment)
    other.refresh_from_db()
    assert other.receipt_number == "2025-0002"


def test_an_ineligible_local_government_is_refused_with_the_reason(contest, official):
    gangnam = LocalGovernment.objects.get(code="11680")
    proposal = create_proposal(actor=official, contest=contest, lead_local_government=gangnam, values=SECTIONS)
    with pytest.raises(SubmissionRefused, match="Gangnam-gu holds no designation this contest accepts"):
        submit_proposal(actor=official, proposal=proposal, now=DEADLINE)


def test_an_ineligible_partner_refuses_the_joint_proposal(draft, official):
    update_proposal(actor=official, proposal=draft, values={},
                    partners=[LocalGovernment.objects.get(code="11680")])
    with pytest.raises(SubmissionRefused, match="Gangnam-gu"):
        submit_proposal(actor=official, proposal=draft, now=DEADLINE)


def test_a_contest_that_accepts_only_interest_areas_refuses_hamyang(hamyang, official):
    contest = make_contest(kinds=[DesignationKind.INTEREST_AREA], year=2024)
    proposal = create_proposal(actor=official, contest=contest, lead_local_government=hamyang, values=SECTIONS)
    with pytest.raises(SubmissionRefused, match="holds no designation"):
        submit_proposal(actor=official, proposal=proposal, now=DEADLINE)


def test_incomplete_draft_names_the_missing_sections(contest, hamyang, official):
    proposal = create_proposal(actor=official, contest=contest, lead_local_government=hamyang,
                               values={"title": "초안"})
    assert [item.done for item in completeness_checklist(proposal)] == [True] + [False] * 10
    with pytest.raises(SubmissionRefused, match="Complete these sections first: Overview, Local specialty"):
        submit_proposal(actor=official, proposal=proposal, now=DEADLINE)


def test_one_active_proposal_per_local_government_per_contest(draft, contest, hamyang, official):
    with pytest.raises(SubmissionRefused, match="already has an active proposal"):
        create_proposal(actor=official, contest=contest, lead_local_government=hamyang, values=SECTIONS)
    withdraw_proposal(actor=official, proposal=draft, reason="다시 작성", now=DEADLINE - timedelta(days=1))
    fresh = create_proposal(actor=official, contest=contest, lead_local_government=hamyang, values=SECTIONS)
    assert fresh.status == ProposalStatus.DRAFT


def test_submitted_version_is_frozen_and_later_edits_do_not_touch_it(draft, official):
    council = make_user(Role.COUNCIL_STAFF)
    version = submit_proposal(actor=official, proposal=draft, now=DEADLINE)
    with pytest.raises(SubmissionRefused, match="cannot be changed"):
        update_proposal(actor=official, proposal=draft, values={"title": "바뀐 제목"})
    request_correction(actor=council, proposal=draft, reason="예산표 보완",
                       due_at=DEADLINE + timedelta(days=7), now=DEADLINE + timedelta(days=1))
    update_proposal(actor=official, proposal=draft, values={"title": "보완된 제목"})
    version.refresh_from_db()
    assert version.content["title"] == SECTIONS["title"] and version.checksum_matches
    second = submit_proposal(actor=official, proposal=draft, now=DEADLINE + timedelta(days=2))
    assert (second.number, second.content["title"]) == (2, "보완된 제목")
    draft.refresh_from_db()
    assert draft.status == ProposalStatus.RESUBMITTED and draft.receipt_number == "2025-0001"
    version.content = {"title": "tampered"}
    with pytest.raises(ValueError, match="never changed"):
        version.save()
    assert ProposalVersion.objects.get(pk=version.pk).content["title"] == SECTIONS["title"]


def test_correction_must_come_back_by_its_due_date(draft, official):
    submit_proposal(actor=official, proposal=draft, now=DEADLINE)
    request_correction(actor=make_user(Role.COUNCIL_STAFF), proposal=draft, reason="KPI 보완",
                       due_at=DEADLINE + timedelta(days=3), now=DEADLINE + timedelta(days=1))
    with pytest.raises(SubmissionRefused, match="correction was due by 2025-10-23 18:00"):
        submit_proposal(actor=official, proposal=draft, now=DEADLINE + timedelta(days=3, minutes=1))


def test_correction_needs_a_submitted_proposal_and_a_reason(draft):
    council = make_user(Role.COUNCIL_STAFF)
    with pytest.raises(SubmissionRefused, match="Only a submitted proposal"):
        request_correction(actor=council, proposal=draft, reason="x", due_at=DEADLINE, now=DEADLINE - timedelta(1))
    with pytest.raises(SubmissionRefused, match="must be due in the future"):
        request_correction(actor=council, proposal=draft, reason="x", due_at=DEADLINE, now=DEADLINE)


def test_withdrawal_only_before_the_deadline_and_with_a_reason(draft, official):
    with pytest.raises(SubmissionRefused, match="before the application deadline"):
        withdraw_proposal(actor=official, proposal=draft, reason="x", now=DEADLINE + timedelta(minutes=1))
    with pytest.raises(SubmissionRefused, match="Say why"):
        withdraw_proposal(actor=official, proposal=draft, reason=" ", now=DEADLINE)
    withdraw_proposal(actor=official, proposal=draft, reason="사업 재검토", now=DEADLINE)
    entry = history_of(draft).get(action="proposal.withdrawn")
    assert (entry.actor, entry.reason) == (official, "사업 재검토")


def test_every_transition_is_audited_with_who(draft, official):
    submit_proposal(actor=official, proposal=draft, now=DEADLINE)
    actions = list(history_of(draft).values_list("action", "actor"))
    assert ("proposal.created", official.pk) in actions and ("proposal.submitted", official.pk) in actions


def test_database_refuses_a_second_active_proposal_even_past_the_service(draft, official, contest, hamyang):
    with pytest.raises(IntegrityError), transaction.atomic():
        Proposal.objects.create(contest=contest, lead_local_government=hamyang, created_by=official, title="x")
