"""One journey per role, in Korean, through every confirmation dialog that role meets: each dialog at 1366×768
(focus on Cancel, says what will happen, Escape sends nothing) and again at 390×844 (inside the screen, no
sideways scroll, no serious axe-core violation), where it is confirmed and the change is made
(tests/browser/dialogs.py). The provincial officer and ministry staff meet no such dialog: their journeys do
their main job at both widths with no sideways scroll."""
from datetime import timedelta

import pytest
from django.contrib.sessions.models import Session
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from accounts.roles import Role
from applications.models import ContestAttachment, PreliminarySelection, ProposalStatus
from applications.services import add_attachment, add_contest_attachment, create_proposal, submit_proposal
from core.uploads import check_upload
from regions.models import LocalGovernment
from reviews.models import Assignment, AssignmentStatus, Panel, SheetStatus
from reviews.services import assign_automatically
from selection.models import Objection, ObjectionStatus, RunStatus, SelectionRun
from selection.services import approve_run, file_objection, publish_run
from tests import documents
from tests.applications.test_proposal_services import SECTIONS
from tests.browser.accessibility import WIDTHS, require_axe, sideways_overflow
from tests.browser.conftest import sign_in, sign_in_again
from tests.browser.dialogs import DESKTOP, PHONE, confirm_at_both_widths
from tests.factories import complete_sections, make_contest, make_user
from tests.reviews.builders import make_panel, make_rubric, submitted_sheet, totals
from tests.selection.builders import scored_contest
from tests.selection.conftest import computed_run
from tests.tracking.builders import confirmed_tasks
from tracking.models import ProgressReport

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def pdf_upload(name: str):
    return check_upload(SimpleUploadedFile(name, documents.pdf(), content_type="application/pdf"))


def button(url: str) -> str:
    """The submit button of the form posting to ``url``."""
    return f"form[action='{url}'] button"


def open_contest_draft(official, year=2026):
    now = timezone.now()
    contest = make_contest(year=year, opens=now - timedelta(days=1), closes=now + timedelta(days=10))
    draft = create_proposal(actor=official, contest=contest, values=SECTIONS,
                            lead_local_government=official.local_government)
    return complete_sections(draft, official)


def published_run(council, capture, year: int):
    contest, proposals = scored_contest({"48870": ([80, 80, 80], [90, 90, 90]),
                                         "12720": ([70, 70, 70], [75, 75, 75])}, target=1, year=year)
    run = computed_run(contest, council, capture)
    approve_run(actor=council, run=run)
    with capture(execute=False):
        publish_run(actor=council, run=run)
    return run, proposals


def test_the_official_confirms_removing_a_file_submitting_withdrawing_objecting_and_reporting(
        page, live_server, django_capture_on_commit_callbacks, celery_eager):
    require_axe()
    council = make_user(Role.COUNCIL_STAFF, language="ko")
    official = make_user(Role.LOCAL_OFFICIAL, language="ko")
    draft = open_contest_draft(official)
    extra = add_attachment(actor=official, proposal=draft, kind="other", upload=pdf_upload("참고자료.pdf"))
    run, proposals = published_run(council, django_capture_on_commit_callbacks, year=2024)
    decision = run.decisions.get(proposal=proposals["48870"])
    report = ProgressReport.objects.filter(task=confirmed_tasks(council, django_capture_on_commit_callbacks)["48870"]
                                           ).order_by("due_on").first()
    sign_in(page, live_server, official)

    page.goto(live_server.url + reverse("applications:proposal-attachments", args=[draft.pk]))
    confirm_at_both_widths(page, button(reverse("applications:proposal-attachment-remove",
                                                args=[draft.pk, extra.pk])), says="참고자료.pdf")
    assert "참고자료.pdf" not in page.inner_text("#attachment-list")

    page.goto(live_server.url + reverse("applications:proposal-detail", args=[draft.pk]))
    confirm_at_both_widths(page, "#submit-proposal", says="신청서를 제출하시겠습니까")
    draft.refresh_from_db()
    assert draft.status == ProposalStatus.SUBMITTED and draft.receipt_number in page.inner_text("#receipt")

    page.fill(f"form[action='{reverse('applications:proposal-withdraw', args=[draft.pk])}'] [name=reason]",
              "사업 범위 재검토")
    confirm_at_both_widths(page, button(reverse("applications:proposal-withdraw", args=[draft.pk])),
                           says="신청을 철회하시겠습니까")
    draft.refresh_from_db()
    assert draft.status == ProposalStatus.WITHDRAWN

    page.goto(live_server.url + reverse("selection:objection-create", args=[decision.pk]))
    page.fill("#objection-form [name=reasons]", "발표평가 점수 산정에 이의가 있습니다.")
    confirm_at_both_widths(page, "#objection-form button[type=submit]", says="이의신청을 제출하시겠습니까")
    assert Objection.objects.filter(decision=decision).exists()

    page.goto(live_server.url + reverse("tracking:report", args=[report.pk]))
    page.fill("[name=narrative]", "상반기 참여기업 모집과 시제품 개발을 마쳤습니다.")
    confirm_at_both_widths(page, "#submit-report", says="보고서를 사무국에 제출하시겠습니까")
    report.refresh_from_db()
    assert report.status == "submitted"


