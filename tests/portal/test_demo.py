import re
from datetime import date
from pathlib import Path

import pytest
from django.core.management import call_command
from django.db.models import Sum
from django.utils import timezone

from applications.models import SEOUL, Contest, PreliminarySelection, Proposal, ProposalStatus
from audit.models import AuditEntry
from notifications.models import Notification
from portal.demo_round_2026 import wando_aquaculture_task
from regions.models import DesignationImport
from reviews.models import Assignment, Panel, PresentationSlot
from selection.models import Objection, ObjectionStatus, Outcome, RunStatus, SelectionRun
from tracking.models import AgreementLine, Recruitment, SelectedTask, TaskStatus

pytestmark = pytest.mark.usefixtures("demo_day")  # the demo's present is the README's day, whenever this runs


@pytest.mark.usefixtures("registry")
def test_demo_seed_shows_the_2025_round_and_runs_twice_without_change(celery_eager,
                                                                      django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):  # the notifications go out when the seed commits
        call_command("seed_demo", "--force")
    with django_capture_on_commit_callbacks(execute=True):
        call_command("seed_demo", "--force")
    seeded = AuditEntry.objects.filter(action="command.ran", target_id="seed_demo")  # each run, in the trail
    assert seeded.count() == 2 and seeded.first().changes["door"] == "command"
    statuses = dict(Proposal.objects.filter(contest__year=2024).values_list("lead_local_government__code", "status"))
    assert {code: statuses.pop(code) for code in ("48870", "48860", "48880", "48890")} == {
        "48870": ProposalStatus.SUBMITTED, "48860": ProposalStatus.RESUBMITTED, "48880": ProposalStatus.DRAFT,
        "48890": ProposalStatus.WITHDRAWN}
    assert set(statuses.values()) == {ProposalStatus.SUBMITTED} and len(statuses) == 23
    hamyang = Proposal.objects.get(contest__year=2024, lead_local_government__code="48870")
    assert "산삼" in hamyang.title and hamyang.receipt_number
    assert Proposal.objects.get(contest__year=2024, lead_local_government__code="48860").versions.count() == 2
    assert DesignationImport.objects.count() == 2  # the Rural Agreement list as known in 2024, then in 2025
    assert Panel.objects.filter(contest__year=2024, signed_off_at__isnull=False).count() == 2
    final_2026 = Contest.objects.get(year=2025, preselection_for__isnull=True)
    assert Panel.objects.filter(contest=final_2026, signed_off_at__isnull=False).count() == 2
    assert Assignment.objects.filter(panel__contest__year=2024).count() == 25 * 5 + 25 * 3
    assert PresentationSlot.objects.count() == 25 + 8 + 26  # the 2025 round, the pre-selection, the 2026 round
    run = SelectionRun.objects.get(contest__year=2024)  # seeding twice computed one run, not two
    assert run.status == RunStatus.CONFIRMED and not run.warnings
    outcomes = dict(run.decisions.values_list("proposal__lead_local_government__code", "outcome"))
    assert outcomes["48870"] == Outcome.SELECTED and outcomes["12720"] == Outcome.BELOW_CUTOFF
    objection = Objection.objects.get()
    assert objection.decision.proposal.lead_local_government.code == "12720"
    assert objection.re_reviews.get().reviewer.user.username == "reviewer"
    assert objection.status == ObjectionStatus.REJECTED and objection.attachments.count() == 1
    assert objection.re_reviews.get().submitted_at < objection.decided_at < run.confirmed_at
    re_review = objection.re_reviews.get()  # he signed the pledge before reading, as every re-reviewer does
    assert re_review.status == "pledged" and objection.filed_at < re_review.pledge_signed_at < re_review.submitted_at
    tasks = dict(SelectedTask.objects.filter(contest__year=2024).values_list("local_government__code", "status"))
    assert set(tasks) == {code for code, outcome in outcomes.items() if outcome == Outcome.SELECTED}
    assert len(tasks) == 24 and set(tasks.values()) == {TaskStatus.RUNNING}
    # The 2026 round: confirmed on 2026-01-13 with the named local governments, tasks running now.
    run_2026 = SelectionRun.objects.get(contest=final_2026)
    assert run_2026.confirmed_at.astimezone(SEOUL).date() == date(2026, 1, 13)
    named = {"43150", "43720", "43760", "43800", "12760", "12790", "12850", "12870"}
    running = set(SelectedTask.objects.filter(contest__year=2025, status=TaskStatus.RUNNING)
                  .values_list("local_government__code", flat=True))
    assert named <= running and "47760" not in running
    assert wando_aquaculture_task().proposal.title == "완도 스마트 양식 산업 육성"
    # The pre-selection contest of March 2025, confirmed, fed the final round's preliminary selections.
    preselection = Contest.objects.get(preselection_for=final_2026)
    assert preselection.selection_runs.get().status == RunStatus.CONFIRMED
    assert set(PreliminarySelection.objects.filter(contest=final_2026, source_contest=preselection)
               .values_list("local_government__code", flat=True)) == named
    assert PreliminarySelection.objects.filter(contest__year=2025).count() == len(named)
    assert not SelectedTask.objects.filter(contest=preselection).exists()
    # Danyang-gun's one-year task: evaluated, continued into 2027 with reduced funding, the line amended.
    danyang = SelectedTask.objects.get(contest=final_2026, local_government__code="43800")
    evaluation = danyang.continuation_evaluations.get()
    assert (danyang.conditional_from_year, evaluation.year, evaluation.outcome) == (2027, 2027, "reduced")
    national = dict(danyang.agreement_lines.filter(source="national").values_list("year", "amount_krw"))
    assert national[2027] == evaluation.national_krw < national[2026]
    assert AuditEntry.objects.filter(target_id=str(danyang.pk), action="tracking.agreement_changed").count() == 1
    # The open round: drafts and one submitted proposal, a reviewer with a pledge waiting.
    open_round = Contest.objects.get(year=2026)
    assert open_round.application_opens_at < timezone.now() < open_round.application_closes_at
    assert sorted(open_round.proposals.values_list("status", flat=True)) == [
        ProposalStatus.DRAFT, ProposalStatus.DRAFT, ProposalStatus.SUBMITTED]
    assert Assignment.objects.filter(panel__contest=open_round, reviewer__user__username="reviewer").exists()
    hamyang_task = SelectedTask.objects.get(local_government__code="48870")
    agreed = dict(hamyang_task.agreement_lines.values_list("source").annotate(total=Sum("amount_krw"))
                  .values_list("source", "total"))
    assert (agreed["national"], agreed["provincial"]) == (1_000_000_000, 66_000_000)  # as the article reports
    assert set(hamyang_task.agreement_lines.values_list("year", flat=True)) == {2025, 2026}
    assert AuditEntry.objects.filter(target_id=str(hamyang_task.pk), action="tracking.support_saved").count() == 5
    assert Notification.objects.filter(recipient__username="hamyang", event="review.slot_scheduled").count() == 1
    assert Notification.objects.filter(recipient__username="hamyang", event="selection.result_published").exists()


