"""Issue 20, by kind: whatever names a proposal's, its partners' or its task's local government names it in the
layout of its contest's eligibility date, on every page, export, paper, form and notification, for every role
that sees it.

The 2025 round (closing 2025-10-20, before the 2026-07-01 reorganisation) is led by Incheon Seo-gu (서구 then,
서해구 today) with Gokseong-gun (전라남도 then) and Gwangju Dong-gu (광주광역시 then) as partners, and has a
second proposal by Gwangju Dong-gu that no panel reviews yet. It is reviewed (an assignment still to pledge, a
presentation slot), selected, objected to and opened as a task. A 2027 round shows the same units the other way:
서해구, 전남광주통합특별시."""
import io
from datetime import datetime, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from accounts.roles import Role
from applications.models import SEOUL, PreliminarySelection, Proposal, ProposalPartner, ProposalVersion
from applications.snapshot import take_snapshot
from notifications.events import EVENTS
from notifications.models import Notification
from notifications.services import deliver
from regions.models import LocalGovernment, Province
from regions.selectors import local_government_by_code
from reviews.models import Assignment, AssignmentStatus, Panel
from reviews.services import schedule_presentation
from selection.models import Objection, ObjectionReview, SelectionDecision
from tests.factories import make_user
from tests.papers import pdf_text
from tests.reviews.builders import make_reviewer
from tests.selection.builders import scored_contest
from tests.tracking.builders import confirmed_run_of
from tracking.models import ProgressReport, SelectedTask
from tracking.models.continuation import ContinuationEvaluation

pytestmark = pytest.mark.django_db

# What a 2025 round says, and what only today's (or a 2027 round's) layout says.
THEN = ("인천광역시 서구", "전라남도 곡성군", "광주광역시 동구")
TODAY = ("서해구", "전남광주통합특별시", "광주특별시")


def korean(role: str, **kwargs):
    return make_user(role, language="ko", **kwargs)


def build_round(council, capture, *, year: int, closes: datetime) -> dict:
    """A round led by Incheon Seo-gu with two partners, taken through review, selection and tracking."""
    contest, proposals = scored_contest({"28275": ([80] * 3, [90] * 3)}, target=1, year=year)
    contest.application_closes_at = closes
    contest.application_opens_at = closes - timedelta(days=20)
    contest.save(update_fields=["application_closes_at", "application_opens_at"])
    proposal = proposals["28275"]
    gokseong, dong_gu = LocalGovernment.objects.get(code="12720"), local_government_by_code("29110")
    ProposalPartner.objects.bulk_create([ProposalPartner(proposal=proposal, local_government=gokseong),
                                         ProposalPartner(proposal=proposal, local_government=dong_gu)])
    lead_official = korean(Role.LOCAL_OFFICIAL, local_government=proposal.lead_local_government)
    for number in (1, 2):  # two versions, so the comparison page shows the partners of both
        ProposalVersion.objects.create(proposal=proposal, number=number, submitted_at=closes - timedelta(days=1),
                                       submitted_by=lead_official, content=take_snapshot(proposal),
                                       content_sha256="0" * 64)
    PreliminarySelection.objects.create(contest=contest, local_government=gokseong, programme="지역혁신 공모",
                                        selected_on=closes.date() - timedelta(days=60))
    waiting = Proposal.objects.create(contest=contest, lead_local_government=dong_gu, title="광주 동구 과제",
                                      created_by=lead_official, status="submitted",
                                      receipt_number=f"{contest.year}-0099")
    document = Panel.objects.get(contest=contest, stage="document")
    presentation = Panel.objects.get(contest=contest, stage="presentation")
    reviewer = make_reviewer()
    reviewer.user.language = "ko"
    reviewer.user.save(update_fields=["language"])
    document.members.add(reviewer)
    pending = Assignment.objects.create(panel=document, proposal=proposal, reviewer=reviewer,
                                        status=AssignmentStatus.ASSIGNED, assigned_by=council)
    Panel.objects.filter(pk=presentation.pk).update(signed_off_at=None)
    with capture(execute=False):
        slot = schedule_presentation(actor=council, panel=presentation, proposal=proposal,
                                     starts_at=closes + timedelta(days=30),
                                     ends_at=closes + timedelta(days=30, hours=1), room="대회의실")
    Panel.objects.filter(pk=presentation.pk).update(signed_off_at=timezone.now())
    run = confirmed_run_of(contest, council, capture)
    decision = SelectionDecision.objects.get(run=run, proposal=proposal)
    objection = Objection.objects.create(decision=decision, filed_by=lead_official, reasons="재검토 바랍니다.")
    review = ObjectionReview.objects.create(objection=objection, reviewer=reviewer, requested_by=council)
    task = SelectedTask.objects.get(decision=decision)
    evaluation = ContinuationEvaluation.objects.create(task=task, year=year + 2, outcome="continue",
                                                      national_krw=1, reason="순항", decided_by=council,
                                                      decided_at=timezone.now())
    return {"contest": contest, "proposal": proposal, "waiting": waiting, "document": document,
            "presentation": presentation, "reviewer": reviewer, "pending": pending, "slot": slot, "run": run,
            "decision": decision, "objection": objection, "review": review, "task": task,
            "evaluation": evaluation, "official": lead_official}