def test_the_reviewer_confirms_a_conflict_a_sheet_and_as_chair_the_sign_off(page, live_server):
    require_axe()
    panel = make_panel(members=3, per_proposal=3, codes=["48870", "12720"])
    make_rubric(panel.contest)
    assign_automatically(actor=make_user(Role.COUNCIL_STAFF), panel=panel)
    reviewer = Assignment.objects.filter(panel=panel).order_by("reviewer_id").first().reviewer
    reviewer.user.language = "ko"
    reviewer.user.save()
    Panel.objects.filter(pk=panel.pk).update(chair=reviewer)
    recused, scored = Assignment.objects.filter(panel=panel, reviewer=reviewer).order_by("proposal__receipt_number")
    for other in Assignment.objects.filter(panel=panel).exclude(reviewer=reviewer):  # the others are done
        other.delete()
        submitted_sheet(panel, other.proposal, totals(80)[0], reviewer=other.reviewer)
    sign_in(page, live_server, reviewer.user)

    page.goto(live_server.url + reverse("reviews:assignment-detail", args=[recused.pk]))
    page.fill("#conflict-form [name=reason]", "해당 지자체 자문위원으로 활동 중")
    confirm_at_both_widths(page, "#declare-conflict", says="이해충돌을 신고하시겠습니까")
    assert Assignment.objects.get(pk=recused.pk).status == AssignmentStatus.RECUSED

    page.goto(live_server.url + reverse("reviews:assignment-detail", args=[scored.pk]))
    page.check("#pledge-form [name=confidential]")
    page.check("#pledge-form [name=no_conflict]")
    page.click("#sign-pledge")
    page.wait_for_selector("#score-sheet")
    for name, points in (("feasibility", "35"), ("effectiveness", "25.5"), ("policy_linkage", "20")):
        page.fill(f"[name=points_{name}]", points)
    page.fill("[name=comment_feasibility]", "추진 체계가 구체적임")
    Session.objects.all().delete()  # the session ends while the sheet is open: nothing typed is lost
    page.click("#save-sheet")
    sign_in_again(page, reviewer.user)
    assert page.input_value("[name=points_effectiveness]") == "25.5"
    assert page.input_value("[name=comment_feasibility]") == "추진 체계가 구체적임"
    confirm_at_both_widths(page, "#submit-sheet", says="평가표를 제출하시겠습니까")
    assert Assignment.objects.get(pk=scored.pk).sheet.status == SheetStatus.SUBMITTED

    page.goto(live_server.url + reverse("reviews:panel-results", args=[panel.pk]))
    confirm_at_both_widths(page, "#sign-off", says="순위를 확정하시겠습니까")
    assert Panel.objects.get(pk=panel.pk).is_signed_off