@pytest.mark.usefixtures("registry")
def test_every_demo_login_sees_its_pages_with_the_2025_data(client, celery_eager,
                                                             django_capture_on_commit_callbacks):
    from django.urls import reverse
    from django.utils.html import escape

    from applications.checklist import missing_items

    with django_capture_on_commit_callbacks(execute=True):
        call_command("seed_demo", "--force")
    assert _unchosen_particles() == []  # "완도 다시마를", never "완도 다시마을(를)"
    contest = Contest.objects.get(year=2024)
    by_lg = {proposal.lead_local_government.code: proposal for proposal in Proposal.objects.filter(contest=contest)}
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
    # The 2025 round's draft is past its deadline, so read-only; the open round's draft takes every section.
    open_draft = Proposal.objects.get(contest__year=2026, lead_local_government__code="48880")
    closed_detail = reverse("applications:proposal-detail", args=[geochang.pk])
    for name in ("proposal-companies", "proposal-budget", "proposal-kpi", "proposal-support",
                 "proposal-attachments", "proposal-update"):
        assert client.get(reverse(f"applications:{name}", args=[open_draft.pk])).status_code == 200, name
        shown = client.get(reverse(f"applications:{name}", args=[geochang.pk]), follow=True)
        assert shown.redirect_chain == [(closed_detail, 302)], name
        assert 'id="editing-closed"' in shown.content.decode(), name
    assert 'id="submit-proposal"' not in client.get(closed_detail).content.decode()
    pages_of("gyeongnam")
    detail = client.get(reverse("applications:proposal-detail", args=[hamyang.pk]))
    # The 2025 round is decided: its confirmation is shown and no longer offered; the open round's is.
    assert 'id="provincial-match"' in detail.content.decode()
    assert "provincial-match-form" not in detail.content.decode()
    hapcheon_2027 = Proposal.objects.get(contest__year=2026, lead_local_government__name_ko="합천군")
    assert "provincial-match-form" in client.get(
        reverse("applications:proposal-detail", args=[hapcheon_2027.pk])).content.decode()
    assert "presentation-slot" in detail.content.decode()
    pages_of("reviewer")
    mine = client.get(reverse("reviews:assignment-list")).content.decode()
    assert "산삼 항노화" in mine and "거창 사과" in mine and "chaired-panels" in mine
    assert 'id="unread-count"' in mine
    assert "re-review-list" in client.get(reverse("selection:re-review-list")).content.decode()
    re_review = Objection.objects.get().re_reviews.get()
    assert "재검토" in client.get(reverse("selection:re-review", args=[re_review.pk])).content.decode()
    waiting = Assignment.objects.get(reviewer__user__username="reviewer", panel__contest__year=2026,
                                     proposal__lead_local_government__code="48890")
    assert "pledge-form" in client.get(reverse("reviews:assignment-detail", args=[waiting.pk])).content.decode()
    document_panel = Panel.objects.get(stage="document", contest=contest)
    assert client.get(reverse("reviews:panel-results", args=[document_panel.pk])).status_code == 200
    pages_of("council")
    panel_page = client.get(reverse("reviews:panel-detail", args=[document_panel.pk])).content.decode()
    assert "shortfalls" in panel_page  # the recusal left Hamyang one reviewer short
    results = client.get(reverse("reviews:panel-results", args=[document_panel.pk])).content.decode()
    assert "table-warning" in results  # one reviewer scores well below the panel
    assert 'id="runs"' in client.get(reverse("selection:contest", args=[contest.pk])).content.decode()
    run = SelectionRun.objects.get(contest=contest)
    run_page = client.get(reverse("selection:run", args=[run.pk])).content.decode()
    assert 'id="confirmed"' in run_page and "산삼" in run_page
    objection = Objection.objects.get()
    assert "re-reviews" in client.get(reverse("selection:objection-detail", args=[objection.pk])).content.decode()
    pages_of("hamyang")
    # Her notifications are all of events older than three weeks: listed, read; the reviewer's of the open round's
    # panel (last week) are unread.
    notifications = client.get(reverse("notifications:list")).content.decode()
    assert 'id="unread-count"' not in notifications
    slot = Notification.objects.get(recipient__username="hamyang", event="review.slot_scheduled")
    assert slot.read_at and escape(slot.subject) in notifications
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