@pytest.fixture
def council(db):
    return korean(Role.COUNCIL_STAFF)


@pytest.fixture
def older(council, django_capture_on_commit_callbacks, celery_eager):
    return build_round(council, django_capture_on_commit_callbacks, year=2025,
                       closes=datetime(2025, 10, 20, 18, 0, tzinfo=SEOUL))


def text_of(response) -> str:
    assert response.status_code == 200, response
    kind = response.get("Content-Type", "")
    if "pdf" in kind:
        return pdf_text(response)
    if "spreadsheet" in kind:
        sheet = load_workbook(io.BytesIO(response.content)).active
        return "\n".join(" ".join(str(cell.value) for cell in row if cell.value is not None)
                         for row in sheet.iter_rows())
    page = response.content.decode()
    # The page's own content: the header names the signed-in official's local government as it is today.
    page = page.split('id="content">', 1)[-1].split("</main>", 1)[0]
    return page.split('id="task-table"', 1)[-1]  # the task list explains both layouts above its table


def says_then(text: str, where: str, *names: str) -> None:
    """``text`` names the round's layout (every one of ``names``) and nothing of today's."""
    for name in names:
        assert name in text, f"{where}: {name} missing"
    for name in TODAY:
        assert name not in text, f"{where}: today's {name} shown"


