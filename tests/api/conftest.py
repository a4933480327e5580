"""The API's world: a confirmed 2025 round whose selected tasks are open (Hamyang-gun and Gokseong-gun), with the
reviewers' sheets, an objection, a support-line row, a notification and one user of each role."""
import pytest

from accounts.roles import Role
from ministries.models import Ministry
from notifications.models import Notification
from regions.models import LocalGovernment, Province
from reviews.models import Assignment, Rubric
from selection.models import Objection
from tests.factories import make_user
from tests.reviews.builders import make_reviewer
from tests.tracking.builders import support_row
from tracking.models import ProgressReport


@pytest.fixture
def world(tasks, hamyang, council):
    assignment = Assignment.objects.filter(proposal=hamyang.proposal).select_related("reviewer__user", "sheet") \
        .first()
    users = {
        "lead": make_user(Role.LOCAL_OFFICIAL, language="en"),
        "other_official": make_user(Role.LOCAL_OFFICIAL,
                                    local_government=LocalGovernment.objects.get(code="11680")),
        "province": make_user(Role.PROVINCIAL_OFFICER),
        "other_province": make_user(Role.PROVINCIAL_OFFICER, province=Province.objects.get(code="11")),
        "reviewer": make_reviewer().user, "assigned_reviewer": assignment.reviewer.user,
        "moj": make_user(Role.MINISTRY_STAFF, ministry=Ministry.objects.get(code="MOJ")),
        "mss": make_user(Role.MINISTRY_STAFF, ministry=Ministry.objects.get(code="MSS")),
        "council": council,
    }
    objection = Objection.objects.create(decision=hamyang.decision, filed_by=users["lead"], reasons="점수 재검토")
    visa = support_row(hamyang, "regional_visa", year=2026, visa_type="F-2-R", requested=5, allocated=4, issued=3)
    notice = Notification.objects.create(recipient=council, event="proposal.submitted", key="matrix",
                                         subject="접수", body="접수되었습니다")
    ids = {"proposal": hamyang.proposal_id, "contest": hamyang.contest_id, "assignment": assignment.pk,
           "sheet": assignment.sheet.pk, "run": hamyang.decision.run_id, "decision": hamyang.decision_id,
           "objection": objection.pk, "task": hamyang.pk, "visa": visa.pk, "notice": notice.pk,
           "report": ProgressReport.objects.get(task=hamyang, year=2026, half=1).pk,
           "panel": assignment.panel_id, "reviewer": assignment.reviewer_id,
           "rubric": Rubric.objects.filter(contest_id=hamyang.contest_id).first().pk}
    return users, ids


