"""A contest's evaluation stages, set by the council: added, changed and removed until the first score sheet of
the contest is submitted (``reviews.permissions.can_change_stages``), each write audited. Codes are unique in
the contest and never a snapshot key; the weights never add up to more than 100 (a run refuses less or more:
``selection.services.runs.check_weights``). A stage is added with the other stages' new weights in the same
step (``weights``), so a third stage can take its share at once; refused, the message gives the sum and what
to do."""
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from applications.models import RESERVED_STAGE_CODES, Contest, ContestStage
from applications.services import ensure_stages
from audit.services import record
from core.fields import validate_plausible_date
from reviews.models import Panel, PanelProposal, Rubric
from reviews.permissions import can_change_stages

STAGE_FIELDS = ("code", "kind", "name_ko", "name_en", "starts_on", "ends_on", "has_slots", "weight_pct", "cutoff")


class StageRefused(Exception):
    """The stage breaks a rule (its code, its weight, its dates); the message says which."""


class StagesFrozen(StageRefused):
    """The contest's stages no longer change (a sheet was submitted); the message says why."""


def _values(stage: ContestStage) -> dict[str, Any]:
    values = {name: getattr(stage, name) for name in STAGE_FIELDS if name != "kind"}
    values.update(kind=stage.kind.code, position=stage.position, cutoff=str(stage.cutoff),
                  starts_on=stage.starts_on and stage.starts_on.isoformat(),
                  ends_on=stage.ends_on and stage.ends_on.isoformat())
    return values


def _locked(contest: Contest) -> list[ContestStage]:
    contest = Contest.objects.select_for_update().get(pk=contest.pk)
    decision = can_change_stages(contest)
    if not decision:
        raise StagesFrozen(decision.reason)
    return ensure_stages(contest)


def _check(stage: ContestStage, others: list[ContestStage]) -> None:
    if stage.code in RESERVED_STAGE_CODES:
        raise StageRefused(_("“%(code)s” is a reserved word; choose another code.") % {"code": stage.code})
    if any(other.code == stage.code for other in others):
        raise StageRefused(_("This contest already has a stage with the code “%(code)s”.") % {"code": stage.code})
    for day in (stage.starts_on, stage.ends_on):  # every door: the page, the API, a command
        try:
            validate_plausible_date(day)
        except ValidationError as error:
            raise StageRefused(error.messages[0]) from error
    if stage.starts_on and stage.ends_on and stage.ends_on < stage.starts_on:
        raise StageRefused(_("A stage ends on or after the day it starts."))
    total = stage.weight_pct + sum(other.weight_pct for other in others)
    if total > 100:
        words = {"sum": weights_sum([*others, stage]), "total": total,
                 "room": max(0, 100 - (total - stage.weight_pct))}
        if stage.pk is None:
            raise StageRefused(_(
                "The stages' weights would add up to %(sum)s = %(total)s%%; they must add up to 100%%. Lower "
                "the other stages' weights in the same form (their new weights are under this stage's), or "
                "give this stage at most %(room)s%%.") % words)
        raise StageRefused(_("The stages' weights would add up to %(sum)s = %(total)s%%; they must add up to "
                             "100%%. Lower another stage's weight first, or give this stage at most %(room)s%%.")
                           % words)


def weights_sum(stages: list[ContestStage]) -> str:
    """The stages' weights as a sum a person can check: "document 80 + presentation 20 + site_visit 20"."""
    return " + ".join(f"{stage.code} {stage.weight_pct}" for stage in stages)


def _reweigh(stages: list[ContestStage], weights: dict[str, int]) -> dict[str, list[int]]:
    """Set the stages' new weights (by code) in memory; the changes as ``{code: [before, after]}``."""
    by_code = {stage.code: stage for stage in stages}
    unknown = sorted(set(weights) - set(by_code))
    if unknown:
        raise StageRefused(_("This contest has no stage %(code)s.") % {"code": ", ".join(unknown)})
    changes = {}
    for code, weight in weights.items():
        if isinstance(weight, bool) or not isinstance(weight, int) or not 0 <= weight <= 100:
            raise StageRefused(_("A weight is a whole percent from 0 to 100."))
        if by_code[code].weight_pct != weight:
            changes[code] = [by_code[code].weight_pct, weight]
            by_code[code].weight_pct = weight
    return changes


