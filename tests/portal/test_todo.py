"""Each role's landing page opens with what it has to do today, each item linking where it is done and
marked when overdue; a role with nothing to do is told so."""
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from accounts.roles import Role
from applications.services import create_proposal, request_correction, submit_proposal
from reviews.models import Assignment
from reviews.services import assign_automatically
from tests.applications.test_proposal_services import SECTIONS
from tests.factories import complete_sections, make_open_contest, make_user
from tests.reviews.builders import make_panel, make_rubric

pytestmark = pytest.mark.usefixtures("registry", "english")


def landing(client, user) -> str:
    client.force_login(user)
    return client.get(reverse("home")).content.decode()


def test_an_official_sees_the_correction_asked_of_him_with_its_due_date(client):
    official = make_user(Role.LOCAL_OFFICIAL, language="en")
    assert 'id="todo-empty"' in landing(client, official)
    proposal = create_proposal(actor=official, contest=make_open_contest(), values=SECTIONS,
                               lead_local_government=official.local_government)
    complete_sections(proposal, official)
    submit_proposal(actor=official, proposal=proposal)
    due = timezone.now() + timedelta(days=3)
    request_correction(actor=make_user(Role.COUNCIL_STAFF), proposal=proposal, reason="보완", due_at=due)
    page = landing(client, official)
    assert "Corrections requested" in page and reverse("applications:proposal-detail", args=[proposal.pk]) in page
    assert timezone.localtime(due).strftime("%Y-%m-%d %H:%M") in page
    assert "Drafts to submit" not in page  # submitted: not a draft any more


def test_a_reviewer_sees_his_overdue_sheets_marked(client):
    panel = make_panel(members=3, per_proposal=3, codes=["48870"])
    make_rubric(panel.contest)
    assign_automatically(actor=make_user(Role.COUNCIL_STAFF), panel=panel)
    assignment = Assignment.objects.filter(panel=panel).order_by("reviewer_id").first()
    Assignment.objects.filter(pk=assignment.pk).update(due_at=timezone.now() - timedelta(days=1))
    page = landing(client, assignment.reviewer.user)
    assert "Score sheets to submit" in page and "(overdue)" in page
    assert reverse("reviews:assignment-detail", args=[assignment.pk]) in page


def test_a_reviewers_sheets_to_submit_list_the_soonest_due_first_and_the_undated_last(client):
    """SQLite and PostgreSQL put an assignment without a deadline at opposite ends; the list does not."""
    panel = make_panel(members=1, per_proposal=1, codes=["48870", "12720", "47730"])
    make_rubric(panel.contest)
    assign_automatically(actor=make_user(Role.COUNCIL_STAFF), panel=panel)
    undated, later, sooner = Assignment.objects.filter(panel=panel).order_by("proposal__receipt_number")
    now = timezone.now()
    Assignment.objects.filter(pk=undated.pk).update(due_at=None)
    Assignment.objects.filter(pk=later.pk).update(due_at=now + timedelta(days=5))
    Assignment.objects.filter(pk=sooner.pk).update(due_at=now + timedelta(days=2))
    page = landing(client, sooner.reviewer.user)
    todo = page[page.index("Score sheets to submit"):]
    places = [todo.index(reverse("reviews:assignment-detail", args=[assignment.pk]))
              for assignment in (sooner, later, undated)]
    assert places == sorted(places)


def test_the_council_sees_late_reports_and_the_province_its_plans(client, tasks, council,
                                                                  django_assert_max_num_queries):
    client.force_login(council)
    with django_assert_max_num_queries(40):
        page = client.get(reverse("home")).content.decode()
    assert "Late half-year reports" in page and "(overdue)" in page
    province = make_user(Role.PROVINCIAL_OFFICER, language="en")
    assert "Tasks to confirm in this year" in landing(client, province)


def test_an_official_is_told_of_an_open_contest_his_local_government_may_apply_to(client):
    """A round open today is the official's to-do until his local government has a proposal in it; an
    official whose local government is not eligible is not told of it."""
    official = make_user(Role.LOCAL_OFFICIAL, language="en")
    contest = make_open_contest()
    page = landing(client, official)
    start = reverse("applications:proposal-create") + f"?contest={contest.pk}"
    assert "Open contests you may apply to" in page and start in page and 'id="todo-empty"' not in page
    assert timezone.localtime(contest.application_closes_at).strftime("%Y-%m-%d %H:%M") in page

    create_proposal(actor=official, contest=contest, values=SECTIONS, lead_local_government=official.local_government)
    page = landing(client, official)
    assert "Open contests you may apply to" not in page and "Drafts to submit" in page

    from regions.models import LocalGovernment

    gangnam = make_user(Role.LOCAL_OFFICIAL, local_government=LocalGovernment.objects.get(code="11680"),
                        language="en")
    assert "Open contests you may apply to" not in landing(client, gangnam)


