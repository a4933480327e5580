"""Objections: one per proposal inside the window, files kept, a re-review only by reviewers who did not
score the proposal, a written decision the applicant hears of, and confirmation after the period."""
from datetime import datetime, timedelta

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from accounts.roles import Role
from applications.models import SEOUL
from core.uploads import check_upload
from notifications.models import Notification
from regions.models import LocalGovernment
from reviews.models import Assignment
from selection.models import Objection, ObjectionStatus, Outcome, RunStatus
from selection.services import (
    SelectionRefused,
    approve_run,
    confirm_due_runs,
    confirm_run,
    decide_objection,
    file_objection,
    publish_run,
    request_re_review,
    sign_re_review_pledge,
    submit_re_review,
)
from selection.services.objections import eligible_re_reviewers
from tests.documents import pdf
from tests.factories import make_user
from tests.reviews.builders import make_reviewer
from tests.selection.conftest import computed_run

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]


@pytest.fixture
def official():
    return make_user(Role.LOCAL_OFFICIAL, local_government=LocalGovernment.objects.get(code="43800"), language="en")


@pytest.fixture
def danyang(published):
    """Danyang-gun's decision (a reserve) in the published run."""
    run, _proposals = published
    return run.decisions.select_related("run__contest", "proposal").get(proposal__lead_local_government__code="43800")


def test_the_window_runs_seven_whole_days_after_publication_and_closes_at_midnight(
        scored, official, council, django_capture_on_commit_callbacks):
    contest, _proposals = scored
    run = computed_run(contest, council, django_capture_on_commit_callbacks)
    approve_run(actor=council, run=run)
    publish_run(actor=council, run=run, now=datetime(2025, 11, 10, 14, 0, tzinfo=SEOUL))
    run.refresh_from_db()
    assert run.objection_closes_at == datetime(2025, 11, 18, 0, 0, tzinfo=SEOUL)  # the 17th is the last day
    decision = run.decisions.get(proposal__lead_local_government__code="43800")
    with pytest.raises(SelectionRefused, match="period has ended"):
        file_objection(actor=official, decision=decision, reasons="점수 산정 오류", now=run.objection_closes_at)
    objection = file_objection(actor=official, decision=decision, reasons="점수 산정 오류",
                               now=run.objection_closes_at - timedelta(seconds=1))
    assert objection.status == ObjectionStatus.FILED


def test_one_objection_per_proposal_with_its_files(danyang, official, council, celery_eager,
                                                   django_capture_on_commit_callbacks):
    upload = check_upload(SimpleUploadedFile("소명자료.pdf", pdf()))
    with django_capture_on_commit_callbacks(execute=True):
        objection = file_objection(actor=official, decision=danyang, reasons="발표평가 점수 재검토 요청",
                                   uploads=[upload])
    assert [file.original_name for file in objection.attachments.all()] == ["소명자료.pdf"]
    with pytest.raises(SelectionRefused, match="already filed"):
        file_objection(actor=official, decision=danyang, reasons="다시")
    # The filer (a receipt) and the council each hear of it once.
    assert sorted(Notification.objects.filter(event="selection.objection_filed")
                  .values_list("recipient__role", flat=True)) == [Role.COUNCIL_STAFF, Role.LOCAL_OFFICIAL]


def test_a_re_review_is_asked_only_of_reviewers_who_never_scored_the_proposal(danyang, official, council):
    objection = file_objection(actor=official, decision=danyang, reasons="재검토 요청")
    scored_before = Assignment.objects.filter(proposal=danyang.proposal).first().reviewer
    fresh = make_reviewer()
    assert fresh in eligible_re_reviewers(objection) and scored_before not in eligible_re_reviewers(objection)
    with pytest.raises(SelectionRefused, match="scored the proposal before"):
        request_re_review(actor=council, objection=objection, reviewers=[scored_before])
    [review] = request_re_review(actor=council, objection=objection, reviewers=[fresh])
    objection.refresh_from_db()
    assert objection.status == ObjectionStatus.RE_REVIEW
    with pytest.raises(SelectionRefused, match="Sign the confidentiality pledge"):
        submit_re_review(actor=fresh.user, review=review, opinion="서약 전 의견", supports_objection=True)
    sign_re_review_pledge(actor=fresh.user, review=review)
    with pytest.raises(SelectionRefused, match="Write your opinion"):
        submit_re_review(actor=fresh.user, review=review, opinion="", supports_objection=True)
    submit_re_review(actor=fresh.user, review=review, opinion="발표 점수 편차가 과도함", supports_objection=True)
    with pytest.raises(SelectionRefused, match="already submitted"):
        submit_re_review(actor=fresh.user, review=review, opinion="다시", supports_objection=False)