def test_the_council_confirms_each_irreversible_step_of_a_round(page, live_server, django_capture_on_commit_callbacks,
                                                                 celery_eager):
    require_axe()
    council = make_user(Role.COUNCIL_STAFF, language="ko")
    official = make_user(Role.LOCAL_OFFICIAL, language="ko")
    draft = open_contest_draft(official)
    with django_capture_on_commit_callbacks(execute=False):
        submit_proposal(actor=official, proposal=draft)
    notice = add_contest_attachment(actor=council, contest=draft.contest, title="공고문 초안",
                                    upload=pdf_upload("공고문.pdf"))
    preliminary = PreliminarySelection.objects.create(
        contest=draft.contest, local_government=LocalGovernment.objects.get(code="12720"),
        programme="지역혁신 공모", task_title="곡성 치유농업", selected_on=timezone.localdate())
    contest, proposals = scored_contest({"48870": ([80, 80, 80], [90, 90, 90]),
                                         "12720": ([70, 70, 70], [75, 75, 75])}, target=1, year=2024)
    run = computed_run(contest, council, django_capture_on_commit_callbacks)
    report = ProgressReport.objects.filter(task=confirmed_tasks(council, django_capture_on_commit_callbacks)["48870"]
                                           ).order_by("due_on").first()
    ProgressReport.objects.filter(pk=report.pk).update(status="submitted", submitted_at=timezone.now(),
                                                       narrative="상반기 실적")
    sign_in(page, live_server, council)

    page.goto(live_server.url + reverse("applications:proposal-detail", args=[draft.pk]))
    page.fill("#correction-form [name=reason]", "예산표의 지방비 매칭 근거를 보완해 주십시오.")
    page.fill("#correction-form [name=due_at]", (timezone.localtime() + timedelta(days=5)).strftime("%Y-%m-%dT%H:%M"))
    confirm_at_both_widths(page, "#correction-form button", says="보완 요청을 보내시겠습니까")
    draft.refresh_from_db()
    assert draft.status == ProposalStatus.CORRECTION_REQUESTED

    page.goto(live_server.url + reverse("applications:contest-detail", args=[draft.contest_id]))
    remove_file = reverse("applications:contest-file-remove", args=[draft.contest_id, notice.pk])
    page.fill(f"form[action='{remove_file}'] [name=reason]", "개정 공고로 대체")
    confirm_at_both_widths(page, button(remove_file), says="공고문 초안")
    assert not ContestAttachment.objects.filter(pk=notice.pk).exists()
    remove_selection = reverse("applications:preliminary-remove", args=[draft.contest_id, preliminary.pk])
    page.fill(f"form[action='{remove_selection}'] [name=reason]", "선정 취소 통보")
    confirm_at_both_widths(page, button(remove_selection), says="사전 선정을 삭제하시겠습니까")
    assert not PreliminarySelection.objects.filter(pk=preliminary.pk).exists()

    page.goto(live_server.url + reverse("selection:run", args=[run.pk]))
    confirm_at_both_widths(page, "#approve-form button[type=submit]", says="승인하시겠습니까")
    with django_capture_on_commit_callbacks(execute=False):
        confirm_at_both_widths(page, "#publish-form button[type=submit]", says="2개 지자체에 결과가 즉시 통지")
    assert SelectionRun.objects.get(pk=run.pk).status == RunStatus.PUBLISHED

    objection = file_objection(actor=make_user(Role.LOCAL_OFFICIAL), decision=run.decisions.get(
        proposal=proposals["48870"]), reasons="점수 산정 이의")
    page.goto(live_server.url + reverse("selection:objection-detail", args=[objection.pk]))
    page.check("#decide-form [name=verdict][value=reject]")
    page.fill("#decide-form [name=answer]", "재검토 결과 점수 산정에 오류가 없습니다.")
    Session.objects.all().delete()  # the session ends while the answer is written: it is kept for one click
    page.click("#decide-form button[type=submit]")
    page.click("#confirm-dialog-ok")
    sign_in_again(page, council)
    assert page.input_value("#decide-form [name=answer]") == "재검토 결과 점수 산정에 오류가 없습니다."
    assert Objection.objects.get(pk=objection.pk).status != ObjectionStatus.REJECTED
    confirm_at_both_widths(page, "#decide-form button[type=submit]", says="이의신청에 대한 결정을 기록하시겠습니까")
    assert Objection.objects.get(pk=objection.pk).status == ObjectionStatus.REJECTED

    SelectionRun.objects.filter(pk=run.pk).update(objection_closes_at=timezone.now() - timedelta(minutes=1))
    page.goto(live_server.url + reverse("selection:run", args=[run.pk]))
    with django_capture_on_commit_callbacks(execute=False):
        confirm_at_both_widths(page, "#confirm-form button[type=submit]", says="결과를 확정하시겠습니까")
    assert SelectionRun.objects.get(pk=run.pk).status == RunStatus.CONFIRMED

    page.goto(live_server.url + reverse("tracking:report", args=[report.pk]))
    page.check("#review-form [name=verdict][value=accept]")
    confirm_at_both_widths(page, "#review-form button[type=submit]", says="검토 결과를 기록하시겠습니까")
    report.refresh_from_db()
    assert report.status == "accepted"


