"""A re-reviewer reads the objected proposal on the terms of an ordinary assignment: the confidentiality pledge
and the no-conflict confirmation first (or a declared conflict, which closes his request), then the proposal,
its files, the objection's files and the API open to him, until the objection is decided. A confirmed
assignment of the review is its own way in and outlives the decision."""
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone
from rest_framework.test import APIClient

from accounts.roles import Role
from applications.models import ProposalAttachment
from applications.services.documents import store_document
from audit.models import AuditEntry
from core.uploads import check_upload
from notifications.models import Notification
from regions.models import LocalGovernment
from reviews.models import Assignment, AssignmentStatus, DeclaredConflict
from selection.models import ObjectionReview, ReReviewStatus
from selection.permissions import can_read_through_re_review
from selection.selectors import proposals_re_reviewed_by
from selection.services import (
    SelectionRefused,
    decide_objection,
    file_objection,
    request_re_review,
    submit_re_review,
)
from selection.services.objections import eligible_re_reviewers, sign_re_review_pledge
from tests.documents import pdf
from tests.factories import make_user
from tests.reviews.builders import make_reviewer

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]

PLEDGE = {"confidential": "on", "no_conflict": "on"}


@pytest.fixture
def asked(published, council):
    """Danyang-gun objects (with a file) to its result; a reviewer who never scored it is asked to re-review.
    The proposal carries a file of its own."""
    run, _proposals = published
    decision = run.decisions.select_related("proposal").get(proposal__lead_local_government__code="43800")
    official = make_user(Role.LOCAL_OFFICIAL, local_government=LocalGovernment.objects.get(code="43800"))
    objection = file_objection(actor=official, decision=decision, reasons="발표평가 점수 재검토 요청",
                               uploads=[check_upload(SimpleUploadedFile("소명자료.pdf", pdf()))])
    proposal = decision.proposal
    plan = store_document(actor=official, document=ProposalAttachment(proposal=proposal, kind="business_plan"),
                          upload=check_upload(SimpleUploadedFile("사업계획서.pdf", pdf())),
                          action="proposal.attachment_added", target=proposal, details={})
    reviewer = make_reviewer()
    [review] = request_re_review(actor=council, objection=objection, reviewers=[reviewer])
    return review, plan


def doors(review, plan) -> dict[str, str]:
    """Every way to the proposal and the objection's files: pages and API."""
    proposal_pk = review.objection.decision.proposal_id
    objection_file = review.objection.attachments.get()
    return {"page": reverse("applications:proposal-detail", args=[proposal_pk]),
            "file": reverse("applications:proposal-attachment-download", args=[proposal_pk, plan.pk]),
            "objection file": reverse("selection:re-review-file", args=[review.pk, objection_file.pk]),
            "api": f"/api/v1/proposals/{proposal_pk}/",
            "api file": f"/api/v1/proposals/{proposal_pk}/attachments/{plan.pk}/download/"}


def answers(client, review, plan) -> dict[str, int]:
    return {door: client.get(url).status_code for door, url in doors(review, plan).items()}


def in_api_list(client, review) -> bool:
    listed = client.get("/api/v1/proposals/").json()
    rows = listed["results"] if isinstance(listed, dict) else listed
    return review.objection.decision.proposal_id in [row["id"] for row in rows]


def test_before_the_pledge_the_page_asks_for_it_and_nothing_of_the_proposal_opens(client, asked):
    review, plan = asked
    client.force_login(review.reviewer.user)
    page = client.get(reverse("selection:re-review", args=[review.pk]))
    body = page.content.decode()
    assert page.status_code == 200
    assert 'id="pledge-form"' in body and 'id="conflict-form"' in body
    assert "발표평가 점수 재검토 요청" not in body and "소명자료.pdf" not in body  # the objection opens later too
    assert doors(review, plan)["page"] not in body
    assert all(code in (403, 404) for code in answers(client, review, plan).values()), answers(client, review, plan)
    assert not in_api_list(client, review)
    refused = client.post(reverse("selection:re-review", args=[review.pk]), {"supports_objection": "no",
                                                                            "opinion": "서약 없이"})
    assert refused.status_code == 302
    review.refresh_from_db()
    assert review.submitted_at is None


