"""Every upload path refuses hostile files the same way (issue 21, kind 1): a zip bomb dressed as HWPX or XLSX, a
fake HWP that is only OLE's magic number and HWP's signature text, and a body over the size limit (refused from
its Content-Length before anything reads it). Nothing is stored, and no answer is a 500."""
import functools
import inspect
from datetime import timedelta

import pytest
from django import forms
from django.urls import reverse
from django.utils import timezone

from accounts.roles import Role
from applications.models import ContestAttachment, ProposalAttachment
from applications.services import create_proposal
from regions.models import DesignationImport, LocalGovernment
from selection.models import Objection
from tests import documents
from tests.applications.test_proposal_services import SECTIONS
from tests.factories import api_as, make_contest, make_user
from tracking.models import ProgressReport, ReportAttachment, SupportLineRow

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]

hwpx_bomb = functools.cache(documents.hwpx_bomb)
xlsx_bomb = functools.cache(documents.xlsx_bomb)
HOSTILE = {"bomb.hwpx": hwpx_bomb, "bomb.xlsx": xlsx_bomb, "fake.hwp": documents.fake_hwp}


@pytest.fixture
def paths(registry, tasks, hamyang, council, published_objection_target):
    """Each upload path: (client, url, data without the file, file field, model whose rows must not grow, format)."""
    official = make_user(Role.LOCAL_OFFICIAL, language="en")
    now = timezone.now()
    contest = make_contest(opens=now - timedelta(days=1), closes=now + timedelta(days=1), year=2031)
    draft = create_proposal(actor=official, contest=contest, values=SECTIONS,
                            lead_local_government=official.local_government)
    report = ProgressReport.objects.get(task=hamyang, year=2026, half=1)
    danyang_official, decision = published_objection_target
    contest = hamyang.proposal.contest
    return {
        "proposal attachment page": (official, "client", reverse("applications:proposal-attachments",
                                                                 args=[draft.pk]), {"kind": "business_plan"},
                                     "file", ProposalAttachment),
        "proposal attachment API": (official, "api", f"/api/v1/proposals/{draft.pk}/attachments/",
                                    {"kind": "business_plan"}, "file", ProposalAttachment),
        "contest file page": (council, "client", reverse("applications:contest-file-add", args=[contest.pk]),
                              {"title": "공고문"}, "file", ContestAttachment),
        "objection page": (danyang_official, "client", reverse("selection:objection-create", args=[decision.pk]),
                           {"reasons": "발표평가 재검토 요청"}, "files", Objection),
        "report page": (official, "client", reverse("tracking:report", args=[report.pk]),
                        {"narrative": "참여기업 선정"}, "file", ReportAttachment),
        "report file API": (official, "api", f"/api/v1/progress-reports/{report.pk}/attachments/", {}, "file",
                            ReportAttachment),
        "designation import page": (council, "client", reverse("regions:import"), {"reason": "농식품부 공문"},
                                    "file", DesignationImport),
        "designation import admin": (make_user(Role.ADMINISTRATOR, language="en"), "client",
                                     reverse("admin:regions_designation_import"), {"reason": "농식품부 공문"},
                                     "file", DesignationImport),
        "ministry desk upload": (make_user(Role.MINISTRY_STAFF, language="en"), "client",
                                 reverse("tracking:desk-upload"), {"reason": "1분기"}, "file", SupportLineRow),
    }


@pytest.fixture
def published_objection_target(council, django_capture_on_commit_callbacks, celery_eager):
    """Danyang-gun's official and its decision in a published run (inside the objection period)."""
    from selection.services import approve_run, publish_run
    from tests.selection.builders import scored_contest
    from tests.selection.conftest import computed_run

    contest, _proposals = scored_contest({"48870": ([80] * 3, [90] * 3), "43800": ([70] * 3, [75] * 3)},
                                         target=1, year=2032)
    run = computed_run(contest, council, django_capture_on_commit_callbacks)
    approve_run(actor=council, run=run)
    with django_capture_on_commit_callbacks(execute=True):
        run = publish_run(actor=council, run=run)
    official = make_user(Role.LOCAL_OFFICIAL, local_government=LocalGovernment.objects.get(code="43800"),
                         language="en")
    return official, run.decisions.get(proposal__lead_local_government__code="43800")


def _post(user, how, url, data, field, name, content, client, **extra):
    payload = {**data, field: documents.upload(name, content)}
    if how == "api":
        return api_as(user).post(url, payload, format="multipart", **extra)
    client.force_login(user)
    return client.post(url, payload, **extra)


UPLOAD_PATHS = ["proposal attachment page", "proposal attachment API", "contest file page", "objection page",
                "report page", "report file API", "designation import page", "designation import admin",
                "ministry desk upload"]


@pytest.mark.parametrize("path", UPLOAD_PATHS)
def test_every_upload_path_refuses_bombs_fake_hwp_and_oversized_bodies(paths, client, path, settings):
    user, how, url, data, field, model = paths[path]
    before = model.objects.count()
    for name, build in HOSTILE.items():
        response = _post(user, how, url, data, field, name, build(), client)
        assert response.status_code in {200, 400}, (path, name, response.status_code)
        assert model.objects.count() == before, (path, name)
        body = response.content.decode()
        if "designation" in path and not name.endswith(".xlsx"):
            assert "Only CSV and XLSX files can be imported" in body
        elif "desk" in path and not name.endswith(".xlsx"):
            assert "Upload the template as an XLSX file." in body
        elif name.startswith("bomb"):
            assert "unpacks to more than the portal accepts" in body, (path, name)
        else:
            assert "its content is not a HWP document" in body, path
    # The body says it is 1 MB over the limit but is small: a view that read it would fail on the short body.
    response = _post(user, how, url, data, field, "plan.pdf", documents.pdf(), client,
                     CONTENT_LENGTH=str(settings.PORTAL_MAX_REQUEST_BYTES + 1024 * 1024))
    assert response.status_code == 413, path
    assert "larger than the portal accepts" in response.content.decode()
    assert model.objects.count() == before


def test_the_walk_covers_every_form_with_a_file():
    """A new upload form must join UPLOAD_PATHS: every form class with a file field is one of these."""
    import applications.forms
    import regions.forms
    import selection.forms
    import tracking.forms

    found = {cls.__name__ for module in (applications.forms, regions.forms, selection.forms, tracking.forms)
             for _name, cls in inspect.getmembers(module, inspect.isclass)
             if issubclass(cls, forms.BaseForm) and any(isinstance(field, forms.FileField)
                                                      for field in getattr(cls, "base_fields", {}).values())}
    assert found == {"AttachmentForm", "ContestAttachmentForm", "ObjectionForm", "ReportForm",
                     "DesignationImportForm", "SupportUploadForm"}