UNCHOSEN_PARTICLES = ("(을)", "(를)", "(이)", "(가)", "(은)", "(는)", "(과)", "(와)", "(으)로", "(이)나", "(이)라")


def _unchosen_particles() -> list[tuple[str, str, str]]:
    """Every seeded text (each model's text fields, and the JSON the audit trail and versions keep) that writes
    a particle out in both forms instead of choosing one: (model, field, the text)."""
    import json

    from django.apps import apps
    from django.db.models import CharField, JSONField, Q, TextField

    found = []
    for model in apps.get_models():
        for field in model._meta.concrete_fields:
            if isinstance(field, CharField | TextField):
                matches = Q()
                for particle in UNCHOSEN_PARTICLES:
                    matches |= Q(**{f"{field.name}__contains": particle})
                found += [(model._meta.label, field.name, text)
                          for text in model.objects.filter(matches).values_list(field.name, flat=True)[:5]]
            elif isinstance(field, JSONField):
                for value in model.objects.values_list(field.name, flat=True).iterator():
                    text = json.dumps(value, ensure_ascii=False)
                    if any(particle in text for particle in UNCHOSEN_PARTICLES):
                        found.append((model._meta.label, field.name, text[:200]))
    return found


TIMELINE = Path(__file__).resolve().parents[2] / "portal" / "data" / "program-timeline.md"