def test_with_the_pledge_he_reads_the_proposal_its_files_and_the_objection(client, asked):
    review, plan = asked
    client.force_login(review.reviewer.user)
    incomplete = client.post(reverse("selection:re-review-pledge", args=[review.pk]), {"confidential": "on"})
    assert incomplete.status_code == 200 and 'id="pledge-form"' in incomplete.content.decode()
    assert client.post(reverse("selection:re-review-pledge", args=[review.pk]), PLEDGE).status_code == 302
    review.refresh_from_db()
    assert review.status == ReReviewStatus.PLEDGED and review.pledge_signed_at
    assert AuditEntry.objects.filter(action="selection.re_review_pledge_signed",
                                     actor=review.reviewer.user).count() == 1
    body = client.get(reverse("selection:re-review", args=[review.pk])).content.decode()
    assert "발표평가 점수 재검토 요청" in body and doors(review, plan)["page"] in body
    assert set(answers(client, review, plan).values()) == {200}
    assert in_api_list(client, review)


def test_he_looks_again_after_his_opinion_until_the_decision_and_then_no_longer(client, asked, council):
    review, plan = asked
    user = review.reviewer.user
    sign_re_review_pledge(actor=user, review=review)
    client.force_login(user)
    assert client.post(reverse("selection:re-review", args=[review.pk]),
                       {"supports_objection": "no", "opinion": "점수 유지가 타당함"}).status_code == 302
    assert set(answers(client, review, plan).values()) == {200}
    decide_objection(actor=council, objection=review.objection, accept=False, answer="기각합니다.")
    assert all(code in (403, 404) for code in answers(client, review, plan).values()), answers(client, review, plan)
    assert not in_api_list(client, review)
    page = client.get(reverse("selection:re-review", args=[review.pk])).content.decode()
    assert "점수 유지가 타당함" in page and "no longer opens" in page and doors(review, plan)["page"] not in page


def test_an_unanswered_request_closes_with_the_decision(client, asked, council):
    review, plan = asked
    decide_objection(actor=council, objection=review.objection, accept=False, answer="기각합니다.")
    client.force_login(review.reviewer.user)
    page = client.get(reverse("selection:re-review", args=[review.pk])).content.decode()
    assert 'id="pledge-form"' not in page and "decided" in page
    response = client.post(reverse("selection:re-review-pledge", args=[review.pk]), PLEDGE, follow=True)
    assert "already decided" in response.content.decode()
    assert all(code in (403, 404) for code in answers(client, review, plan).values())


def test_a_declared_conflict_closes_his_request_and_tells_the_council(client, asked, council, celery_eager,
                                                                      django_capture_on_commit_callbacks):
    review, plan = asked
    user = review.reviewer.user
    client.force_login(user)
    url = reverse("selection:re-review-conflict", args=[review.pk])
    empty = client.post(url, {"reason": ""})
    assert empty.status_code == 200 and 'id="conflict-form"' in empty.content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(url, {"reason": "단양군 출연기관 자문위원"}).status_code == 302
    review.refresh_from_db()
    assert review.status == ReReviewStatus.RECUSED and review.submitted_at is None and not review.opinion
    assert DeclaredConflict.objects.filter(reviewer=review.reviewer,
                                           proposal=review.objection.decision.proposal_id).exists()
    assert AuditEntry.objects.filter(action="selection.re_review_conflict_declared", actor=user).count() == 1
    assert Notification.objects.filter(event="selection.re_review_conflict_declared",
                                       recipient=council).exists()
    assert review.reviewer not in eligible_re_reviewers(review.objection)
    # The request is closed: nothing opens, a pledge or an opinion afterwards is told so.
    assert all(code in (403, 404) for code in answers(client, review, plan).values())
    for target, data in ((reverse("selection:re-review-pledge", args=[review.pk]), PLEDGE),
                         (reverse("selection:re-review", args=[review.pk]), {"supports_objection": "no",
                                                                             "opinion": "의견"})):
        told = client.post(target, data, follow=True)
        assert told.status_code == 200 and "declared a conflict" in told.content.decode()
    client.force_login(council)
    council_page = client.get(reverse("selection:objection-detail", args=[review.objection_id])).content.decode()
    assert "단양군 출연기관 자문위원" in council_page


