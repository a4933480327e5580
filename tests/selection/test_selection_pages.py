"""The selection's pages: the council works them; nobody else reaches them, and no applicant sees a result
before it is published."""
from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from accounts.roles import Role
from selection.models import Objection, RunStatus, SelectionRun
from selection.services import approve_run, confirm_run, file_objection, request_re_review
from tests.factories import make_outsider, make_user
from tests.reviews.builders import make_reviewer
from tests.selection.builders import scored_contest
from tests.selection.conftest import computed_run

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]

OUTSIDERS = [Role.LOCAL_OFFICIAL, Role.PROVINCIAL_OFFICER, Role.REVIEWER, Role.MINISTRY_STAFF]


def council_urls(run):
    decision = run.decisions.first()
    return {"get": [reverse("selection:contest", args=[run.contest_id]), reverse("selection:run", args=[run.pk]),
                    reverse("selection:run-export", args=[run.pk]),
                    reverse("selection:decision-adjust", args=[decision.pk])],
            "post": [reverse("selection:policy", args=[run.contest_id]),
                     reverse("selection:run-start", args=[run.contest_id]),
                     reverse("selection:run-approve", args=[run.pk]), reverse("selection:run-publish", args=[run.pk]),
                     reverse("selection:run-confirm", args=[run.pk]),
                     reverse("selection:decision-adjust", args=[decision.pk])]}


@pytest.mark.parametrize("role", OUTSIDERS)
def test_no_one_but_the_council_reaches_a_selection_page(client, scored, council, role,
                                                         django_capture_on_commit_callbacks):
    run = computed_run(scored[0], council, django_capture_on_commit_callbacks)
    client.force_login(make_user(role))
    urls = council_urls(run)
    for url in urls["get"]:
        response = client.get(url)
        assert response.status_code == 403, url
        assert "과제 48870" not in response.content.decode()
    for url in urls["post"]:
        assert client.post(url, {"reason": "x", "note": "x"}).status_code == 403, url
    run.refresh_from_db()
    assert run.status == RunStatus.COMPLETED and SelectionRun.objects.count() == 1


def test_anonymous_users_are_sent_to_sign_in(client, scored, council, django_capture_on_commit_callbacks):
    run = computed_run(scored[0], council, django_capture_on_commit_callbacks)
    for url in council_urls(run)["get"]:
        response = client.get(url)
        assert response.status_code == 302 and reverse("login") in response.url


def test_the_council_starts_a_run_and_sees_its_decisions(client, scored, council, celery_eager,
                                                         django_capture_on_commit_callbacks):
    contest, _proposals = scored
    client.force_login(council)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("selection:run-start", args=[contest.pk]), {"reason": "최종 선정"})
    run = SelectionRun.objects.get(contest=contest)
    assert response.status_code == 302 and response.url == reverse("selection:run", args=[run.pk])
    page = client.get(response.url).content.decode()
    assert "Computed, awaiting approval" in page and "87.00" in page and "Below a cut-off" in page


def test_a_refused_policy_keeps_what_was_typed(client, scored, council):
    contest, _proposals = scored
    client.force_login(council)
    response = client.post(reverse("selection:policy", args=[contest.pk]), {
        "document_weight_pct": "40", "presentation_weight_pct": "70", "document_cutoff": "55",
        "presentation_cutoff": "60", "reserve_count": "2"})
    page = response.content.decode()
    assert response.status_code == 200 and "they must add up to 100" in page
    assert 'value="55' in page and 'value="40"' in page


def test_a_refused_adjustment_says_why_next_to_the_form(client, scored, council, django_capture_on_commit_callbacks):
    run = computed_run(scored[0], council, django_capture_on_commit_callbacks)
    decision = run.decisions.get(proposal__lead_local_government__code="43800")
    client.force_login(council)
    response = client.post(reverse("selection:decision-adjust", args=[decision.pk]),
                           {"outcome": "reserve", "national_krw": "5", "reason": "예비 유지"})
    assert response.status_code == 200 and "Only a selected task receives funding" in response.content.decode()
    assert "예비 유지" in response.content.decode()


def test_no_applicant_sees_a_result_before_it_is_published(client, scored, council, django_capture_on_commit_callbacks,
                                                           celery_eager):
    contest, proposals = scored
    official = make_user(Role.LOCAL_OFFICIAL, language="en")  # Hamyang-gun's
    client.force_login(official)
    detail = reverse("applications:proposal-detail", args=[proposals["48870"].pk])
    run = computed_run(contest, council, django_capture_on_commit_callbacks)
    assert "selection-result" not in client.get(detail).content.decode()
    approve_run(actor=council, run=run)
    hamyang = run.decisions.get(proposal=proposals["48870"])
    assert "selection-result" not in client.get(detail).content.decode()
    assert client.get(reverse("selection:objection-create", args=[hamyang.pk])).status_code == 404
    client.force_login(council)
    client.post(reverse("selection:run-publish", args=[run.pk]))
    client.force_login(official)
    page = client.get(detail).content.decode()
    assert "selection-result" in page and "1,000,000,000" in page and "File an objection" in page