def pages_by_role(r: dict) -> dict[str, list[tuple[str, tuple[str, ...]]]]:
    """Every page, export and paper naming the round's proposal, partners or task, by the role that opens it,
    with what each names."""
    lead, all_three = THEN[:1], THEN
    proposal, contest, task = r["proposal"], r["contest"], r["task"]
    report = ProgressReport.objects.filter(task=task).order_by("year", "half").first()
    council = [
        (reverse("applications:proposal-detail", args=[proposal.pk]), all_three),
        (reverse("applications:proposal-list"), lead),
        (reverse("applications:proposal-versions", args=[proposal.pk]) , THEN[1:]),
        (reverse("applications:contest-detail", args=[contest.pk]), THEN[1:2]),  # its preliminary selection
        (reverse("applications:proposal-receipt-pdf", args=[proposal.pk]), lead),
        (reverse("applications:proposal-application-pdf", args=[proposal.pk]), all_three),
        (reverse("applications:contest-proposals", args=[contest.pk]), ("서구", "광주광역시")),
        (reverse("applications:contest-proposals-export", args=[contest.pk, "csv"]), ("서구", *THEN[1:])),
        (reverse("applications:contest-proposals-export", args=[contest.pk, "xlsx"]), ("서구", *THEN[1:])),
        (reverse("reviews:panel-detail", args=[r["document"].pk]), lead),
        (reverse("reviews:panel-detail", args=[r["presentation"].pk]), lead),
        (reverse("reviews:panel-schedule", args=[r["presentation"].pk]), lead),
        (reverse("reviews:panel-results", args=[r["document"].pk]), lead),
        (reverse("reviews:panel-results-export", args=[r["document"].pk]), lead),
        (reverse("reviews:panel-results-pdf", args=[r["document"].pk]), lead),
        (reverse("selection:run", args=[r["run"].pk]), lead),
        (reverse("selection:run-export", args=[r["run"].pk]), lead),
        (reverse("selection:decision-letter", args=[r["decision"].pk]), lead),
        (reverse("selection:decision-adjust", args=[r["decision"].pk]), lead),
        (reverse("selection:objection-list"), lead),
        (reverse("selection:objection-detail", args=[r["objection"].pk]), lead),
        (reverse("tracking:task-list"), lead),
        (reverse("tracking:task", args=[task.pk]), lead),
        (reverse("tracking:report", args=[report.pk]), ("서구",)),
        (reverse("tracking:rows", args=[contest.pk, "tasks"]), ("서구",)),
        (reverse("home"), ()),  # the council's to-dos
    ]
    reviewer = [
        (reverse("reviews:assignment-list"), ("서구",)),
        (reverse("reviews:assignment-detail", args=[r["pending"].pk]), all_three),
        (reverse("selection:re-review", args=[r["review"].pk]), lead),
    ]
    official = [
        (reverse("applications:contest-detail", args=[contest.pk]), ("서구",)),  # whether his unit may apply
        (reverse("applications:proposal-detail", args=[proposal.pk]), all_three),
        (reverse("applications:proposal-list"), lead),
        (reverse("applications:proposal-application-pdf", args=[proposal.pk]), all_three),
        (reverse("selection:objection-detail", args=[r["objection"].pk]), lead),
        (reverse("tracking:task", args=[task.pk]), lead),
    ]
    return {"council": council, "reviewer": reviewer, "official": official}


def test_every_page_export_and_paper_names_a_2025_round_in_its_layout(client, older, council):
    users = {"council": council, "reviewer": older["reviewer"].user, "official": older["official"]}
    wrong = []
    for role, pages in pages_by_role(older).items():
        client.force_login(users[role])
        for url, names in pages:
            try:
                says_then(text_of(client.get(url)), f"{role} {url}", *names)
            except AssertionError as error:
                wrong.append(str(error).splitlines()[0])
    assert not wrong, "\n".join(wrong)


def test_the_contests_proposal_list_finds_a_unit_by_the_name_it_shows(client, older, council):
    client.force_login(council)
    url = reverse("applications:contest-proposals", args=[older["contest"].pk])
    found = text_of(client.get(url, {"q": "서구"}))
    assert older["proposal"].title in found and older["waiting"].title not in found