def test_a_second_answer_is_told_what_happened_not_a_server_error(client, asked):
    review, _plan = asked
    client.force_login(review.reviewer.user)
    pledge = reverse("selection:re-review-pledge", args=[review.pk])
    client.post(pledge, PLEDGE)
    again = client.post(pledge, PLEDGE, follow=True)
    assert again.status_code == 200 and "already signed" in again.content.decode()
    opinion = reverse("selection:re-review", args=[review.pk])
    client.post(opinion, {"supports_objection": "yes", "opinion": "첫 의견"})
    twice = client.post(opinion, {"supports_objection": "no", "opinion": "두 번째"}, follow=True)
    assert twice.status_code == 200 and "already submitted" in twice.content.decode()
    late = client.post(reverse("selection:re-review-conflict", args=[review.pk]), {"reason": "늦은 신고"},
                       follow=True)
    assert late.status_code == 200 and "already submitted" in late.content.decode()
    review.refresh_from_db()
    assert review.opinion == "첫 의견" and review.status == ReReviewStatus.PLEDGED


def test_the_services_refuse_a_raced_second_answer(asked):
    """Two tabs: each loaded the request before the other answered; the service, not the page, refuses."""
    review, _plan = asked
    user = review.reviewer.user
    stale = ObjectionReview.objects.get(pk=review.pk)
    sign_re_review_pledge(actor=user, review=review)
    submit_re_review(actor=user, review=review, opinion="의견", supports_objection=False)
    for act in (lambda: sign_re_review_pledge(actor=user, review=stale),
                lambda: submit_re_review(actor=user, review=stale, opinion="또", supports_objection=True)):
        with pytest.raises(SelectionRefused):
            act()


def test_another_reviewer_reaches_neither_the_request_nor_its_proposal(client, asked):
    review, plan = asked
    sign_re_review_pledge(actor=review.reviewer.user, review=review)
    client.force_login(make_reviewer().user)
    for name in ("selection:re-review", "selection:re-review-pledge", "selection:re-review-conflict"):
        assert client.get(reverse(name, args=[review.pk])).status_code == 404
        assert client.post(reverse(name, args=[review.pk]), PLEDGE).status_code == 404
    assert all(code in (403, 404) for code in answers(client, review, plan).values())


def test_a_confirmed_assignment_keeps_its_own_access_after_the_decision(client, asked, council):
    review, plan = asked
    proposal = review.objection.decision.proposal
    panel = Assignment.objects.filter(proposal=proposal).first().panel
    Assignment.objects.create(panel=panel, proposal=proposal, reviewer=review.reviewer, assigned_by=council,
                              status=AssignmentStatus.CONFIRMED, pledge_signed_at=timezone.now())
    decide_objection(actor=council, objection=review.objection, accept=False, answer="기각합니다.")
    client.force_login(review.reviewer.user)
    assert answers(client, review, plan)["page"] == 200 and answers(client, review, plan)["api"] == 200
    assert answers(client, review, plan)["objection file"] == 403  # the objection's files came by the re-review


# Every state a request reaches: (pledge signed, conflict declared, opinion submitted), each decided or not.
STATES = [(False, False, False), (True, False, False), (False, True, False), (True, True, False),
          (True, False, True)]


