"""A pre-selection contest feeds the next one (issue 19): confirming its selection records its selected local
governments as the later contest's preliminary selections, with the source, so their eligibility follows
without retyping; once, however often it is asked; audited; and a pre-selection opens no funded task."""
from datetime import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from applications.models import SEOUL, Contest, PreliminarySelection
from applications.selectors import eligibility_for_contest
from applications.services import add_preliminary_selection
from audit.models import AuditEntry
from regions.models import LocalGovernment
from selection.services import approve_run, confirm_run, publish_run
from selection.services.preselection import feed_later_contest
from tests.factories import api_as, make_contest
from tests.selection.builders import scored_contest
from tests.selection.conftest import computed_run
from tracking.models import SelectedTask

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english", "celery_eager")]

JONGNO, HAMYANG, GOKSEONG = "11110", "48870", "12720"  # Jongno-gu holds no designation


@pytest.fixture
def final():
    return make_contest(year=2026, opens=datetime(2025, 11, 3, 9, tzinfo=SEOUL),
                        closes=datetime(2025, 11, 21, 18, tzinfo=SEOUL))


@pytest.fixture
def preselection(final):
    contest, _proposals = scored_contest({JONGNO: ([85, 85, 85], [85, 85, 85]), HAMYANG: ([80, 80, 80], [80, 80, 80]),
                                          GOKSEONG: ([70, 70, 70], [70, 70, 70])}, target=2)
    contest.preselection_for = final
    contest.full_clean()
    contest.save()
    return contest


def confirmed(contest, council, capture):
    run = computed_run(contest, council, capture)
    approve_run(actor=council, run=run)
    with capture(execute=False):
        run = publish_run(actor=council, run=run)
    with capture(execute=True):
        return confirm_run(actor=council, run=run, now=run.objection_closes_at)


def lg(code: str) -> LocalGovernment:
    return LocalGovernment.objects.get(code=code)


def test_confirming_a_preselection_records_its_selected_as_the_later_contests_preliminary_selections(
        preselection, final, council, django_capture_on_commit_callbacks):
    assert not eligibility_for_contest(contest=final, local_government=lg(JONGNO)).eligible
    run = confirmed(preselection, council, django_capture_on_commit_callbacks)

    rows = {row.local_government.code: row for row in
            PreliminarySelection.objects.filter(contest=final).select_related("local_government")}
    assert set(rows) == {JONGNO, HAMYANG}  # Gokseong-gun was not selected
    jongno = rows[JONGNO]
    assert (jongno.source_contest, jongno.programme, jongno.task_title) == (preselection, preselection.name_ko,
                                                                          f"과제 {JONGNO}")
    assert jongno.selected_on == run.confirmed_at.astimezone(SEOUL).date()
    eligibility = eligibility_for_contest(contest=final, local_government=lg(JONGNO))
    assert eligibility.eligible and eligibility.preliminary_selection == jongno
    entry = AuditEntry.objects.get(action="contest.preliminary_selections_fed")
    assert (entry.target_id, entry.actor, sorted(entry.changes["local_governments"])) == \
        (str(final.pk), council, [JONGNO, HAMYANG])
    assert not SelectedTask.objects.filter(contest=preselection).exists()  # a pre-selection funds nothing

    assert feed_later_contest(actor=council, run=run) == []  # idempotent
    assert PreliminarySelection.objects.filter(contest=final).count() == 2
    assert AuditEntry.objects.filter(action="contest.preliminary_selections_fed").count() == 1


def test_a_preliminary_selection_typed_in_by_hand_is_kept(preselection, final, council,
                                                           django_capture_on_commit_callbacks):
    typed = add_preliminary_selection(actor=council, contest=final, local_government=lg(HAMYANG),
                                      programme="지역혁신 공모", selected_on=datetime(2025, 3, 20).date())
    confirmed(preselection, council, django_capture_on_commit_callbacks)
    typed.refresh_from_db()
    assert typed.source_contest is None and typed.programme == "지역혁신 공모"
    assert PreliminarySelection.objects.get(contest=final, local_government=lg(JONGNO)).source_contest == preselection


def test_a_contest_pre_selects_only_for_a_later_one(final, council):
    new = Contest(name_ko="사전 선정", name_en="Pre-selection", year=2025, national_cap_per_task_krw=1,
                  application_opens_at=datetime(2025, 2, 17, 9, tzinfo=SEOUL),
                  application_closes_at=datetime(2025, 3, 7, 18, tzinfo=SEOUL), preselection_for=final)
    new.full_clean()  # a new contest may pre-select for a later one
    earlier = make_contest(year=2024)
    changed = api_as(council).patch(f"/api/v1/contests/{earlier.pk}/",
                                    {"preselection_for": final.pk, "reason": "사전 선정 공모로 지정"}, format="json")
    assert changed.status_code == 200 and changed.json()["preselection_for"] == final.pk
    refused = api_as(council).patch(f"/api/v1/contests/{final.pk}/",
                                    {"preselection_for": earlier.pk, "reason": "잘못된 지정"}, format="json")
    assert refused.status_code == 400 and "deadline must come after" in str(refused.json())
    final.preselection_for = earlier
    with pytest.raises(ValidationError, match="deadline must come after"):
        final.full_clean()
    final.preselection_for = final
    with pytest.raises(ValidationError, match="cannot pre-select for itself"):
        final.full_clean()


def test_both_contests_pages_show_the_link_and_the_source(preselection, final, council, client,
                                                         django_capture_on_commit_callbacks):
    confirmed(preselection, council, django_capture_on_commit_callbacks)
    client.force_login(council)
    earlier = client.get(reverse("applications:contest-detail", args=[preselection.pk])).content.decode()
    assert 'id="preselection-for"' in earlier and final.name in earlier
    later = client.get(reverse("applications:contest-detail", args=[final.pk])).content.decode()
    assert 'id="preselection-contests"' in later
    assert later.count(preselection.name) >= 3  # the link above the table and the source of both rows