def test_the_api_names_the_round_in_its_layout(older, council):
    """The proposals and selection APIs keep the current codes (identifiers) and add the round's names."""
    from tests.factories import api_as

    api = api_as(council)
    listed = api.get("/api/v1/proposals/", {"contest": older["contest"].pk}).json()["results"]
    row = next(row for row in listed if row["id"] == older["proposal"].pk)
    assert (row["lead_local_government"], row["lead_local_government_name"], row["province_code"],
            row["round_code"]) == ("28275", "서구", "28", "28260")
    assert sorted(row["partner_names"]) == ["광주광역시 동구", "전라남도 곡성군"]
    detail = api.get(f"/api/v1/proposals/{older['proposal'].pk}/").json()
    assert detail["lead_local_government_name"] == "서구" and "전라남도 곡성군" in detail["partner_names"]
    decisions = api.get(f"/api/v1/selection-runs/{older['run'].pk}/").json()["decisions"]
    assert [(row["local_government"], row["local_government_name"], row["province_name"], row["round_code"])
            for row in decisions] == [("28275", "서구", "인천광역시", "28260")]
    for code in ("46720", "12720"):  # Gokseong-gun by its code of the round, and of today
        found = api.get("/api/v1/proposals/", {"local_government": code}).json()["results"]
        assert [row["id"] for row in found] == [older["proposal"].pk], code
    for code in ("28260", "28275"):  # Incheon Seo-gu, then and now
        found = api.get("/api/v1/selected-tasks/", {"local_government": code}).json()["results"]
        assert [(row["id"], row["local_government"], row["round_code"]) for row in found] == [
            (older["task"].pk, "28275", "28260")], code
    task = api.get(f"/api/v1/selected-tasks/{older['task'].pk}/").json()
    assert (task["local_government_name"], task["province_code"], task["round_code"]) == ("서구", "28", "28260")
    waiting = next(row for row in listed if row["id"] == older["waiting"].pk)
    assert (waiting["province_code"], waiting["province_name"]) == ("29", "광주광역시")
    assert waiting["round_code"].startswith("29") and waiting["lead_local_government"].startswith("12")


def test_open_data_pairs_the_rounds_code_name_and_province(client, older):
    """The open-data row names the lead as on the contest's date (서구 of 인천광역시, code 28260) and keeps
    today's code (28275) as the unit's identifier: no row pairs a code with a province it never had."""
    rows = client.get("/results/selected-tasks.json").json()["tasks"]
    row = next(row for row in rows if row["title"] == older["task"].title)
    assert (row["local_government_code"], row["round_local_government_code"], row["local_government_ko"],
            row["province_code"]) == ("28275", "28260", "서구", "28")
    csv_text = client.get("/results/selected-tasks.csv").content.decode("utf-8-sig")
    assert "28275,서구,Seo-gu,28,인천광역시" in csv_text.replace('"', "") and csv_text.rstrip().endswith("28260")


def test_the_panel_forms_label_proposals_in_their_rounds_layout(client, older, council):
    """The add-proposals, manual-assignment and slot forms offer the proposals by lead local government."""
    from reviews.forms.council import AddProposalsForm, ManualAssignForm, PresentationSlotForm
    from reviews.services.panels import proposals_awaiting_panel

    document, presentation = older["document"], older["presentation"]
    awaiting = proposals_awaiting_panel(document)
    labels = {
        "add": [label for _value, label in AddProposalsForm(awaiting=awaiting).fields["proposals"].choices],
        "assign": [label for _value, label in ManualAssignForm(panel=document).fields["proposal"].choices],
        "slot": [label for _value, label in PresentationSlotForm(panel=presentation).fields["proposal"].choices],
    }
    assert any("광주광역시 동구" in label for label in labels["add"]), labels
    assert any("인천광역시 서구" in label for label in labels["assign"]), labels
    assert any("인천광역시 서구" in label for label in labels["slot"]), labels
    says_then(" ".join(str(label) for labels_ in labels.values() for label in labels_), "forms")


