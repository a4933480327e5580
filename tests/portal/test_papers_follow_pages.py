"""Every PDF is open exactly to whoever may open the page it belongs to, by kind: each URL of the portal that
ends in ``.pdf`` is listed here with its pages, and for every role the PDF answers 200 where one of its pages
shows its link, and refuses (as the pages refuse) where none does. A new PDF without its pages listed fails."""
from datetime import timedelta

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.utils import timezone

from accounts.roles import Role
from applications.services import create_proposal, submit_proposal
from regions.models import LocalGovernment
from reviews.models import Panel, ScoreSheet
from selection.services import approve_run, publish_run
from tests.applications.test_proposal_services import SECTIONS
from tests.factories import complete_sections, make_contest, make_outsider, make_user
from tests.reviews.builders import make_reviewer
from tests.selection.builders import scored_contest
from tests.selection.conftest import computed_run

pytestmark = pytest.mark.usefixtures("registry")

WHO = ["anonymous", "applicant", "other_official", Role.PROVINCIAL_OFFICER, "other_province",
       Role.MINISTRY_STAFF, Role.COUNCIL_STAFF, Role.ADMINISTRATOR, "sheet_author", "chair", "other_reviewer",
       "former_reviewer"]


def pdf_url_names(resolver=None, namespace="") -> set[str]:
    """``namespace:name`` of every URL pattern whose route ends in ``.pdf``."""
    names = set()
    for pattern in (resolver or get_resolver()).url_patterns:
        if isinstance(pattern, URLResolver):
            inner = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
            names |= pdf_url_names(pattern, inner)
        elif isinstance(pattern, URLPattern) and str(pattern.pattern).endswith(".pdf"):
            names.add(f"{namespace}{pattern.name}")
    return names


@pytest.fixture
def world(db, django_capture_on_commit_callbacks, celery_eager):
    """A published round (Hamyang selected; both panels signed off, the document panel chaired by one of its
    reviewers) and, in an open contest, Hamyang's submitted proposal with its first version."""
    council = make_user(Role.COUNCIL_STAFF)
    contest, proposals = scored_contest({"48870": ([80, 80, 80], [90, 90, 90]),
                                         "12720": ([70, 70, 70], [75, 75, 75])}, target=1)
    run = computed_run(contest, council, django_capture_on_commit_callbacks)
    approve_run(actor=council, run=run)
    with django_capture_on_commit_callbacks(execute=True):
        publish_run(actor=council, run=run)
    decision = run.decisions.get(proposal=proposals["48870"])
    panel = Panel.objects.get(contest=contest, stage="document")
    sheets = list(ScoreSheet.objects.filter(assignment__panel=panel, assignment__proposal=proposals["48870"])
                  .select_related("assignment__reviewer__user").order_by("pk"))
    panel.chair = sheets[1].assignment.reviewer
    panel.save()
    official = make_user(Role.LOCAL_OFFICIAL)
    now = timezone.now()
    open_contest = make_contest(year=2026, opens=now - timedelta(days=1), closes=now + timedelta(days=1))
    proposal = create_proposal(actor=official, contest=open_contest, values=SECTIONS,
                               lead_local_government=official.local_government)
    complete_sections(proposal, official)
    submit_proposal(actor=official, proposal=proposal)
    return {"official": official, "council": council, "proposal": proposal, "decision": decision,
            "panel": panel, "sheet": sheets[0]}


def papers_and_pages(world) -> dict[str, tuple[str, list[str]]]:
    """Each PDF's URL name → (its URL, the URLs of the pages that offer it)."""
    proposal, sheet, panel = world["proposal"], world["sheet"], world["panel"]
    detail = reverse("applications:proposal-detail", args=[proposal.pk])
    return {
        "applications:proposal-receipt-pdf": (
            reverse("applications:proposal-receipt-pdf", args=[proposal.pk]), [detail]),
        "applications:proposal-application-pdf": (
            reverse("applications:proposal-application-pdf", args=[proposal.pk]) + "?version=1", [detail]),
        "reviews:sheet-pdf": (
            reverse("reviews:sheet-pdf", args=[sheet.pk]),
            [reverse("reviews:sheet-detail", args=[sheet.pk]),
             reverse("reviews:assignment-detail", args=[sheet.assignment_id])]),
        "reviews:panel-results-pdf": (
            reverse("reviews:panel-results-pdf", args=[panel.pk]),
            [reverse("reviews:panel-results", args=[panel.pk])]),
        "selection:decision-letter": (
            reverse("selection:decision-letter", args=[world["decision"].pk]),
            [reverse("applications:proposal-detail", args=[world["decision"].proposal_id])]),
    }


def sign_in(client, world, who):
    if who == "anonymous":
        return
    if who == "applicant":
        user = world["official"]
    elif who == "sheet_author":
        user = world["sheet"].assignment.reviewer.user
    elif who == "chair":
        user = world["panel"].chair.user
    elif who == "other_reviewer":
        user = make_reviewer().user
    elif who == "former_reviewer":  # wrote the sheet, then moved to a local government's office
        user = world["sheet"].assignment.reviewer.user
        user.role, user.local_government = Role.LOCAL_OFFICIAL, LocalGovernment.objects.get(code="11680")
        user.save()
    elif who in ("other_official", "other_province"):
        user = make_outsider(who)
    else:
        user = make_user(who)
    client.force_login(user)


def test_every_pdf_of_the_portal_is_listed_with_its_pages(db):
    assert pdf_url_names() == set(papers_and_pages({
        "proposal": type("P", (), {"pk": 1}), "sheet": type("S", (), {"pk": 1, "assignment_id": 1}),
        "panel": type("N", (), {"pk": 1}), "decision": type("D", (), {"pk": 1, "proposal_id": 1})}))


@pytest.mark.parametrize("who", WHO)
def test_each_role_gets_each_pdf_exactly_where_its_page_offers_it(client, world, who):
    sign_in(client, world, who)
    for name, (url, pages) in papers_and_pages(world).items():
        answers = [client.get(page) for page in pages]
        offered = any(answer.status_code == 200 and url in answer.content.decode() for answer in answers)
        status = client.get(url).status_code
        if offered:
            assert status == 200, (name, who, status)
        elif who == "anonymous":
            assert status == 302 and all(answer.status_code == 302 for answer in answers), name
        else:
            refusals = {answer.status_code for answer in answers if answer.status_code != 200} or {403, 404}
            assert status in refusals, (name, who, status, [answer.status_code for answer in answers])