OKCHEON_YEONGDONG_DANYANG = ["43730", "43740", "43800"]
GIMJE_SUNCHANG_NAMWON_JANGSU = ["52210", "52770", "52190", "52740"]
JEONNAM_2026 = ["12760", "12790", "12850", "12870"]  # Hwasun, Haenam, Wando, Sinan (current codes)
CHUNGBUK_2026 = ["43150", "43720", "43760", "43800"]  # Jecheon, Boeun, Goesan, Danyang


def _agreed(contest, codes: list[str], source: str | None = None) -> int:
    """What the agreements of ``contest``'s tasks in ``codes`` hold, of ``source`` or in all."""
    lines = AgreementLine.objects.filter(task__contest=contest, task__local_government__code__in=codes)
    if source:
        lines = lines.filter(source=source)
    assert lines.values("task").distinct().count() == len(codes)
    return lines.aggregate(total=Sum("amount_krw"))["total"]


@pytest.mark.usefixtures("registry")
def test_the_demo_rounds_and_hamyangs_agreement_match_the_public_timeline(celery_eager,
                                                                             django_capture_on_commit_callbacks):
    """The figures are read from program-timeline.md (a copy of the shared record), not restated here: the
    2025 round's window, count and named groups' funding, Hamyang-gun's agreement, the 2026 round's 25 tasks
    and its named groups' funding."""
    text = " ".join(TIMELINE.read_text(encoding="utf-8").split())
    window = re.search(r"applications (\d{4}-\d{2}-\d{2}) to (\d{4}-\d{2}-\d{2})", text)
    confirmed = re.search(r"Final list of (\d+) tasks confirmed on (\d{4}-\d{2}-\d{2})", text)
    money = re.search(r"([\d,]+) KRW national \+ ([\d,]+) KRW provincial for (\d{4})–(\d{4})", text)
    with django_capture_on_commit_callbacks(execute=True):
        call_command("seed_demo", "--force")
    contest = Contest.objects.get(name_ko__startswith="2025년")
    assert contest.application_opens_at.astimezone(SEOUL).date() == date.fromisoformat(window[1])
    assert contest.application_closes_at.astimezone(SEOUL).date() == date.fromisoformat(window[2])
    assert {m.code for m in contest.participating_ministries.all()} == {"MSS", "MOIS", "MOJ", "MAFRA"}
    run = SelectionRun.objects.get(contest=contest)
    assert run.confirmed_at.astimezone(SEOUL).date() == date.fromisoformat(confirmed[2])
    assert SelectedTask.objects.filter(contest=contest).count() == int(confirmed[1])
    task = SelectedTask.objects.get(contest=contest, local_government__code="48870")
    lines = task.agreement_lines.values_list("year", "source", "amount_krw")
    assert {year for year, _source, _amount in lines} == {int(money[3]), int(money[4])}
    assert sum(amount for _year, source, amount in lines if source == "national") == int(money[1].replace(",", ""))
    assert sum(amount for _year, source, amount in lines if source == "provincial") == int(money[2].replace(",", ""))
    recruitment = task.recruitments.get()
    assert (recruitment.opens_on.year, recruitment.opens_on.month) == (2025, 1)
    assert recruitment.published_through == "경남테크노파크"
    assert task.reports.filter(year=2026).count() == 2
    # The 2025 round's named groups: national funding as the press reported it.
    krw = {name: int(re.search(pattern, text)[1].replace(",", "")) for name, pattern in (
        ("chungbuk_2025", r"([\d,]+) KRW national for the three"),
        ("jeonbuk_2025", r"([\d,]+) KRW national for the four"),
        ("gangneung", r"Gangneung-si \([^)]*\), ([\d,]+) KRW national"),
        ("gangneung_all", r"Gangneung-si \([^)]*\), [\d,]+ KRW national, ([\d,]+) KRW in all"),
        ("chungbuk_2026", r"about ([\d,]+) KRW national"),
        ("jeonnam_2026", r"([\d,]+) KRW national over two years"),
        ("jeonnam_2026_all", r"KRW national over two years, ([\d,]+) KRW in all"))}
    assert _agreed(contest, OKCHEON_YEONGDONG_DANYANG, "national") == krw["chungbuk_2025"]
    assert _agreed(contest, GIMJE_SUNCHANG_NAMWON_JANGSU, "national") == krw["jeonbuk_2025"]
    assert (_agreed(contest, ["51150"], "national"), _agreed(contest, ["51150"])) == (krw["gangneung"],
                                                                                      krw["gangneung_all"])
    # The 2026 round: 25 tasks selected by the portal's run; the named groups' national funding as reported.
    confirmations = re.findall(r"Final list of (\d+) tasks confirmed on (\d{4}-\d{2}-\d{2})", text)
    rounds = {date.fromisoformat(day): int(count) for count, day in confirmations}
    final_2026 = Contest.objects.get(year=2025, preselection_for__isnull=True)
    run_2026 = SelectionRun.objects.get(contest=final_2026)
    assert run_2026.confirmed_at.astimezone(SEOUL).date() in rounds
    selected = run_2026.decisions.filter(outcome=Outcome.SELECTED)
    assert selected.count() == rounds[run_2026.confirmed_at.astimezone(SEOUL).date()] == 25
    assert SelectedTask.objects.filter(contest=final_2026).count() == 25
    assert not selected.filter(funding_reduced=True).exists()
    assert all(decision.national_krw <= final_2026.national_cap_per_task_krw for decision in selected)
    assert sorted(selected.values_list("rank", flat=True)) == list(range(1, 26))
    assert _agreed(final_2026, JEONNAM_2026, "national") == krw["jeonnam_2026"]
    assert _agreed(final_2026, JEONNAM_2026) == krw["jeonnam_2026_all"]
    chungbuk = selected.filter(proposal__lead_local_government__code__in=CHUNGBUK_2026)
    assert chungbuk.aggregate(total=Sum("national_krw"))["total"] == krw["chungbuk_2026"]
    # Danyang-gun's task runs 2026 only: the selection gave its first year, a continuation decided the second.
    danyang = SelectedTask.objects.get(contest=final_2026, local_government__code="43800")
    first_year = danyang.agreement_lines.get(year=2026, source="national").amount_krw
    assert danyang.decision.national_krw == first_year
    # Every task's agreement is the run's decision (Danyang-gun's second year aside).
    for task in SelectedTask.objects.filter(contest__in=[contest, final_2026]).select_related("decision"):
        national = task.agreement_lines.filter(source="national").exclude(task=danyang, year=2027)
        assert national.aggregate(total=Sum("amount_krw"))["total"] == task.decision.national_krw, task