def test_the_provincial_officer_confirms_the_matching_fund_on_a_phone_and_the_plan_on_a_desktop(
        page, live_server, django_capture_on_commit_callbacks, celery_eager):
    official = make_user(Role.LOCAL_OFFICIAL, language="ko")
    proposal = open_contest_draft(official)
    with django_capture_on_commit_callbacks(execute=False):
        submit_proposal(actor=official, proposal=proposal)
    task = confirmed_tasks(make_user(Role.COUNCIL_STAFF), django_capture_on_commit_callbacks)["48870"]
    officer = make_user(Role.PROVINCIAL_OFFICER, language="ko")
    sign_in(page, live_server, officer)

    page.set_viewport_size(PHONE)
    page.goto(live_server.url + reverse("applications:proposal-detail", args=[proposal.pk]))
    page.fill("#provincial-match-form [name=amount_krw]", "50,000,000")
    page.click("#provincial-match-form button")
    page.wait_for_selector("#provincial-match >> text=50,000,000원")
    assert sideways_overflow(page) <= 0

    page.set_viewport_size(DESKTOP)
    page.goto(live_server.url + reverse("tracking:task", args=[task.pk]))
    page.click("#confirm-plan")
    page.fill("[name=year]", "2026")
    page.fill("[name=plan_title]", "2026년 경상남도 지역산업진흥계획")
    Session.objects.all().delete()  # the session ends while the form is open: nothing typed is lost
    page.click("#action-form button[type=submit]")
    sign_in_again(page, officer)
    assert page.input_value("[name=plan_title]") == "2026년 경상남도 지역산업진흥계획"
    page.click("#action-form button[type=submit]")
    page.wait_for_selector("text=2026년 경상남도 지역산업진흥계획")
    for size in WIDTHS:
        page.set_viewport_size(size)
        assert sideways_overflow(page) <= 0, size
    assert task.plan_inclusions.filter(year=2026).exists()


def test_ministry_staff_record_their_line_on_a_phone_and_read_it_on_a_desktop(
        page, live_server, django_capture_on_commit_callbacks, celery_eager):
    task = confirmed_tasks(make_user(Role.COUNCIL_STAFF), django_capture_on_commit_callbacks)["48870"]
    sign_in(page, live_server, make_user(Role.MINISTRY_STAFF, language="ko"))  # MOJ

    page.set_viewport_size(PHONE)
    page.goto(live_server.url + reverse("tracking:task", args=[task.pk]))
    page.click("#add-regional_visa")
    page.fill("[name=year]", "2026")
    page.select_option("[name=visa_type]", "F-2-R")
    for name, value in (("requested", "15"), ("allocated", "12"), ("issued", "9")):
        page.fill(f"[name={name}]", value)
    page.fill("[name=reason]", "2026년 지역특화형 비자 함양군 배정 확정")
    page.click("#action-form button[type=submit]")
    page.wait_for_selector("#line-regional_visa td:has-text('12')")
    assert sideways_overflow(page) <= 0
    page.set_viewport_size(DESKTOP)
    page.reload()
    assert "12" in page.inner_text("#line-regional_visa") and sideways_overflow(page) <= 0