def test_an_official_sees_the_half_year_report_being_written_and_none_of_halves_to_come(hamyang):
    """On 29 November the second half's report (due 31 January) is the one being written: it is on the to-do,
    the first half's unsubmitted one is there marked overdue, next year's are not yet."""
    from datetime import datetime

    from applications.models import SEOUL
    from portal.todo import todo_for
    from tracking.models import ProgressReport

    official = make_user(Role.LOCAL_OFFICIAL, language="en")
    years = sorted(set(ProgressReport.objects.filter(task=hamyang).values_list("year", flat=True)))
    first = years[0]
    now = datetime(first, 11, 29, 10, 0, tzinfo=SEOUL)
    lists = {str(todo.title): todo.items for todo in todo_for(official, now=now)}
    reports = lists["Half-year reports due"]
    due = sorted((item.due, item.overdue) for item in reports)
    assert due == [(datetime(first, 7, 31).date(), True), (datetime(first + 1, 1, 31).date(), False)]


def test_the_administrator_sees_accounts_never_signed_in(client):
    administrator = make_user(Role.ADMINISTRATOR, language="en")
    newcomer = make_user(Role.REVIEWER, language="en")
    page = landing(client, administrator)  # signing in uses the administrator's own account
    assert "Accounts never signed in" in page and newcomer.username in page
    assert reverse("admin:accounts_user_change", args=[newcomer.pk]) in page
    client.force_login(newcomer)  # a sign-in records last_login
    assert newcomer.username not in landing(client, administrator)



def test_an_official_s_drafts_come_earliest_deadline_first_in_a_fixed_number_of_queries(
        client, django_assert_max_num_queries):
    """Two rounds open: a draft in each, listed by their deadlines; a draft of a round already closed is not
    asked of him any more. The page reads them, and what his header names, in a fixed number of queries."""
    from datetime import timedelta

    from tests.factories import make_contest

    official = make_user(Role.LOCAL_OFFICIAL, language="en")
    now = timezone.now()
    rounds = {"Late round draft": make_contest(opens=now - timedelta(days=1), closes=now + timedelta(days=9),
                                               year=2031),
              "Early round draft": make_contest(opens=now - timedelta(days=1), closes=now + timedelta(days=2),
                                                year=2032),
              "Closed round draft": make_contest(opens=now - timedelta(days=1), closes=now + timedelta(days=1),
                                                 year=2033)}
    for title, contest in rounds.items():
        create_proposal(actor=official, contest=contest, values={**SECTIONS, "title": title},
                        lead_local_government=official.local_government)
    closed = rounds["Closed round draft"]
    type(closed).objects.filter(pk=closed.pk).update(application_closes_at=now - timedelta(minutes=1))
    client.force_login(official)
    with django_assert_max_num_queries(12):  # one of them his unit's dated names (each round names it as then)
        page = client.get(reverse("home")).content.decode()
    todo = page[page.index("Drafts to submit"):]
    assert todo.index("Early round draft") < todo.index("Late round draft")
    assert "Closed round draft" not in todo.split("</ul>")[0]


def test_a_province_sees_the_late_reports_of_its_own_tasks_in_a_fixed_number_of_queries(
        client, tasks, django_assert_max_num_queries):
    """Gyeongnam's officer is shown Hamyang-gun's reports past their due date (to chase), not Gokseong-gun's
    of another province nor a report not yet due; one late report or four, the landing reads as many queries."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from tracking.models import REPORT_EDITABLE, ProgressReport

    today = timezone.localdate()
    reports = ProgressReport.objects.filter(task__in=tasks.values(), status__in=REPORT_EDITABLE)
    reports.update(due_on=today + timedelta(days=30))
    first = reports.filter(task=tasks["48870"]).order_by("year", "half").first()
    ProgressReport.objects.filter(pk=first.pk).update(due_on=today - timedelta(days=3))
    gokseong = reports.filter(task=tasks["12720"]).first()
    ProgressReport.objects.filter(pk=gokseong.pk).update(due_on=today - timedelta(days=3))
    officer = make_user(Role.PROVINCIAL_OFFICER, language="en")
    client.force_login(officer)

    def page_and_queries() -> tuple[str, int]:
        with CaptureQueriesContext(connection) as captured:
            page = client.get(reverse("home")).content.decode()
        return page, len(captured)

    page, one = page_and_queries()
    todo = page[page.index("Late half-year reports"):]
    assert reverse("tracking:report", args=[first.pk]) in todo and "(overdue)" in todo
    assert reverse("tracking:report", args=[gokseong.pk]) not in page
    reports.filter(task=tasks["48870"]).update(due_on=today - timedelta(days=1))
    with django_assert_max_num_queries(one):
        page = client.get(reverse("home")).content.decode()
    assert all(reverse("tracking:report", args=[pk]) in page
               for pk in reports.filter(task=tasks["48870"]).values_list("pk", flat=True))
