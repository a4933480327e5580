"""Who reviews what: conflicts are never assigned, loads are balanced, the same inputs give the same result."""
from collections import Counter

import pytest

from accounts.roles import Role
from applications.models import ParticipatingCompany
from regions.models import LocalGovernment, Province
from reviews.models import Assignment, AssignmentStatus, DeclaredConflict
from reviews.services import AssignmentRefused, assign_automatically, assign_reviewer, declare_conflict, sign_pledge
from tests.factories import make_user
from tests.reviews.builders import make_panel, make_reviewer

pytestmark = pytest.mark.usefixtures("registry", "english")


@pytest.fixture
def council():
    return make_user(Role.COUNCIL_STAFF)


def loads(panel):
    counts = Counter(Assignment.objects.filter(panel=panel).values_list("reviewer_id", flat=True))
    return [counts.get(member.pk, 0) for member in panel.members.all()]


def test_every_proposal_gets_its_reviewers_with_loads_within_one(council):
    panel = make_panel(members=5, per_proposal=3)  # 4 proposals × 3 = 12 assignments over 5 reviewers
    report = assign_automatically(actor=council, panel=panel)
    assert report.complete and len(report.created) == 12
    per_proposal = Counter(Assignment.objects.filter(panel=panel).values_list("proposal_id", flat=True))
    assert set(per_proposal.values()) == {3}
    assert max(loads(panel)) - min(loads(panel)) <= 1


def test_the_same_inputs_give_the_same_assignments(council):
    panel = make_panel(members=6, per_proposal=2)
    assign_automatically(actor=council, panel=panel)
    first = sorted(Assignment.objects.filter(panel=panel).values_list("proposal_id", "reviewer_id"))
    Assignment.objects.filter(panel=panel).delete()
    assign_automatically(actor=council, panel=panel)
    assert sorted(Assignment.objects.filter(panel=panel).values_list("proposal_id", "reviewer_id")) == first


def test_conflicts_are_never_assigned(council):
    panel = make_panel(members=4, per_proposal=2)
    hamyang = panel.proposals.get(lead_local_government__code="48870")
    gokseong = panel.proposals.get(lead_local_government__code="12720")
    members = list(panel.members.order_by("pk"))
    members[0].home_local_government = LocalGovernment.objects.get(code="48870")
    members[0].save()
    members[1].home_province = Province.objects.get(code="48")  # Gyeongnam: Hamyang's province
    members[1].save()
    ParticipatingCompany.objects.create(proposal=gokseong, name="섬진강바이오", growth_stage="early",
                                        business_registration_number="2208162517")
    members[2].affiliation, members[2].affiliation_registration_number = "(주)섬진강바이오", ""
    members[2].save()
    DeclaredConflict.objects.create(reviewer=members[3], local_government=gokseong.lead_local_government,
                                    reason="전 직장")
    report = assign_automatically(actor=council, panel=panel)
    pairs = set(Assignment.objects.filter(panel=panel).values_list("proposal_id", "reviewer_id"))
    assert (hamyang.pk, members[0].pk) not in pairs and (hamyang.pk, members[1].pk) not in pairs
    assert (gokseong.pk, members[2].pk) not in pairs and (gokseong.pk, members[3].pk) not in pairs
    assert report.complete  # each still finds two reviewers free of conflict


def test_the_council_is_told_which_proposals_fall_short(council):
    panel = make_panel(members=3, per_proposal=3)
    members = list(panel.members.all())
    members[0].home_province = Province.objects.get(code="48")
    members[0].save()
    report = assign_automatically(actor=council, panel=panel)
    hamyang = panel.proposals.get(lead_local_government__code="48870")
    assert report.shortfalls == {hamyang.pk: 1}


def test_assigning_by_hand_refuses_a_conflict_with_the_reason(council):
    panel = make_panel(members=2)
    reviewer = panel.members.first()
    reviewer.home_local_government = LocalGovernment.objects.get(code="48870")
    reviewer.save()
    hamyang = panel.proposals.get(lead_local_government__code="48870")
    with pytest.raises(AssignmentRefused, match="home local government"):
        assign_reviewer(actor=council, panel=panel, proposal=hamyang, reviewer=reviewer)
    with pytest.raises(AssignmentRefused, match="not a member"):
        assign_reviewer(actor=council, panel=panel, proposal=hamyang, reviewer=make_reviewer())


def test_a_declared_conflict_removes_the_assignment_and_is_never_reassigned(council):
    panel = make_panel(members=4, per_proposal=3)
    assign_automatically(actor=council, panel=panel)
    assignment = Assignment.objects.filter(panel=panel).first()
    declare_conflict(actor=assignment.reviewer.user, assignment=assignment, reason="과제 참여기업 자문 경력")
    assignment.refresh_from_db()
    assert assignment.status == AssignmentStatus.RECUSED
    with pytest.raises(AssignmentRefused, match="declared a conflict"):
        sign_pledge(actor=assignment.reviewer.user, assignment=assignment)
    report = assign_automatically(actor=council, panel=panel)  # fills the gap with someone else
    assert [row.reviewer_id for row in report.created if row.proposal_id == assignment.proposal_id] != [
        assignment.reviewer_id]
    active = Assignment.objects.filter(panel=panel, proposal=assignment.proposal).exclude(status="recused")
    assert active.count() == 3 and not active.filter(reviewer=assignment.reviewer).exists()
