"""Rubrics: what scores mean is fixed from the first submitted sheet of the rubric's contest and stage.

Before that every change (the rubric's pass mark and trim threshold, a criterion added, changed or removed,
the whole rubric replaced) is one of these functions, which locks the rubric row, asks
``reviews.permissions.can_change_rubric`` and writes the audit trail; submitting a sheet locks the same row
(``scoring.submit_sheet``), so a change and a first submission cannot cross. The admin calls the field-wise
ones, the API ``save_rubric``; every door refuses a frozen rubric the same way (``RubricFrozen``: 403 with the
reason), and ``connect``'s receivers refuse any other write of a frozen rubric's scoring fields (shell,
scripts) as a last resort. A second rubric for a stage is bad input (``AssignmentRefused``: 400).
"""
from decimal import Decimal
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils.translation import gettext as _

from applications.models import Contest
from audit.services import field_changes, record
from core.permissions import refuse_unless
from reviews.models import Criterion, Rubric
from reviews.permissions import can_change_rubric

from .assignment import AssignmentRefused
from .panels import check_stage

# What decides scores and ranks; names and descriptions may still be corrected (audited) once frozen.
RUBRIC_SCORING_FIELDS = ("contest_id", "stage", "trim_min_sheets", "pass_mark")
CRITERION_SCORING_FIELDS = ("rubric_id", "code", "max_points", "position", "tie_break_order")
CRITERION_TEXT_FIELDS = ("name_ko", "name_en", "description")


class RubricFrozen(PermissionDenied):
    """The rubric's scoring rules are fixed; the message says why. A ``PermissionDenied``, so a door that does
    not catch it still answers 403 with the reason (DRF and Django alike), never a 500."""


def _values(instance, fields) -> dict[str, Any]:
    return {name: (str(getattr(instance, name)) if getattr(instance, name) is not None else None) for name in fields}


def _stored(model, pk, fields) -> dict[str, Any]:
    if pk is None:
        return {}
    stored = model.objects.filter(pk=pk).first()
    return _values(stored, fields) if stored is not None else {}


def _locked(rubric_id: int) -> Rubric:
    return Rubric.objects.select_for_update().get(pk=rubric_id)


def _refuse_if_frozen(rubric: Rubric) -> None:
    refuse_unless(can_change_rubric(rubric), RubricFrozen)


CRITERION_FIELDS = ("code", "name_ko", "name_en", "description", "max_points", "position", "tie_break_order")


def _criteria_values(rubric: Rubric) -> list[dict]:
    return [{name: getattr(criterion, name) for name in CRITERION_FIELDS}
            for criterion in rubric.criteria.order_by("position", "pk")]


def _settings(rubric: Rubric) -> dict[str, Any]:
    return {"trim_min_sheets": rubric.trim_min_sheets, "pass_mark": str(rubric.pass_mark),
            "criteria": _criteria_values(rubric)}


@transaction.atomic
def save_rubric(*, actor, contest: Contest, stage: str, trim_min_sheets: int, pass_mark: Decimal,
                criteria: list[dict], rubric: Rubric | None = None) -> Rubric:
    """Create the rubric of ``contest``'s ``stage`` or replace ``rubric``'s settings and criteria (each a dict of
    ``CRITERION_FIELDS``), audited. Refused with ``RubricFrozen`` once frozen, with ``AssignmentRefused`` when
    the stage has a rubric already."""
    if rubric is None:
        Contest.objects.select_for_update().get(pk=contest.pk)  # two clerks creating the same stage's rubric
        check_stage(contest, stage)
        if Rubric.objects.filter(contest=contest, stage=stage).exists():
            raise AssignmentRefused(_("This contest already has a rubric for that stage."))
        rubric, before = Rubric(contest=contest, stage=stage), None
    else:
        rubric = _locked(rubric.pk)
        _refuse_if_frozen(rubric)
        before = _settings(rubric)
    rubric.trim_min_sheets, rubric.pass_mark = trim_min_sheets, pass_mark
    rubric.full_clean()
    rubric.save()
    rubric.criteria.all().delete()
    Criterion.objects.bulk_create([Criterion(rubric=rubric, **{name: row.get(name) for name in CRITERION_FIELDS})
                                   for row in criteria])
    after = _settings(rubric)
    record(actor=actor, action="review.rubric_created" if before is None else "review.rubric_changed",
           target=rubric, changes=after if before is None else {name: [before[name], value] for name, value
                                                                in after.items() if before[name] != value})
    return rubric