@pytest.mark.usefixtures("registry")
def test_hamyang_starts_and_submits_in_the_open_round_without_a_council_step(client, celery_eager,
                                                                            django_capture_on_commit_callbacks):
    from django.urls import reverse

    from applications.services import update_proposal
    from portal.demo_proposals import _fill_sections

    with django_capture_on_commit_callbacks(execute=True):
        call_command("seed_demo", "--force")
    open_round = Contest.objects.get(application_opens_at__lte=timezone.now(),
                                     application_closes_at__gt=timezone.now())
    client.post(reverse("login"), {"username": "hamyang", "password": "demo-portal-2025"})
    response = client.post(f"{reverse('applications:proposal-create')}?contest={open_round.pk}", {
        "contest": open_round.pk, "title": "산삼 항노화 2단계: 해외 시장 진출", "summary": "2단계 해외 진출"})
    assert response.status_code == 302
    proposal = open_round.proposals.get(lead_local_government__code="48870")
    _fill_sections(open_round, "hamyang", proposal, proposal.created_by)  # the sections' own services
    update_proposal(actor=proposal.created_by, proposal=proposal, values={
        "specialty_resource": "함양 산삼", "industry": "항노화 바이오", "extinction_strategy": "청년 고용",
        "support_programme": "단계별 지원"})
    assert client.post(reverse("applications:proposal-submit", args=[proposal.pk])).status_code == 302
    proposal.refresh_from_db()
    assert proposal.status == ProposalStatus.SUBMITTED and proposal.receipt_number


