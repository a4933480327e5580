"""The to-do lists ask what each role can still act on: a ministry the running tasks of the contests it takes
part in that lack this year's row on its lines, a province the matching still open to confirmation, the
council the successions and continuation evaluations left to decide; a list cut at eight says so; a closed
round does not invite applying."""
from datetime import datetime, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from accounts.roles import Role
from applications.models import SEOUL, Proposal
from applications.services import SubmissionRefused, confirm_provincial_match, create_proposal, submit_proposal
from ministries.models import Ministry
from portal.todo import todo_for
from tests.applications.test_proposal_services import SECTIONS
from tests.factories import complete_sections, make_contest, make_user
from tests.tracking.builders import support_row
from tracking.models import TaskStatus

pytestmark = pytest.mark.usefixtures("registry", "english")

MAY_2026 = datetime(2026, 5, 4, 10, 0, tzinfo=SEOUL)


def lists(user, now=None) -> dict:
    return {str(todo.title): todo for todo in todo_for(user, now=now)}


def landing(client, user) -> str:
    client.force_login(user)
    return client.get(reverse("home")).content.decode()


def test_a_ministry_is_asked_for_this_year_s_rows_of_the_running_tasks_of_its_contests_only(tasks, staff):
    """Running tasks without a row of the ministry's own lines for this year; a row of last year does not do, a
    row of this year takes the task off; a contest naming other ministries is not the ministry's."""
    hamyang, other = tasks["48870"], tasks["12720"]
    type(hamyang).objects.filter(pk__in=[hamyang.pk, other.pk]).update(status=TaskStatus.RUNNING)
    title = "Running tasks without this year's row on your support lines"
    support_row(hamyang, "regional_visa", year=2025, visa_type="F-2-R", requested=5, allocated=4, issued=3)
    asked = [item.url for item in lists(staff["MOJ"], MAY_2026)[title].items]
    assert asked == [reverse("tracking:task", args=[task.pk])
                     for task in sorted([hamyang, other], key=lambda task: task.local_government.code)]
    support_row(hamyang, "regional_visa", year=2026, visa_type="F-2-R", requested=5, allocated=4, issued=3)
    assert [item.url for item in lists(staff["MOJ"], MAY_2026)[title].items] == [
        reverse("tracking:task", args=[other.pk])]
    assert len(lists(staff["MSS"], MAY_2026)[title].items) == 2  # the MOJ row is not the MSS's

    hamyang.contest.participating_ministries.set([Ministry.objects.get(code="MSS")])
    assert title not in lists(staff["MOJ"], MAY_2026)
    assert len(lists(staff["MSS"], MAY_2026)[title].items) == 2
    type(hamyang).objects.filter(pk=other.pk).update(status=TaskStatus.COMPLETED)
    assert len(lists(staff["MSS"], MAY_2026)[title].items) == 1


def submitted(contest, official) -> Proposal:
    proposal = create_proposal(actor=official, contest=contest, values=SECTIONS,
                               lead_local_government=official.local_government)
    complete_sections(proposal, official)
    submit_proposal(actor=official, proposal=proposal)
    proposal.refresh_from_db()
    return proposal


def test_a_province_confirms_matching_only_where_the_round_is_not_decided_and_the_form_says_the_same(
        client, tasks):
    """Hamyang-gun's proposal of a confirmed round is not asked of the province, and neither page nor service
    takes a confirmation of it; its proposal in the open round is, until confirmed, listed once."""
    province = make_user(Role.PROVINCIAL_OFFICER, language="en")
    decided = tasks["48870"].proposal
    official = make_user(Role.LOCAL_OFFICIAL, language="en")
    now = timezone.now()
    proposal = submitted(make_contest(opens=now - timedelta(days=1), closes=now + timedelta(days=1), year=2030),
                         official)
    todo = lists(province)["Provincial matching to confirm"]
    assert [item.url for item in todo.items] == [reverse("applications:proposal-detail", args=[proposal.pk])]

    url = reverse("applications:proposal-provincial-match", args=[decided.pk])
    client.force_login(province)
    assert url not in client.get(reverse("applications:proposal-detail", args=[decided.pk])).content.decode()
    assert client.post(url, {"amount_krw": "50000000", "note": "x"}).status_code in (302, 403)
    assert not decided.provincial_confirmations.exists()
    with pytest.raises(SubmissionRefused, match="decided"):
        confirm_provincial_match(actor=province, proposal=decided, amount_krw=50_000_000, note="late")

    confirm_provincial_match(actor=province, proposal=proposal, amount_krw=50_000_000, note="ok")
    assert "Provincial matching to confirm" not in lists(province)