def test_another_local_government_cannot_see_or_object_to_a_result(client, published):
    run, proposals = published
    hamyang = run.decisions.get(proposal=proposals["48870"])
    objection = file_objection(actor=make_user(Role.LOCAL_OFFICIAL), decision=hamyang, reasons="지원액 재검토")
    for who in ("other_official", "other_province", Role.REVIEWER, Role.MINISTRY_STAFF):
        client.force_login(make_outsider(who))
        assert client.get(reverse("selection:objection-create", args=[hamyang.pk])).status_code == 404, who
        assert client.get(reverse("selection:objection-detail", args=[objection.pk])).status_code == 404, who
        assert "지원액 재검토" not in client.get(reverse("selection:objection-list")).content.decode()
    assert Objection.objects.count() == 1


def test_the_run_page_runs_the_same_queries_for_few_or_many_proposals(client, council,
                                                                      django_capture_on_commit_callbacks):
    client.force_login(council)
    counts = []
    for year, codes in ((2025, ["48870"]), (2026, ["48870", "12720", "47730", "43800", "51770"])):
        contest, _proposals = scored_contest({code: ([80] * 3, [75] * 3) for code in codes}, year=year)
        run = computed_run(contest, council, django_capture_on_commit_callbacks)
        with CaptureQueriesContext(connection) as captured:
            assert client.get(reverse("selection:run", args=[run.pk])).status_code == 200
        counts.append(len(captured))
    assert counts[0] == counts[1]


def test_a_re_reviewer_writes_his_opinion_and_no_other_reviewer_reaches_it(client, published, council):
    run, proposals = published
    objection = file_objection(actor=make_user(Role.LOCAL_OFFICIAL), decision=run.decisions.get(
        proposal=proposals["48870"]), reasons="발표 시간 부족")
    asked, other = make_reviewer(), make_reviewer()
    [review] = request_re_review(actor=council, objection=objection, reviewers=[asked])
    url = reverse("selection:re-review", args=[review.pk])
    client.force_login(other.user)
    assert client.get(url).status_code == 404
    assert client.post(url, {"supports_objection": "no", "opinion": "x"}).status_code == 404
    client.force_login(asked.user)
    assert "발표 시간 부족" not in client.get(url).content.decode()  # the objection opens after the pledge
    client.post(reverse("selection:re-review-pledge", args=[review.pk]), {"confidential": "on", "no_conflict": "on"})
    assert "발표 시간 부족" in client.get(url).content.decode()
    refused = client.post(url, {"supports_objection": "no", "opinion": ""})
    assert refused.status_code == 200 and "re-review-opinion" in refused.content.decode()
    response = client.post(url, {"supports_objection": "no", "opinion": "평가 절차에 문제 없음"})
    assert response.status_code == 302
    review.refresh_from_db()
    assert review.submitted_at and review.supports_objection is False
    client.force_login(council)
    assert "평가 절차에 문제 없음" in client.get(reverse("selection:objection-detail",
                                                   args=[objection.pk])).content.decode()


def test_a_re_reviewers_list_shows_what_awaits_his_opinion_first(client, published, council):
    """The same order on SQLite and PostgreSQL, which put a missing submission time at opposite ends."""
    run, proposals = published
    reviewer = make_reviewer()
    reviews = {}
    for code in ("48870", "12720"):
        objection = file_objection(actor=make_user(Role.LOCAL_OFFICIAL, local_government=proposals[code]
                                                   .lead_local_government),
                                   decision=run.decisions.get(proposal=proposals[code]), reasons="재검토 요청")
        [reviews[code]] = request_re_review(actor=council, objection=objection, reviewers=[reviewer])
    client.force_login(reviewer.user)
    done = reverse("selection:re-review", args=[reviews["12720"].pk])  # asked last, answered
    client.post(reverse("selection:re-review-pledge", args=[reviews["12720"].pk]),
                {"confidential": "on", "no_conflict": "on"})
    assert client.post(done, {"supports_objection": "no", "opinion": "문제 없음"}).status_code == 302
    rows = client.get(reverse("selection:re-review-list")).content.decode().split('id="re-review-list"')[1]
    waiting = rows.index(reverse("selection:re-review", args=[reviews["48870"].pk]))
    assert waiting < rows.index(done) and "Opinion submitted" in rows[rows.index(done):]


def test_a_confirmed_run_renders_its_decisions_once(client, published, council, django_capture_on_commit_callbacks):
    """Nothing changes a confirmed run's decisions, so its table comes from the cache; before, never."""
    run, _proposals = published
    client.force_login(council)
    url = reverse("selection:run", args=[run.pk])

    def decisions(body: str) -> str:
        return body[body.index('id="decisions"'):body.index("</table>", body.index('id="decisions"'))]

    published_table = decisions(client.get(url).content.decode())
    with django_capture_on_commit_callbacks(execute=True):
        confirm_run(actor=council, run=run, now=run.objection_closes_at + timedelta(minutes=1))
    with CaptureQueriesContext(connection) as first:
        body = client.get(url).content.decode()
    with CaptureQueriesContext(connection) as again:
        assert decisions(client.get(url).content.decode()) == decisions(body) == published_table
    assert len(again.captured_queries) < len(first.captured_queries)