@pytest.mark.usefixtures("registry")
def test_every_demo_login_opens_on_a_to_do_list_it_can_act_on(celery_eager, django_capture_on_commit_callbacks):
    """Each of the fifteen logins has something to do, and nothing it cannot act on: the province confirms the
    matching of the open round's proposal only (once), a ministry is asked for rows of the contests it takes part
    in, the council decides Incheon Dong-gu's successor."""
    from django.contrib.auth import get_user_model
    from django.urls import resolve, reverse
    from django.utils import translation

    from portal.todo import todo_for

    with django_capture_on_commit_callbacks(execute=True):
        call_command("seed_demo", "--force")
    users = get_user_model().objects.filter(username__in=LOGINS)
    assert users.count() == len(LOGINS) == 15
    with translation.override("en"):
        todos = {user.username: {str(todo.title): todo for todo in todo_for(user)} for user in users}
    assert all(todos.values()), [name for name, lists in todos.items() if not lists]

    hapcheon = Proposal.objects.get(contest__year=2026, lead_local_government__name_ko="합천군")
    assert [item.url for item in todos["gyeongnam"]["Provincial matching to confirm"].items] == [
        reverse("applications:proposal-detail", args=[hapcheon.pk])]
    assert "Provincial matching to confirm" not in todos["jeonnamgwangju"]
    # Each province is shown the late reports of its own tasks: the merged province Sinan-gun's (README).
    from tracking.models import ProgressReport

    def reports_in(todo) -> set[str]:
        return set(ProgressReport.objects.filter(pk__in=[resolve(item.url).kwargs["pk"] for item in todo.items])
                   .values_list("task__local_government__code", flat=True))

    assert reports_in(todos["jeonnamgwangju"]["Late half-year reports"]) == {"12870"}
    assert "Late half-year reports" not in todos["gyeongnam"]
    assert reports_in(todos["council"]["Late half-year reports"]) == {"12870", "51770"}
    for ministry in ("moj", "mois", "mafra", "mss", "mcst", "mof"):
        items = todos[ministry]["Running tasks without this year's row on your support lines"].items
        tasks = SelectedTask.objects.filter(pk__in=[resolve(item.url).kwargs["pk"] for item in items])
        code = get_user_model().objects.get(username=ministry).ministry.code
        assert len(tasks) == len(items) and all(task.status == TaskStatus.RUNNING for task in tasks)
        taking_part = [{m.code for m in task.contest.participating_ministries.all()} for task in tasks]
        assert all(not codes or code in codes for codes in taking_part), ministry  # none named: every ministry
    from regions.models import LocalGovernment

    dong_gu = reverse("regions:detail", args=[LocalGovernment.objects.get(code="28140").pk])
    assert dong_gu in [item.url for item in todos["council"]["Designations whose successor is undecided"].items]
    # Danyang-gun's 2027 continuation is decided in the demo: nothing left to record.
    assert "Continuation evaluations to record" not in todos["council"]


LOGINS = ("admin", "council", "hamyang", "sancheong", "geochang", "hapcheon", "gyeongnam", "jeonnamgwangju",
          "reviewer", "moj", "mois", "mafra", "mss", "mcst", "mof")