@transaction.atomic
def change_rubric(*, actor, rubric: Rubric, reason: str = "") -> Rubric:
    """Create or change a rubric as given (unsaved values on ``rubric``), audited. Refused once frozen."""
    before = _stored(Rubric, rubric.pk, RUBRIC_SCORING_FIELDS)
    if rubric.pk is not None:
        stored = _locked(rubric.pk)
        if field_changes(before, _values(rubric, RUBRIC_SCORING_FIELDS)):
            _refuse_if_frozen(stored)
    rubric.save()
    changes = field_changes(before, _values(rubric, RUBRIC_SCORING_FIELDS))
    if changes:
        record(actor=actor, action="review.rubric_created" if not before else "review.rubric_changed",
               target=rubric, reason=reason, changes=changes)
    return rubric


@transaction.atomic
def change_criterion(*, actor, criterion: Criterion, reason: str = "") -> Criterion:
    """Add or change a criterion, audited. Adding one, or changing its code, maximum, position or tie-break
    order, is refused once the rubric is frozen; its names and description stay correctable."""
    fields = CRITERION_SCORING_FIELDS + CRITERION_TEXT_FIELDS
    before = _stored(Criterion, criterion.pk, fields)
    rubric = _locked(criterion.rubric_id)
    after = _values(criterion, fields)
    scoring_changed = not before or any(before.get(name) != after[name] for name in CRITERION_SCORING_FIELDS)
    if scoring_changed:
        _refuse_if_frozen(rubric)
    criterion.save()
    changes = field_changes(before, _values(criterion, fields))
    if changes:
        record(actor=actor, action="review.criterion_added" if not before else "review.criterion_changed",
               target=rubric, reason=reason, changes={"criterion": criterion.code, **changes})
    return criterion


@transaction.atomic
def remove_criterion(*, actor, criterion: Criterion, reason: str = "") -> None:
    """Remove a criterion, audited; refused once the rubric is frozen."""
    rubric = _locked(criterion.rubric_id)
    _refuse_if_frozen(rubric)
    record(actor=actor, action="review.criterion_removed", target=rubric, reason=reason,
           changes={"criterion": criterion.code, **_values(criterion, CRITERION_SCORING_FIELDS)})
    criterion.delete()


@transaction.atomic
def remove_rubric(*, actor, rubric: Rubric, reason: str = "") -> None:
    rubric = _locked(rubric.pk)
    _refuse_if_frozen(rubric)
    record(actor=actor, action="review.rubric_removed", target=rubric.contest, reason=reason,
           changes={"rubric": str(rubric), **_values(rubric, RUBRIC_SCORING_FIELDS)})
    rubric.delete()


def refuse_frozen_write(sender, instance, **kwargs) -> None:
    """``pre_save``/``pre_delete`` receiver for rubrics and criteria: a write that would change a frozen
    rubric's scoring rules raises ``RubricFrozen``, whoever writes (the services ask first and say why)."""
    if sender is Rubric:
        if instance.pk is None:
            return
        deleting = kwargs.get("signal_name") == "delete"
        if deleting or field_changes(_stored(Rubric, instance.pk, RUBRIC_SCORING_FIELDS),
                                     _values(instance, RUBRIC_SCORING_FIELDS)):
            _refuse_if_frozen(Rubric.objects.get(pk=instance.pk))
        return
    before = _stored(Criterion, instance.pk, CRITERION_SCORING_FIELDS)
    deleting = kwargs.get("signal_name") == "delete"
    if deleting or not before or field_changes(before, _values(instance, CRITERION_SCORING_FIELDS)):
        rubric = Rubric.objects.filter(pk=instance.rubric_id).first()
        if rubric is not None:
            _refuse_if_frozen(rubric)


def connect() -> None:
    from functools import partial

    from django.db.models.signals import pre_delete, pre_save

    for model in (Rubric, Criterion):
        pre_save.connect(refuse_frozen_write, sender=model, dispatch_uid=f"rubric-frozen-save-{model.__name__}")
        pre_delete.connect(partial(refuse_frozen_write, signal_name="delete"), sender=model, weak=False,
                           dispatch_uid=f"rubric-frozen-delete-{model.__name__}")