def _place(stage: ContestStage, others: list[ContestStage], position: int | None) -> None:
    """Put ``stage`` at ``position`` (1 first; None: last) and number every stage 1, 2, … again."""
    ordered = sorted(others, key=lambda other: (other.position, other.pk))
    index = len(ordered) if position is None else max(0, min(position - 1, len(ordered)))
    ordered.insert(index, stage)
    for number, row in enumerate(ordered, start=1):
        if row.position != number:
            row.position = number
            if row is not stage:  # saved by the caller
                row.save(update_fields=["position"])


@transaction.atomic
def add_stage(*, actor, contest: Contest, values: dict[str, Any], position: int | None = None,
              weights: dict[str, int] | None = None) -> ContestStage:
    """A new stage of ``contest`` (``values``: ``STAGE_FIELDS``, ``kind`` a ``StageKind``), at ``position``;
    ``weights``: new weights of stages already there, by code, set in the same step (the sum is checked with
    them)."""
    others = _locked(contest)
    reweighed = _reweigh(others, weights or {})
    stage = ContestStage(contest=contest, **values)
    _check(stage, others)
    for other in others:
        if other.code in reweighed:
            other.save(update_fields=["weight_pct"])
    _place(stage, others, position)
    stage.full_clean(validate_unique=False)
    stage.save()
    record(actor=actor, action="review.stage_added", target=contest,
           changes={**_values(stage), **({"weights": reweighed} if reweighed else {})})
    return stage


@transaction.atomic
def change_stage(*, actor, stage: ContestStage, values: dict[str, Any], position: int | None = None,
                 reason: str = "") -> ContestStage:
    """Change a stage's fields in ``values`` (and its position); panels and rubrics follow a new code."""
    stages = _locked(stage.contest)
    stage = next(row for row in stages if row.pk == stage.pk)
    before = _values(stage)
    old_code = stage.code
    for name, value in values.items():
        setattr(stage, name, value)
    others = [row for row in stages if row.pk != stage.pk]
    _check(stage, others)
    if position is not None:
        _place(stage, others, position)
    stage.full_clean(validate_unique=False)
    stage.save()
    if stage.code != old_code:
        Panel.objects.filter(contest=stage.contest, stage=old_code).update(stage=stage.code)
        Rubric.objects.filter(contest=stage.contest, stage=old_code).update(stage=stage.code)
        PanelProposal.objects.filter(panel__contest=stage.contest, stage=old_code).update(stage=stage.code)
    after = _values(stage)
    changes = {name: [before[name], value] for name, value in after.items() if before[name] != value}
    if changes:
        record(actor=actor, action="review.stage_changed", target=stage.contest, reason=reason,
               changes={"stage": stage.code, **changes})
    return stage


@transaction.atomic
def remove_stage(*, actor, stage: ContestStage, reason: str = "") -> None:
    """Remove a stage that no panel or rubric uses yet."""
    stages = _locked(stage.contest)
    if (Panel.objects.filter(contest=stage.contest, stage=stage.code).exists()
            or Rubric.objects.filter(contest=stage.contest, stage=stage.code).exists()):
        raise StageRefused(_("Panels or a rubric use this stage; remove them first."))
    stage = next(row for row in stages if row.pk == stage.pk)
    record(actor=actor, action="review.stage_removed", target=stage.contest, reason=reason, changes=_values(stage))
    stage.delete()
    _place_all(stage.contest)


def _place_all(contest: Contest) -> None:
    for number, row in enumerate(contest.stages.order_by("position", "pk"), start=1):
        if row.position != number:
            row.position = number
            row.save(update_fields=["position"])
