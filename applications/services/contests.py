"""Writes about contests. Every change is audited with who and why."""
from collections.abc import Iterable
from datetime import date
from typing import Any

from django.db import transaction
from django.forms.models import model_to_dict

from applications.models import Contest, ContestAttachment, ContestDesignationKind, PreliminarySelection
from applications.selectors import review_dates
from audit.services import field_changes, record
from core.uploads import CheckedUpload
from ministries.models import Ministry
from regions.models import LocalGovernment

from .documents import delete_file_on_commit, store_document
from .stages import ensure_stages, set_review_dates

CONTEST_FIELDS = [field.name for field in Contest._meta.concrete_fields if field.name != "id"]


def _snapshot(contest: Contest) -> dict[str, Any]:
    values = model_to_dict(contest, fields=CONTEST_FIELDS)
    values.update(review_dates(contest))  # the document and presentation stages' dates, as the form names them
    values["accepted_designation_kinds"] = sorted(contest.accepted_designation_kinds.values_list("kind", flat=True))
    values["participating_ministries"] = sorted(contest.participating_ministries.values_list("code", flat=True))
    return values


def _set_relations(contest: Contest, kinds: Iterable[str], ministries: Iterable[Ministry]) -> None:
    contest.accepted_designation_kinds.exclude(kind__in=list(kinds)).delete()
    existing = set(contest.accepted_designation_kinds.values_list("kind", flat=True))
    ContestDesignationKind.objects.bulk_create(
        [ContestDesignationKind(contest=contest, kind=kind) for kind in kinds if kind not in existing])
    contest.participating_ministries.set(list(ministries))


@transaction.atomic
def create_contest(*, actor, values: dict[str, Any], kinds: Iterable[str], ministries: Iterable[Ministry],
                   dates: dict[str, date | None] | None = None) -> Contest:
    """A new contest with its default stages; ``dates`` (names of ``REVIEW_DATE_FIELDS``) date its document
    and presentation stages. The audit entry has every setting, those dates too."""
    contest = Contest(**values)
    contest.full_clean()
    contest.save()
    _set_relations(contest, list(kinds), ministries)
    ensure_stages(contest)
    set_review_dates(contest, dates or {})
    record(actor=actor, action="contest.created", target=contest, changes=_snapshot(contest))
    return contest


@transaction.atomic
def update_contest(*, actor, contest: Contest, values: dict[str, Any], kinds: Iterable[str],
                   ministries: Iterable[Ministry], reason: str, dates: dict[str, date | None] | None = None) -> Contest:
    """Change a contest's settings and (``dates``) its document and presentation stages' dates; the audit entry
    keeps each changed field's old and new value."""
    contest = Contest.objects.select_for_update().get(pk=contest.pk)
    before = _snapshot(contest)
    for name, value in values.items():
        setattr(contest, name, value)
    contest.full_clean()
    contest.save()
    _set_relations(contest, list(kinds), ministries)
    set_review_dates(contest, {name: value for name, value in (dates or {}).items() if before[name] != value})
    changes = field_changes(before, _snapshot(contest))
    if changes:
        record(actor=actor, action="contest.updated", target=contest, reason=reason, changes=changes)
    return contest


@transaction.atomic
def add_preliminary_selection(*, actor, contest: Contest, local_government: LocalGovernment, programme: str,
                              selected_on: date, task_title: str = "", source: str = "",
                              reason: str = "") -> PreliminarySelection:
    selection = PreliminarySelection(contest=contest, local_government=local_government, programme=programme,
                                     selected_on=selected_on, task_title=task_title, source=source)
    selection.full_clean()
    selection.save()
    record(actor=actor, action="contest.preliminary_selection_added", target=contest, reason=reason,
           changes={"local_government": local_government.code, "programme": programme,
                    "selected_on": selected_on, "task_title": task_title})
    return selection


@transaction.atomic
def remove_preliminary_selection(*, actor, selection: PreliminarySelection, reason: str) -> None:
    record(actor=actor, action="contest.preliminary_selection_removed", target=selection.contest, reason=reason,
           changes={"local_government": selection.local_government.code, "programme": selection.programme})
    selection.delete()


@transaction.atomic
def add_contest_attachment(*, actor, contest: Contest, title: str, upload: CheckedUpload) -> ContestAttachment:
    """Publish an announcement file with the contest; readable by every signed-in user."""
    return store_document(actor=actor, document=ContestAttachment(contest=contest, title=title), upload=upload,
                          action="contest.attachment_added", target=contest, details={"title": title})


@transaction.atomic
def remove_contest_attachment(*, actor, attachment: ContestAttachment, reason: str) -> None:
    record(actor=actor, action="contest.attachment_removed", target=attachment.contest, reason=reason,
           changes={"attachment": attachment.pk, "title": attachment.title, "sha256": attachment.sha256})
    attachment.delete()
    delete_file_on_commit(attachment)


@transaction.atomic
def record_preselection_results(*, actor, contest: Contest, selected: Iterable[tuple[LocalGovernment, str]],
                                selected_on: date) -> list[PreliminarySelection]:
    """A pre-selection contest's confirmed result fed into the contest it pre-selects for: each selected local
    government (with its task's title) becomes a preliminary selection there, its source this contest, so its
    eligibility follows without retyping. Idempotent: a local government already preliminarily selected
    there (by an earlier call or by hand) is left as it is. Returns the rows recorded now; the audit entry
    on the later contest names them."""
    later = contest.preselection_for
    if later is None:
        return []
    later = Contest.objects.select_for_update().get(pk=later.pk)  # two confirmations at once record each once
    rows = list(selected)
    present = set(PreliminarySelection.objects.filter(
        contest=later, local_government__in=[local_government for local_government, _title in rows])
        .values_list("local_government_id", flat=True))
    created = []
    for local_government, title in rows:
        if local_government.pk in present:
            continue
        present.add(local_government.pk)
        selection = PreliminarySelection(contest=later, local_government=local_government, programme=contest.name_ko,
                                         task_title=title[:300], selected_on=selected_on, source_contest=contest)
        selection.full_clean()
        created.append(selection)
    PreliminarySelection.objects.bulk_create(created)
    if created:
        record(actor=actor, action="contest.preliminary_selections_fed", target=later,
               changes={"source_contest": contest.pk, "selected_on": selected_on,
                        "local_governments": [selection.local_government.code for selection in created]})
    return created