def test_a_list_cut_at_eight_reads_eight_or_more_and_links_the_full_list(client):
    """Nine accounts never used: eight shown, "8 or more", a link to every account."""
    administrator = make_user(Role.ADMINISTRATOR, language="en")
    for _number in range(9):
        make_user(Role.REVIEWER, language="en")
    page = landing(client, administrator)
    todo = page[page.index("Accounts never signed in"):page.index("</section>")]
    assert "8 or more" in todo and "The first 8 are shown." in todo
    assert reverse("admin:accounts_user_changelist") in todo and todo.count("<li>") == 8


def test_the_council_sees_the_successor_to_decide_and_the_continuation_to_record_in_few_queries(
        client, tasks, council, django_assert_max_num_queries):
    """Incheon Dong-gu's area of interest waits for a successor decision; a task funded on condition from its
    second year waits for its continuation evaluation; both link where they are decided."""
    from regions.models import LocalGovernment
    from tracking.services import set_condition

    hamyang = tasks["48870"]
    set_condition(actor=council, task=hamyang, from_year=2027, reason="1년 과제")
    client.force_login(council)
    with django_assert_max_num_queries(16):
        page = client.get(reverse("home")).content.decode()
    assert "Continuation evaluations to record" in page
    assert reverse("tracking:task-continuation", args=[hamyang.pk]) in page
    dong_gu = LocalGovernment.objects.get(code="28140")  # reorganised on 2026-07-01, its successor undecided
    assert "Designations whose successor is undecided" in page
    assert reverse("regions:detail", args=[dong_gu.pk]) in page


def test_a_closed_round_says_it_is_closed_and_does_not_invite_applying(client):
    official = make_user(Role.LOCAL_OFFICIAL, language="en")
    now = timezone.now()
    make_contest(opens=now - timedelta(days=30), closes=now - timedelta(days=1), year=2034)
    page = landing(client, official)
    panel = page[page.index("Eligibility for contests"):]
    assert "Applications closed" in panel and "Was eligible; applications are closed" in panel
    assert ">Eligible<" not in panel and "Open contests you may apply to" not in page


def test_every_list_names_a_task_s_local_government_as_it_stood_in_its_round(tasks, staff, council, client,
                                                                              django_assert_max_num_queries):
    """Gokseong-gun's task of a round dated October 2025 reads 'Jeollanam-do' in the ministry's and the
    council's lists, as on its task page; the same task of a round dated after 2026-07-01 reads the merged
    province. Standing every list's rows costs one query for the whole page, not one per list."""
    from tracking.services import set_condition

    gokseong = tasks["12720"]
    type(gokseong).objects.filter(pk=gokseong.pk).update(status=TaskStatus.RUNNING)
    set_condition(actor=council, task=gokseong, from_year=2027, reason="1년 과제")
    ministry_list = "Running tasks without this year's row on your support lines"
    council_list = "Continuation evaluations to record"

    def labels(user, title):
        return [item.label for item in lists(user, MAY_2026)[title].items if "Gokseong" in item.label]

    assert labels(staff["MOJ"], ministry_list) == [f"Jeollanam-do Gokseong-gun · {gokseong.title}"]
    assert labels(council, council_list) == [f"Jeollanam-do Gokseong-gun · {gokseong.title} · 2027"]
    client.force_login(council)
    with django_assert_max_num_queries(17):
        assert "Jeollanam-do Gokseong-gun" in client.get(reverse("home")).content.decode()

    contest = gokseong.contest
    contest.application_opens_at += timedelta(days=365)
    contest.application_closes_at += timedelta(days=365)  # a round judged on 2026-10-20
    contest.save()
    merged = "Jeonnam-Gwangju Integrated Special City (provisional translation) Gokseong-gun"
    assert [label.split(" · ")[0] for label in labels(staff["MOJ"], ministry_list)] in (
        [merged], ["Jeonnam-Gwangju Integrated Special City Gokseong-gun"])
