import pytest
from django.core.management import call_command
from django.db.models import Sum

from applications.models import Proposal, ProposalStatus
from audit.models import AuditEntry
from notifications.models import Notification
from regions.models import DesignationImport
from reviews.models import Assignment, Panel, PresentationSlot
from selection.models import Objection, ObjectionStatus, Outcome, RunStatus, SelectionRun
from tracking.models import Recruitment, SelectedTask, TaskStatus


@pytest.mark.usefixtures("registry")
def test_demo_seed_shows_the_2025_round_and_runs_twice_without_change(celery_eager,
                                                                      django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):  # the notifications go out when the seed commits
        call_command("seed_demo", "--force")
    with django_capture_on_commit_callbacks(execute=True):
        call_command("seed_demo", "--force")
    statuses = dict(Proposal.objects.filter(contest__year=2025).values_list("lead_local_government__code", "status"))
    assert statuses == {"48870": ProposalStatus.SUBMITTED, "48860": ProposalStatus.RESUBMITTED,
                        "48880": ProposalStatus.DRAFT, "48890": ProposalStatus.WITHDRAWN,
                        **dict.fromkeys(["47730", "12720", "43800", "51770"], ProposalStatus.SUBMITTED)}
    hamyang = Proposal.objects.get(lead_local_government__code="48870")
    assert "산삼" in hamyang.title and hamyang.receipt_number
    assert Proposal.objects.get(lead_local_government__code="48860").versions.count() == 2
    assert DesignationImport.objects.count() == 1
    assert set(Proposal.objects.filter(contest__year=2026).values_list("status", flat=True)) == {
        ProposalStatus.SUBMITTED}
    assert Panel.objects.filter(contest__year=2025, signed_off_at__isnull=False).count() == 2
    assert Assignment.objects.filter(panel__contest__year=2025).count() == 30 + 18
    assert Panel.objects.get(contest__year=2026).assignments.count() == 4 * 5
    assert PresentationSlot.objects.count() == 6
    run = SelectionRun.objects.get()  # seeding twice computed one run, not two
    assert run.status == RunStatus.CONFIRMED and not run.warnings
    outcomes = dict(run.decisions.values_list("proposal__lead_local_government__code", "outcome"))
    assert outcomes["48870"] == Outcome.SELECTED and outcomes["12720"] == Outcome.BELOW_CUTOFF
    objection = Objection.objects.get()
    assert objection.decision.proposal.lead_local_government.code == "12720"
    assert objection.re_reviews.get().reviewer.user.username == "reviewer"
    assert objection.status == ObjectionStatus.REJECTED and objection.attachments.count() == 1
    assert objection.re_reviews.get().submitted_at < objection.decided_at < run.confirmed_at
    tasks = dict(SelectedTask.objects.values_list("local_government__code", "status"))
    assert set(tasks) == {code for code, outcome in outcomes.items() if outcome == Outcome.SELECTED}
    assert set(tasks.values()) == {TaskStatus.RUNNING}
    hamyang_task = SelectedTask.objects.get(local_government__code="48870")
    agreed = dict(hamyang_task.agreement_lines.values_list("source").annotate(total=Sum("amount_krw"))
                  .values_list("source", "total"))
    assert (agreed["national"], agreed["provincial"]) == (1_000_000_000, 66_000_000)  # as the article reports
    assert AuditEntry.objects.filter(target_id=str(hamyang_task.pk), action="tracking.support_saved").count() == 5
    assert Notification.objects.filter(recipient__username="hamyang", event="review.slot_scheduled").count() == 1
    assert Notification.objects.filter(recipient__username="hamyang", event="selection.result_published").exists()


