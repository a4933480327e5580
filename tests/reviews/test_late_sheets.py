"""A reviewer's passed deadline is marked on his list, and the council decides per panel whether a sheet is
still accepted after it: the service refuses a late sheet where the panel says no."""
from datetime import timedelta
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from accounts.roles import Role
from audit.models import AuditEntry
from reviews.models import Assignment, SheetStatus
from reviews.services import ScoringRefused, save_sheet, sign_pledge, submit_sheet
from tests.factories import make_user

pytestmark = pytest.mark.usefixtures("registry", "english")
SCORES = {"feasibility": Decimal("35"), "effectiveness": Decimal("25"), "policy_linkage": Decimal("20")}


@pytest.fixture
def overdue(assignment):
    reviewer = assignment.reviewer.user
    sign_pledge(actor=reviewer, assignment=assignment)
    save_sheet(actor=reviewer, assignment=assignment, points=SCORES, comments={})
    Assignment.objects.filter(pk=assignment.pk).update(due_at=timezone.now() - timedelta(hours=1))
    return Assignment.objects.get(pk=assignment.pk)


def test_a_late_sheet_is_refused_where_the_council_accepts_none(client, overdue):
    council = make_user(Role.COUNCIL_STAFF)
    client.force_login(council)
    due = timezone.localtime(overdue.due_at).strftime("%Y-%m-%dT%H:%M")
    client.post(reverse("reviews:panel-deadline", args=[overdue.panel_id]), {"due_at": due})
    overdue.panel.refresh_from_db()
    assert not overdue.panel.accepts_late_sheets
    assert AuditEntry.objects.filter(action="review.deadline_set", changes__accepts_late_sheets=[True, False]).exists()
    with translation.override("en"), pytest.raises(ScoringRefused, match="accepts no late sheets"):
        submit_sheet(actor=overdue.reviewer.user, assignment=overdue)
    client.force_login(overdue.reviewer.user)
    page = client.get(reverse("reviews:assignment-list")).content.decode()
    assert "Overdue" in page


def test_a_late_sheet_is_accepted_where_the_council_allows_it(overdue):
    assert overdue.panel.accepts_late_sheets  # the default: a late sheet still counts
    assert overdue.is_overdue()
    sheet = submit_sheet(actor=overdue.reviewer.user, assignment=overdue)
    assert sheet.status == SheetStatus.SUBMITTED
    assert not Assignment.objects.select_related("sheet").get(pk=overdue.pk).is_overdue()
