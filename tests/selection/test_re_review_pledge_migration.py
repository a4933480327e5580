"""Re-reviews written before the pledge was asked for: a submitted opinion is recorded as pledged at its
submission, so it stands on a pledge as every later one does; an unanswered request still asks for the pledge."""
import pytest
from django.utils import timezone

from accounts.roles import Role
from applications.models import Contest, Proposal
from regions.models import LocalGovernment
from selection.models import Objection, ObjectionReview, ReReviewStatus, SelectionDecision, SelectionRun
from tests.factories import make_contest, make_user
from tests.migrations import latest, migrate_to
from tests.reviews.builders import make_reviewer

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.migration,
              pytest.mark.usefixtures("registry", "english")]


def test_a_submitted_opinion_of_before_is_recorded_as_pledged_at_its_submission():
    council, official = make_user(Role.COUNCIL_STAFF), make_user(Role.LOCAL_OFFICIAL)
    contest: Contest = make_contest()
    proposal = Proposal.objects.create(contest=contest, lead_local_government=LocalGovernment.objects.get(
        code="43800"), title="과제", created_by=official, status="submitted", receipt_number="2025-0001")
    run = SelectionRun.objects.create(contest=contest, number=1, requested_by=council)
    decision = SelectionDecision.objects.create(run=run, proposal=proposal, requested_national_krw=1,
                                                computed_outcome="reserve", computed_national_krw=0,
                                                outcome="reserve", national_krw=0)
    objection = Objection.objects.create(decision=decision, filed_by=official, reasons="재검토 요청")
    submitted_at = timezone.now()
    written = ObjectionReview.objects.create(objection=objection, reviewer=make_reviewer(), requested_by=council,
                                             status=ReReviewStatus.PLEDGED, pledge_signed_at=submitted_at,
                                             opinion="의견", supports_objection=False, submitted_at=submitted_at)
    waiting = ObjectionReview.objects.create(objection=objection, reviewer=make_reviewer(), requested_by=council)
    try:
        migrate_to([("selection", "0003_weights_and_scores_per_stage")])
    finally:
        migrate_to(latest())
    written.refresh_from_db()
    waiting.refresh_from_db()
    assert written.status == ReReviewStatus.PLEDGED and written.pledge_signed_at == submitted_at
    assert waiting.status == ReReviewStatus.REQUESTED and waiting.pledge_signed_at is None