def test_every_notification_names_the_round_in_its_layout(older, council):
    """Each event about the round's proposal, assignment, slot, decision, objection, re-review or task is
    delivered; no text says today's layout, and those naming a local government name the round's."""
    targets = {"proposal": older["proposal"].pk, "assignment": older["pending"].pk, "slot": older["slot"].pk,
               "decision": older["decision"].pk, "objection": older["objection"].pk,
               "objectionreview": older["review"].pk, "continuationevaluation": older["evaluation"].pk,
               "presentationslot": older["slot"].pk, "selectiondecision": older["decision"].pk}
    make_user(Role.LOCAL_OFFICIAL, language="ko", local_government=LocalGovernment.objects.get(code="12720"))
    delivered = 0
    for code, event in EVENTS.items():
        model = event.model.rpartition(".")[2].lower()
        if model not in targets:
            assert model == "user", code  # the scoring reminder names no proposal
            continue
        delivered += 1
        deliver(code, targets[model], "layout-test")
        target = event.load(targets[model])
        assert event.prepare is not None, f"{code} does not stand its target in its round's layout"
        stood = _local_governments_of(target)
        assert stood and all(unit.as_of.day == older["contest"].eligibility_date for unit in stood), code
    assert delivered >= 10
    texts = [f"{row.subject}\n{row.body}" for row in Notification.objects.filter(key__endswith=":layout-test")]
    assert texts
    for row in Notification.objects.filter(key__endswith=":layout-test"):  # every event, in both languages
        assert set(row.texts) == {"ko", "en"} and row.texts["ko"]["subject"] != row.texts["en"]["subject"], row.event
    for text in texts:
        says_then(text, "notification")
    named = [text for text in texts if "서구" in text]
    assert any("인천광역시 서구" in text for text in named) and len(named) >= 2  # resubmitted, objection filed
    english = [f"{row.texts['en']['subject']}\n{row.texts['en']['body']}"
               for row in Notification.objects.filter(key__endswith=":layout-test")]
    assert not any(name in text for text in english for name in ("Seohae-gu", "Jeonnam-Gwangju"))
    assert any("Incheon Metropolitan City Seo-gu" in text for text in english)


def _local_governments_of(target) -> list[LocalGovernment]:
    proposal = getattr(target, "proposal", None) or getattr(getattr(target, "decision", None), "proposal", None)
    if proposal is None and hasattr(target, "objection"):
        proposal = target.objection.decision.proposal
    if proposal is None and hasattr(target, "lead_local_government"):
        proposal = target
    if proposal is not None:
        return [proposal.lead_local_government, *proposal.partners.all()]
    return [target.task.local_government]


def test_the_todo_lists_name_the_round_in_its_layout(client, older, council):
    reviewer = older["reviewer"].user
    from portal.todo import todo_for

    for user in (council, reviewer):
        text = " ".join(item.label for todo in todo_for(user) for item in todo.items)
        says_then(text, f"to-do of {user.role}")
    officer = korean(Role.PROVINCIAL_OFFICER, province=Province.objects.get(code="28"))
    says_then(" ".join(item.label for todo in todo_for(officer) for item in todo.items), "officer", THEN[0])


def test_a_2027_round_names_the_same_units_in_todays_layout(client, council, django_capture_on_commit_callbacks,
                                                           celery_eager):
    later = build_round(council, django_capture_on_commit_callbacks, year=2027,
                        closes=datetime(2027, 2, 1, 18, 0, tzinfo=SEOUL))
    client.force_login(council)
    for url in (reverse("applications:proposal-detail", args=[later["proposal"].pk]),
                reverse("applications:contest-proposals-export", args=[later["contest"].pk, "csv"]),
                reverse("reviews:panel-schedule", args=[later["presentation"].pk]),
                reverse("tracking:task", args=[later["task"].pk])):
        text = text_of(client.get(url))
        assert "서해구" in text, url
        assert not any(name in text for name in ("인천광역시 서구", "전라남도 곡성군", "광주광역시 동구")), url
    detail = text_of(client.get(reverse("applications:proposal-detail", args=[later["proposal"].pk])))
    assert "전남광주통합특별시 곡성군" in detail and "전남광주통합특별시 동구" in detail