def test_accepting_changes_the_decision_and_the_applicant_hears_in_writing(danyang, official, council,
                                                                          celery_eager,
                                                                          django_capture_on_commit_callbacks):
    objection = file_objection(actor=official, decision=danyang, reasons="재검토 요청")
    mail.outbox.clear()
    with pytest.raises(SelectionRefused, match="Write the answer"):
        decide_objection(actor=council, objection=objection, accept=False, answer=" ")
    with django_capture_on_commit_callbacks(execute=True):
        decide_objection(actor=council, objection=objection, accept=True, answer="재검토 결과 추가 선정",
                         outcome=Outcome.SELECTED, national_krw=700_000_000)
    danyang.refresh_from_db()
    assert (danyang.outcome, danyang.national_krw, danyang.computed_outcome) == (
        Outcome.SELECTED, 700_000_000, Outcome.RESERVE)
    assert danyang.adjustments.get().reason == "재검토 결과 추가 선정"
    assert [message.to for message in mail.outbox] == [[official.email]]
    assert "accepted" in mail.outbox[0].body.lower()
    with pytest.raises(SelectionRefused, match="already decided"):
        decide_objection(actor=council, objection=objection, accept=False, answer="번복")


def test_the_result_is_confirmed_only_after_the_period_with_every_objection_decided(danyang, official, council):
    run = danyang.run
    objection = file_objection(actor=official, decision=danyang, reasons="재검토 요청")
    with pytest.raises(SelectionRefused, match="still open"):
        confirm_run(actor=council, run=run, now=run.objection_closes_at - timedelta(minutes=1))
    after = run.objection_closes_at + timedelta(hours=1)
    with pytest.raises(SelectionRefused, match="Decide every objection"):
        confirm_run(actor=council, run=run, now=after)
    assert confirm_due_runs(now=after) == []  # the nightly task waits too
    decide_objection(actor=council, objection=objection, accept=False, answer="평가 절차상 하자 없음")
    assert confirm_due_runs(now=after) == [run.pk]
    run.refresh_from_db()
    assert run.status == RunStatus.CONFIRMED
    assert confirm_due_runs(now=after) == []


def test_the_applicant_files_through_the_page_and_a_bad_file_keeps_what_was_typed(client, danyang, official):
    client.force_login(official)
    url = reverse("selection:objection-create", args=[danyang.pk])
    response = client.post(url, {"reasons": "발표평가 시 질의 시간이 보장되지 않음",
                                 "files": SimpleUploadedFile("근거.pdf", b"not a pdf at all")})
    assert response.status_code == 200
    page = response.content.decode()
    assert "근거.pdf" in page and "발표평가 시 질의 시간이 보장되지 않음" in page  # why, and nothing typed lost
    assert not Objection.objects.filter(decision=danyang).exists()
    response = client.post(url, {"reasons": "발표평가 시 질의 시간이 보장되지 않음",
                                 "files": SimpleUploadedFile("근거.pdf", pdf())})
    objection = Objection.objects.get(decision=danyang)
    assert response.status_code == 302 and response.url == reverse("selection:objection-detail",
                                                                   args=[objection.pk])
    page = client.get(reverse("applications:proposal-detail", args=[danyang.proposal_id])).content.decode()
    assert "Your objection" in page and "Filed" in page