@pytest.mark.usefixtures("registry")
def test_every_demo_login_sees_its_pages_with_the_2025_data(client, celery_eager,
                                                             django_capture_on_commit_callbacks):
    from django.urls import reverse

    from applications.checklist import missing_items
    from applications.models import Contest

    with django_capture_on_commit_callbacks(execute=True):
        call_command("seed_demo", "--force")
    contest = Contest.objects.get(year=2025)
    by_lg = {proposal.lead_local_government.code: proposal for proposal in Proposal.objects.all()}
    hamyang, sancheong, geochang = by_lg["48870"], by_lg["48860"], by_lg["48880"]
    assert not missing_items(hamyang) and hamyang.attachments.count() == 3
    assert hamyang.provincial_confirmations.get().amount_krw == 300_000_000

    def pages_of(username):
        client.logout()
        response = client.post(reverse("login"), {"username": username, "password": "demo-portal-2025"})
        assert response.status_code == 302, username

    pages_of("council")
    council_list = client.get(reverse("applications:contest-proposals", args=[contest.pk]))
    assert council_list.status_code == 200 and "산삼" in council_list.content.decode()
    assert client.get(reverse("applications:contest-proposals-export", args=[contest.pk, "xlsx"])).status_code == 200
    assert client.get(reverse("applications:proposal-versions", args=[sancheong.pk])).status_code == 200
    pages_of("geochang")
    for name in ("proposal-companies", "proposal-budget", "proposal-kpi", "proposal-support",
                 "proposal-attachments", "proposal-update"):
        assert client.get(reverse(f"applications:{name}", args=[geochang.pk])).status_code == 200, name
    pages_of("gyeongnam")
    detail = client.get(reverse("applications:proposal-detail", args=[hamyang.pk]))
    assert "provincial-match-form" in detail.content.decode()
    assert "presentation-slot" in detail.content.decode()
    pages_of("reviewer")
    mine = client.get(reverse("reviews:assignment-list")).content.decode()
    assert "산삼 항노화" in mine and "거창 사과" in mine and "chaired-panels" in mine
    assert "re-review-list" in client.get(reverse("selection:re-review-list")).content.decode()
    re_review = Objection.objects.get().re_reviews.get()
    assert "재검토" in client.get(reverse("selection:re-review", args=[re_review.pk])).content.decode()
    geochang_review = Assignment.objects.get(reviewer__user__username="reviewer", panel__contest__year=2026,
                                             proposal__lead_local_government__code="48880")
    assert "pledge-form" in client.get(reverse("reviews:assignment-detail",
                                               args=[geochang_review.pk])).content.decode()
    document_panel = Panel.objects.get(stage="document", contest=contest)
    assert client.get(reverse("reviews:panel-results", args=[document_panel.pk])).status_code == 200
    pages_of("council")
    panel_page = client.get(reverse("reviews:panel-detail", args=[document_panel.pk])).content.decode()
    assert "shortfalls" in panel_page  # the recusal left Hamyang one reviewer short
    results = client.get(reverse("reviews:panel-results", args=[document_panel.pk])).content.decode()
    assert "table-warning" in results  # one reviewer scores well below the panel
    assert 'id="runs"' in client.get(reverse("selection:contest", args=[contest.pk])).content.decode()
    run = SelectionRun.objects.get()
    run_page = client.get(reverse("selection:run", args=[run.pk])).content.decode()
    assert 'id="confirmed"' in run_page and "산삼" in run_page
    objection = Objection.objects.get()
    assert "re-reviews" in client.get(reverse("selection:objection-detail", args=[objection.pk])).content.decode()
    pages_of("hamyang")
    assert 'id="unread-count"' in client.get(reverse("notifications:list")).content.decode()
    result = client.get(reverse("applications:proposal-detail", args=[hamyang.pk])).content.decode()
    assert "selection-result" in result and "file-objection" not in result  # the period is over
    task = SelectedTask.objects.get(local_government__code="48870")
    task_page = client.get(reverse("tracking:task", args=[task.pk])).content.decode()
    assert reverse("tracking:milestone-add", args=[task.pk]) in task_page and "경남테크노파크" in task_page
    assert client.get(reverse("tracking:report", args=[task.reports.get(year=2026, half=2).pk])).status_code == 200
    pages_of("gyeongnam")
    assert "confirm-plan" in client.get(reverse("tracking:task", args=[task.pk])).content.decode()
    pages_of("council")
    dashboard = client.get(reverse("tracking:dashboard")).content.decode()
    assert "korea-map" in dashboard and 'id="support-regional_visa"' in dashboard
    assert "change-status" in client.get(reverse("tracking:task", args=[task.pk])).content.decode()
    open_recruitment = Recruitment.objects.get(task__local_government__code="48860")
    client.logout()
    assert "apply-form" in client.get(reverse("tracking:apply", args=[open_recruitment.pk])).content.decode()
    pages_of("moj")
    assert "add-regional_visa" in client.get(reverse("tracking:task", args=[task.pk])).content.decode()
    contest_page = client.get(reverse("applications:contest-detail", args=[contest.pk])).content.decode()
    assert "공고문" in contest_page
    announcement = contest.attachments.get()
    download = client.get(reverse("applications:contest-file-download", args=[contest.pk, announcement.pk]))
    assert b"".join(download.streaming_content).startswith(b"%PDF-")