def test_the_lists_read_a_bounded_number_of_queries(client, older, council, django_assert_max_num_queries):
    """The same number of queries at one row as at several: each page stands its rows in a fixed number."""
    from tests.factories import api_as

    client.force_login(older["reviewer"].user)
    with django_assert_max_num_queries(20):
        assert client.get(reverse("reviews:assignment-list")).status_code == 200
    client.force_login(council)
    with django_assert_max_num_queries(20):
        assert client.get(reverse("applications:contest-proposals", args=[older["contest"].pk])).status_code == 200
    with django_assert_max_num_queries(20):
        assert client.get(reverse("reviews:panel-detail", args=[older["document"].pk])).status_code == 200
    with django_assert_max_num_queries(16):
        assert api_as(council).get("/api/v1/proposals/").status_code == 200


def test_a_refused_submission_names_the_partner_as_in_the_round(council):
    """Submitting to a round dated before 2026-07-01 with a partner the round does not accept: the refusal names
    the partner as the round knew it (서구, not 서해구)."""
    from applications.services import SubmissionRefused, create_proposal, submit_proposal
    from tests.applications.test_proposal_services import SECTIONS
    from tests.factories import make_contest

    contest = make_contest(kinds=("population_declining",))
    hamyang = LocalGovernment.objects.get(code="48870")
    official = korean(Role.LOCAL_OFFICIAL, local_government=hamyang)
    proposal = create_proposal(actor=official, contest=contest, values=SECTIONS, lead_local_government=hamyang,
                               partners=[LocalGovernment.objects.get(code="28275")])
    with pytest.raises(SubmissionRefused) as refused:
        submit_proposal(actor=official, proposal=proposal, now=contest.application_closes_at - timedelta(hours=1))
    assert "서구" in str(refused.value) and "서해구" not in str(refused.value)


def test_the_reviewers_list_and_the_proposals_api_read_as_many_queries_at_one_row_as_at_four(client, older,
                                                                                             council):
    """Standing rows in their rounds' layouts is a fixed number of queries, not one per row."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from tests.factories import api_as

    reviewer, document = older["reviewer"], older["document"]

    def counted(get) -> int:
        with CaptureQueriesContext(connection) as queries:
            assert get().status_code == 200
        return len(queries)

    client.force_login(reviewer.user)
    api = api_as(council)
    before = (counted(lambda: client.get(reverse("reviews:assignment-list"))),
              counted(lambda: api.get("/api/v1/proposals/")))
    for number, code in enumerate(("12110", "12820", "29140"), start=50):  # Mokpo, Hampyeong, Gwangju Seo-gu
        proposal = Proposal.objects.create(contest=older["contest"], title=f"과제 {code}", status="submitted",
                                           lead_local_government=local_government_by_code(code),
                                           created_by=older["official"], receipt_number=f"2025-{number:04d}")
        proposal.partners.add(local_government_by_code("46720"))
        Assignment.objects.create(panel=document, proposal=proposal, reviewer=reviewer,
                                  status=AssignmentStatus.ASSIGNED, assigned_by=council)
    after = (counted(lambda: client.get(reverse("reviews:assignment-list"))),
             counted(lambda: api.get("/api/v1/proposals/")))
    assert after == before
    rows = api.get("/api/v1/proposals/", {"page_size": 50}).json()["results"]
    assert {(row["lead_local_government_name"], row["province_name"]) for row in rows} >= {("목포시", "전라남도"),
                                                                                         ("서구", "광주광역시")}


def test_the_officials_landing_judges_and_names_his_unit_in_each_rounds_layout(client, older,
                                                                               django_assert_max_num_queries):
    """Today's Seohae-gu official: the 2025 round's eligibility names his unit 서구, and the page still reads a
    fixed number of queries."""
    from portal.landing import local_official_context

    official = older["official"]
    (row,) = [row for row in local_official_context(official)["contests"] if row["contest"] == older["contest"]]
    eligibility = row["eligibility"]
    assert eligibility.local_government.name == "서구" and "서해구" not in eligibility.refusal
    assert official.local_government.name == "서해구"  # his own unit, as the page's heading names it today
    client.force_login(official)
    with django_assert_max_num_queries(14):
        assert client.get(reverse("home")).status_code == 200
