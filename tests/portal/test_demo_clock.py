"""The demo's history carries the dates it happened on, not the moment it was seeded."""
from datetime import date, datetime, timedelta

import pytest
from django.core.management import call_command
from django.db.models import Q, Sum
from django.utils import timezone

from applications.models import SEOUL, Contest
from audit.models import AuditEntry
from notifications.models import Notification
from portal.demo_clock import demo_clock, working_moments
from portal.demo_dates import latest_cited
from portal.demo_notifications import READ_AFTER
from reviews.models import ReviewStage, ScoreSheet
from selection.models import SelectionRun
from tracking.models import ContinuationEvaluation, Disbursement, PerformanceGrade, SelectedTask
from tracking.timeline import timeline

pytestmark = pytest.mark.usefixtures("demo_day")  # the demo's present is the README's day, whenever this runs


def _kst(moment: datetime) -> datetime:
    return moment.astimezone(SEOUL)


@pytest.mark.usefixtures("registry")
def test_each_phase_of_the_demo_is_dated_when_it_happened(celery_eager, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        call_command("seed_demo", "--force")
    contest = Contest.objects.get(year=2024)
    run = SelectionRun.objects.get(contest=contest)
    assert _kst(run.confirmed_at).date() == date(2024, 12, 23)
    assert _kst(run.requested_at).date() == _kst(run.approved_at).date() == date(2024, 12, 5)
    # Score sheets submitted during their stage's review days, at many different moments.
    windows = {ReviewStage.DOCUMENT: (date(2024, 10, 22), date(2024, 10, 25)),
               ReviewStage.PRESENTATION: (date(2024, 10, 29), date(2024, 10, 31))}
    sheets = ScoreSheet.objects.filter(assignment__panel__contest=contest, submitted_at__isnull=False)
    stages = sheets.values_list("assignment__panel__stage", "submitted_at")
    assert len(stages) > 100
    for stage, submitted_at in stages:
        first, last = windows[stage]
        assert first <= _kst(submitted_at).date() <= last, (stage, submitted_at)
    assert len({submitted_at for _stage, submitted_at in stages}) == len(stages)
    # Hamyang-gun's task timeline runs from its proposal (October 2024) through 2025 into 2026.
    hamyang = SelectedTask.objects.get(contest=contest, local_government__code="48870")
    months = {(_kst(event.at).year, _kst(event.at).month) for event in timeline(hamyang)}
    assert (2024, 12) in months and (2025, 1) in months and (2026, 7) in months and len(months) >= 12
    assert all(month < (2026, 11) for month in months)
    grade = PerformanceGrade.objects.get(task=hamyang, year=2025)
    assert _kst(grade.graded_at).date() == date(2026, 2, 20)
    # The 2025 round's audit trail (contest, proposals, panels, run) is dated in 2024.
    targets = (Q(target_type="applications.contest", target_id=str(contest.pk))
               | Q(target_type="applications.proposal",
                   target_id__in=[str(pk) for pk in contest.proposals.values_list("pk", flat=True)])
               | Q(target_type="selection.selectionrun", target_id=str(run.pk)))
    years = set(AuditEntry.objects.filter(targets).values_list("at__year", flat=True))
    assert AuditEntry.objects.filter(targets).count() > 100 and years == {2024}
    # The 2026 round's tasks were paid in 2026: money shows as paid out by November 2026.
    paid = Disbursement.objects.filter(line__task__contest__year=2025, line__task__contest__preselection_for=None,
                                       paid_on__year=2026, paid_on__lte=date(2026, 11, 30))
    assert paid.aggregate(total=Sum("amount_krw"))["total"] > 0
    assert {_kst(moment).year for moment in paid.values_list("recorded_at", flat=True)} == {2026}
    # Nothing is dated after the seeding; what is current stays current.
    now = timezone.now()
    assert not AuditEntry.objects.filter(at__gt=now).exists()
    open_round = Contest.objects.get(year=2026)
    assert open_round.application_opens_at < now < open_round.application_closes_at
    # Notifications are dated when their event happened, none before its recipient joined; those older than
    # the last weeks are read, so what is unread is the last weeks' work (the open round's, the continuation).
    notifications = Notification.objects.select_related("recipient")
    assert notifications.count() > 300
    assert {_kst(moment).year for moment in notifications.values_list("created_at", flat=True)} >= {2024, 2025, 2026}
    assert all(notification.recipient.date_joined <= notification.created_at <= now for notification in notifications)
    hamyang_slot = notifications.get(recipient__username="hamyang", event="review.slot_scheduled")
    assert _kst(hamyang_slot.created_at).date() == date(2024, 10, 26)  # the panel set up after the document review
    old = notifications.filter(created_at__lt=now - READ_AFTER)
    assert old.exists() and not old.filter(read_at=None).exists()
    assert all(notification.created_at <= notification.read_at <= now for notification in old)
    unread = notifications.filter(read_at=None)
    assert unread.filter(recipient__username="reviewer").exists()  # the open round's early panel
    assert all(notification.created_at >= now - READ_AFTER for notification in unread)
    # No record cites a source published after it was made: designations (after their import), preliminary
    # selections (after their registration), decisions and every audited reason (after the act).
    _assert_sources_precede_their_records()


def _assert_sources_precede_their_records() -> None:
    from applications.models import PreliminarySelection
    from regions.models import Designation

    late = []
    for designation in Designation.objects.select_related("imported_in"):
        made = _kst(designation.imported_in.imported_at).date() if designation.imported_in else date.today()
        if (latest_cited(designation.source) or made) > made:
            late.append(("designation", designation.source, made))
    registered = {}  # (contest, local government's code): when the row was registered (its audit entry)
    for entry in AuditEntry.objects.filter(action__in=("contest.preliminary_selection_added",
                                                       "contest.preliminary_selections_fed")):
        for code in entry.changes.get("local_governments") or [entry.changes["local_government"]]:
            registered.setdefault((entry.target_id, code), _kst(entry.at).date())
    selections = PreliminarySelection.objects.select_related("local_government")
    assert selections.count() == len(registered) > 1
    for selection in selections:
        made = registered[(str(selection.contest_id), selection.local_government.code)]
        if (latest_cited(selection.source) or made) > made or selection.selected_on > made:
            late.append(("preliminary selection", selection.source, made))
    for entry in AuditEntry.objects.exclude(reason=""):
        if (latest_cited(entry.reason) or _kst(entry.at).date()) > _kst(entry.at).date():
            late.append((entry.action, entry.reason, entry.at))
    for evaluation in ContinuationEvaluation.objects.all():
        if (latest_cited(evaluation.reason) or evaluation.decided_at.date()) > _kst(evaluation.decided_at).date():
            late.append(("continuation", evaluation.reason, evaluation.decided_at))
    assert late == []


def test_the_demo_clock_never_runs_ahead_of_now():
    with demo_clock(datetime(2024, 12, 23, 9, tzinfo=SEOUL)):
        assert timezone.localtime(timezone.now(), SEOUL).date() == date(2024, 12, 23)
    before = timezone.now()
    with demo_clock(before + timedelta(days=30)):
        assert timezone.now() - before < timedelta(minutes=1)


def test_working_moments_fall_in_working_hours_in_order():
    moments = working_moments(datetime(2024, 10, 22, 10, tzinfo=SEOUL), datetime(2024, 10, 25, 17, tzinfo=SEOUL), 40)
    assert moments == sorted(set(moments)) and len(moments) == 40
    assert all(9 <= _kst(moment).hour < 18 for moment in moments)
    assert {_kst(moment).day for moment in moments} == {22, 23, 24, 25}


@pytest.mark.usefixtures("registry")
def test_the_demos_accounts_joined_before_they_acted_and_the_open_rounds_panel_is_dated_by_its_window(
        celery_eager, django_capture_on_commit_callbacks):
    from django.contrib.auth import get_user_model
    from django.db.models import Min, OuterRef, Subquery

    from reviews.models import Assignment, Panel

    seeded_at = timezone.now()
    with django_capture_on_commit_callbacks(execute=True):
        call_command("seed_demo", "--force")
    first_act = (AuditEntry.objects.filter(actor=OuterRef("pk")).values("actor")
                 .annotate(first=Min("at")).values("first"))
    users = get_user_model().objects.annotate(first_act=Subquery(first_act))
    assert users.count() > 40
    first_round_announced = datetime(2024, 10, 1, tzinfo=SEOUL)
    for user in users:  # the demo's logins, the officials without one, the reviewer pool
        assert user.date_joined < seeded_at - timedelta(days=30), user.username  # not the moment of seeding
        assert user.first_act is None or user.date_joined <= user.first_act, user.username
        assert user.last_login is None or user.date_joined <= user.last_login <= timezone.now(), user.username
    # Those who acted in the 2025 round joined before it was announced; the merged province's officer not before
    # the province existed (2026-07-01); the two ministries of 2026 before that round's first act.
    acted_2025 = users.filter(first_act__lt=datetime(2025, 1, 1, tzinfo=SEOUL))
    assert acted_2025.count() > 30 and all(user.date_joined < first_round_announced for user in acted_2025)
    assert users.get(username="jeonnamgwangju").date_joined >= datetime(2026, 7, 1, tzinfo=SEOUL)
    assert all(user.date_joined < datetime(2025, 9, 1, tzinfo=SEOUL)
               for user in users.filter(username__in=("mcst", "mof")))
    # The open round's early panel: set up within its window (computed from the seed date), after the proposal
    # it holds came in, and days before the seeding; so are its assignments and its audit entries.
    open_round = Contest.objects.get(year=2026)
    panel = Panel.objects.get(contest=open_round, stage=ReviewStage.DOCUMENT)
    moments = [*AuditEntry.objects.filter(target_type="reviews.panel", target_id=str(panel.pk))
               .values_list("at", flat=True)]
    assignments = Assignment.objects.filter(panel=panel).select_related("proposal")
    assert len(moments) >= 3 and assignments.exists()
    for assignment in assignments:
        assert assignment.proposal.first_submitted_at <= assignment.assigned_at
        moments.append(assignment.assigned_at)
    for moment in moments:
        assert open_round.application_opens_at <= moment < open_round.application_closes_at, moment
        assert moment < seeded_at - timedelta(days=1), moment