@pytest.mark.parametrize("decided", [False, True])
@pytest.mark.parametrize(("pledged", "recused", "submitted"), STATES)
def test_the_list_and_the_page_ask_one_rule(asked, council, pledged, recused, submitted, decided):
    """Whatever the request's state, the proposals a re-reviewer reads (the selector behind every list, page
    and API answer) are those the predicate opens."""
    review, _plan = asked
    user = review.reviewer.user
    fields = {"status": ReReviewStatus.RECUSED if recused else
              ReReviewStatus.PLEDGED if pledged else ReReviewStatus.REQUESTED,
              "pledge_signed_at": timezone.now() if pledged else None,
              "conflict_reason": "사유" if recused else "",
              "submitted_at": timezone.now() if submitted else None,
              "opinion": "의견" if submitted else "", "supports_objection": False if submitted else None}
    ObjectionReview.objects.filter(pk=review.pk).update(**fields)
    if decided:
        decide_objection(actor=council, objection=review.objection, accept=False, answer="기각합니다.")
    review = ObjectionReview.objects.select_related("objection", "reviewer").get(pk=review.pk)
    proposals = type(review.objection.decision.proposal).objects.all()
    listed = proposals_re_reviewed_by(user, proposals).filter(pk=review.objection.decision.proposal_id).exists()
    assert listed == bool(can_read_through_re_review(user, review)) == (pledged and not decided and not recused)


def test_the_api_asks_the_same_pledge_and_closes_with_the_decision(asked, council):
    review, plan = asked
    api = APIClient()
    api.force_authenticate(review.reviewer.user)
    url = f"/api/v1/re-reviews/{review.pk}/"
    before = api.get(url).json()
    assert before["status"] == "requested" and before["reads_proposal"] is False
    assert before["objection_reasons"] is None
    early = api.post(f"{url}opinion/", {"supports_objection": False, "opinion": "서약 전"}, format="json")
    assert early.status_code == 400 and "Sign the confidentiality pledge" in str(early.json())
    assert api.get(doors(review, plan)["api"]).status_code == 404
    pledged = api.post(f"{url}pledge/")
    assert pledged.status_code == 200 and pledged.json()["reads_proposal"] is True
    assert pledged.json()["objection_reasons"] == "발표평가 점수 재검토 요청"
    assert api.get(doors(review, plan)["api"]).status_code == 200
    assert api.post(f"{url}pledge/").status_code == 400  # a second answer is told, not a 500
    written = api.post(f"{url}opinion/", {"supports_objection": True, "opinion": "점수 편차 과도"}, format="json")
    assert written.status_code == 200 and written.json()["submitted_at"]
    assert api.post(f"{url}opinion/", {"supports_objection": False, "opinion": "다시"},
                    format="json").status_code == 400
    assert api.post(f"{url}declare-conflict/", {"reason": "늦은 신고"}, format="json").status_code == 400
    decide_objection(actor=council, objection=review.objection, accept=False, answer="기각합니다.")
    after = api.get(url).json()
    assert after["reads_proposal"] is False and after["objection_reasons"] is None
    assert after["opinion"] == "점수 편차 과도"
    assert api.get(doors(review, plan)["api"]).status_code == 404


def test_the_api_closes_a_request_on_a_declared_conflict_and_hides_it_from_others(asked):
    review, _plan = asked
    stranger = APIClient()
    stranger.force_authenticate(make_reviewer().user)
    url = f"/api/v1/re-reviews/{review.pk}/"
    assert stranger.get(url).status_code == 404 and stranger.post(f"{url}pledge/").status_code == 404
    assert stranger.get("/api/v1/re-reviews/").json()["results"] == []
    api = APIClient()
    api.force_authenticate(review.reviewer.user)
    assert api.post(f"{url}declare-conflict/", {"reason": ""}, format="json").status_code == 400
    closed = api.post(f"{url}declare-conflict/", {"reason": "단양군 자문위원"}, format="json")
    assert closed.status_code == 200 and closed.json()["status"] == "recused"
    assert api.post(f"{url}pledge/").status_code == 400
    assert AuditEntry.objects.filter(action="selection.re_review_conflict_declared").count() == 1
