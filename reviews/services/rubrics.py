"""Rubrics: a contest's stage's criteria, maximum points and how results are computed. Set by the council until
the rubric is frozen (``permissions.can_change_rubric``), audited with every criterion."""
from decimal import Decimal

from django.db import transaction
from django.utils.translation import gettext as _

from applications.models import Contest
from audit.services import record
from core.permissions import refuse_unless
from reviews.models import Criterion, Rubric
from reviews.permissions import can_change_rubric

from .assignment import AssignmentRefused

CRITERION_FIELDS = ("code", "name_ko", "name_en", "description", "max_points", "position", "tie_break_order")


def _criteria_values(rubric: Rubric) -> list[dict]:
    return [{name: getattr(criterion, name) for name in CRITERION_FIELDS}
            for criterion in rubric.criteria.order_by("position", "pk")]


@transaction.atomic
def save_rubric(*, actor, contest: Contest, stage: str, trim_min_sheets: int, pass_mark: Decimal,
                criteria: list[dict], rubric: Rubric | None = None) -> Rubric:
    """Create the rubric of ``contest``'s ``stage`` or replace ``rubric``'s settings and criteria (each a dict of
    ``CRITERION_FIELDS``). Refused (``AssignmentRefused``) once frozen, or when the stage has a rubric already."""
    if rubric is None:
        Contest.objects.select_for_update().get(pk=contest.pk)  # two clerks creating the same stage's rubric
        if Rubric.objects.filter(contest=contest, stage=stage).exists():
            raise AssignmentRefused(_("This contest already has a rubric for that stage."))
        rubric = Rubric(contest=contest, stage=stage)
        before = None
    else:
        rubric = Rubric.objects.select_for_update().get(pk=rubric.pk)
        refuse_unless(can_change_rubric(rubric), AssignmentRefused)
        before = {"trim_min_sheets": rubric.trim_min_sheets, "pass_mark": str(rubric.pass_mark),
                  "criteria": _criteria_values(rubric)}
    rubric.trim_min_sheets, rubric.pass_mark = trim_min_sheets, pass_mark
    rubric.full_clean()
    rubric.save()
    rubric.criteria.all().delete()
    Criterion.objects.bulk_create([Criterion(rubric=rubric, **{name: row.get(name) for name in CRITERION_FIELDS})
                                   for row in criteria])
    after = {"trim_min_sheets": rubric.trim_min_sheets, "pass_mark": str(rubric.pass_mark),
             "criteria": _criteria_values(rubric)}
    record(actor=actor, action="review.rubric_created" if before is None else "review.rubric_changed",
           target=rubric, changes=after if before is None else {name: [before[name], value] for name, value
                                                                in after.items() if before[name] != value})
    return rubric
