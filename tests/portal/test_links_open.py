"""A link offered must open: for each role, the links on its landing page and on the task, proposal and panel
pages it reaches answer neither 403, 404 nor 500 when followed. A page that would refuse is not linked (or is
shown without a link, with the reason).

The round (``conftest.tasks``): Hamyang-gun and Gokseong-gun selected, the round naming MOJ and MSS but not MOF,
the reviewer of Hamyang-gun's proposal chairing his panel with his own sheet not yet submitted, and another
reviewer asked to re-review Gokseong-gun's result after its objection.

Every page a role reaches also names a local government with its province once (``tests.place_names``)."""
import re

import pytest
from django.urls import reverse

from accounts.roles import Role
from ministries.models import Ministry
from regions.models import LocalGovernment
from reviews.models import Assignment, SheetStatus
from selection.models import Objection, ObjectionReview
from tests.factories import make_user
from tests.place_names import province_said_twice
from tests.reviews.builders import make_reviewer

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]

HREF = re.compile(r'href="(/[^"#]*)')
SKIPPED = ("/accounts/logout/", "/language/", "/static/", "/media/", "/admin/", "/api/")
REFUSALS = (403, 404, 500)
MAX_LINKS = 60  # per role: the few pages each role starts from, followed one step


@pytest.fixture
def round_(tasks, staff, council):
    hamyang = tasks["48870"]
    hamyang.contest.participating_ministries.set(Ministry.objects.filter(code__in=["MOJ", "MSS"]))
    assignment = Assignment.objects.filter(proposal=hamyang.proposal).select_related("reviewer__user", "sheet",
                                                                                     "panel").first()
    assignment.panel.chair = assignment.reviewer
    assignment.panel.save(update_fields=["chair"])
    type(assignment.sheet).objects.filter(pk=assignment.sheet.pk).update(status=SheetStatus.DRAFT)
    gokseong = next(task for code, task in tasks.items() if code != "48870")
    objection = Objection.objects.create(decision=gokseong.decision, filed_by=council, reasons="점수 산정 오류")
    re_reviewer = make_reviewer()
    re_review = ObjectionReview.objects.create(objection=objection, reviewer=re_reviewer, requested_by=council)
    task, proposal, panel = (reverse("tracking:task", args=[hamyang.pk]),
                             reverse("applications:proposal-detail", args=[hamyang.proposal_id]),
                             reverse("reviews:panel-detail", args=[assignment.panel_id]))
    starts = {
        "council": (council, ["/", task, proposal, panel, reverse("reviews:pool"),
                              reverse("applications:contest-detail", args=[hamyang.contest_id]),
                              reverse("regions:detail", args=[LocalGovernment.objects.get(code="28140").pk])]),
        "lead": (make_user(Role.LOCAL_OFFICIAL, language="en"), ["/", task, proposal]),
        "province": (make_user(Role.PROVINCIAL_OFFICER, language="en"), ["/", task, proposal]),
        "moj": (staff["MOJ"], ["/", task, proposal, reverse("tracking:desk")]),
        "mof": (staff["MOF"], ["/", task, reverse("tracking:desk")]),
        "chair": (assignment.reviewer.user, ["/", reverse("reviews:assignment-list"),
                                             reverse("reviews:assignment-detail", args=[assignment.pk])]),
        "re_reviewer": (re_reviewer.user, ["/", reverse("selection:re-review-list"),
                                           reverse("selection:re-review", args=[re_review.pk])]),
    }
    return starts, proposal


def _links(html: str) -> list[str]:
    return [link.replace("&amp;", "&") for link in HREF.findall(html) if not link.startswith(SKIPPED)]


@pytest.mark.parametrize("role", ["council", "lead", "province", "moj", "mof", "chair", "re_reviewer"])
def test_every_link_a_role_is_offered_opens(client, round_, role):
    starts, _proposal = round_
    user, pages = starts[role]
    client.force_login(user)
    links: list[str] = []
    for page in pages:
        response = client.get(page)
        assert response.status_code == 200, (role, page, response.status_code)
        assert province_said_twice(response.content.decode()) == [], (role, page)
        links += [link for link in _links(response.content.decode()) if link not in links]
    assert links  # the pages link somewhere
    broken = []
    for link in links[:MAX_LINKS]:
        response = client.get(link)
        if response.status_code in REFUSALS:
            broken.append((link, response.status_code))
        elif response.status_code == 200 and response.get("Content-Type", "").startswith("text/html"):
            assert province_said_twice(response.content.decode()) == [], (role, link)
    assert broken == [], role


def test_a_ministry_reads_the_proposal_of_a_task_of_its_round_only_and_only_reads_it(client, round_, staff):
    starts, proposal = round_
    client.force_login(staff["MOJ"])
    page = client.get(proposal)
    assert page.status_code == 200
    assert not page.context["can_edit"] and not page.context["can_submit"]
    assert client.get(reverse("applications:proposal-update", args=[page.context["proposal"].pk])).status_code \
        in (403, 404)
    client.force_login(staff["MOF"])  # not in this round: no proposal, and the task page does not link it
    assert client.get(proposal).status_code == 404
    assert proposal not in client.get(starts["mof"][1][1]).content.decode()


def test_the_chair_is_shown_why_his_panels_results_are_not_open_yet(client, round_):
    starts, _proposal = round_
    user, _pages = starts["chair"]
    client.force_login(user)
    body = client.get(reverse("reviews:assignment-list")).content.decode()
    chaired = body[body.index('id="chaired-panels"'):]
    assert "/results/" not in chaired.split("</ul>")[0]
    assert "Submit your own score sheets in this panel first" in chaired
