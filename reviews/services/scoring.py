"""Score sheets: drafts, submission (locked), reopening by the council, and the panel's sign-off."""
from collections.abc import Mapping
from decimal import Decimal

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from audit.services import record
from core.formats import moment
from core.permissions import refuse_unless
from reviews.models import (
    Assignment,
    AssignmentStatus,
    Criterion,
    Panel,
    Rubric,
    Score,
    ScoreSheet,
    SheetEvent,
    SheetStatus,
)
from reviews.permissions import can_be_reopened, can_open_proposal, can_sign_off, is_panel_open, is_sheet_open


class ScoringRefused(Exception):
    """The sheet cannot be changed so; the message says why."""


def _rubric_criteria(assignment: Assignment) -> list[Criterion]:
    return list(Criterion.objects.filter(rubric__contest_id=assignment.panel.contest_id,
                                         rubric__stage=assignment.panel.stage).order_by("position", "pk"))


def _locked_sheet(assignment: Assignment) -> ScoreSheet:
    assignment = Assignment.objects.select_related("panel").get(pk=assignment.pk)
    refuse_unless(can_open_proposal(assignment), ScoringRefused)
    refuse_unless(is_panel_open(assignment.panel), ScoringRefused)
    sheet, _created = ScoreSheet.objects.get_or_create(assignment=assignment)
    return ScoreSheet.objects.select_for_update().select_related("assignment__panel").get(pk=sheet.pk)


@transaction.atomic
def save_sheet(*, actor, assignment: Assignment, points: Mapping[str, Decimal | None],
               comments: Mapping[str, str], overall_comment: str = "") -> ScoreSheet:
    """Save the draft: each score within 0 and its criterion's maximum. A submitted sheet is locked."""
    sheet = _locked_sheet(assignment)
    refuse_unless(is_sheet_open(sheet), ScoringRefused)
    criteria = _rubric_criteria(sheet.assignment)
    unknown = sorted(set(points) - {criterion.code for criterion in criteria})
    if unknown:
        raise ScoringRefused(_("The rubric has no criterion %(codes)s.") % {"codes": ", ".join(unknown)})
    for criterion in criteria:
        value = points.get(criterion.code)
        if value is not None and not (0 <= value <= criterion.max_points):
            raise ScoringRefused(_("%(criterion)s is scored from 0 to %(max)s.")
                                 % {"criterion": criterion.name, "max": criterion.max_points})
    Score.objects.filter(sheet=sheet).delete()
    Score.objects.bulk_create([Score(sheet=sheet, criterion=criterion, points=points[criterion.code],
                                     comment=comments.get(criterion.code, ""))
                               for criterion in criteria if points.get(criterion.code) is not None])
    sheet.overall_comment = overall_comment
    sheet.save(update_fields=["overall_comment"])
    return sheet


@transaction.atomic
def submit_sheet(*, actor, assignment: Assignment) -> ScoreSheet:
    """Lock the sheet; every criterion must be scored. The rubric row is locked first, so a rubric change
    (``rubric_rules.py``) and the stage's first submission never cross."""
    panel = assignment.panel
    Rubric.objects.select_for_update().filter(contest_id=panel.contest_id, stage=panel.stage).first()
    sheet = _locked_sheet(assignment)
    if sheet.status == SheetStatus.SUBMITTED:
        raise ScoringRefused(_("This sheet is already submitted."))
    locked = sheet.assignment
    if locked.is_overdue() and not locked.panel.accepts_late_sheets:
        raise ScoringRefused(_("The scoring deadline (%(due)s) has passed and the council accepts no late sheets "
                               "for this panel; ask the council to extend the deadline.")
                             % {"due": moment(locked.due_at)})
    scored = dict(sheet.scores.values_list("criterion__code", "points"))
    missing = [criterion.name for criterion in _rubric_criteria(sheet.assignment) if criterion.code not in scored]
    if missing:
        raise ScoringRefused(_("Score every criterion first: %(criteria)s.") % {"criteria": ", ".join(missing)})
    sheet.status, sheet.submitted_at = SheetStatus.SUBMITTED, timezone.now()
    sheet.save(update_fields=["status", "submitted_at"])
    snapshot = {code: str(value) for code, value in scored.items()}
    SheetEvent.objects.create(sheet=sheet, action=SheetEvent.Action.SUBMITTED, actor=actor, scores=snapshot)
    record(actor=actor, action="review.sheet_submitted", target=sheet, changes={"scores": snapshot})
    return sheet


@transaction.atomic
def reopen_sheet(*, actor, sheet: ScoreSheet, reason: str) -> ScoreSheet:
    """The council sends a submitted sheet back to its reviewer; the reason stays in the history."""
    sheet = ScoreSheet.objects.select_for_update().select_related("assignment__panel").get(pk=sheet.pk)
    refuse_unless(can_be_reopened(sheet), ScoringRefused)
    if not reason.strip():
        raise ScoringRefused(_("Say why the sheet is reopened."))
    sheet.status, sheet.submitted_at = SheetStatus.DRAFT, None
    sheet.save(update_fields=["status", "submitted_at"])
    SheetEvent.objects.create(sheet=sheet, action=SheetEvent.Action.REOPENED, actor=actor, reason=reason)
    record(actor=actor, action="review.sheet_reopened", target=sheet, reason=reason)
    return sheet


@transaction.atomic
def sign_off_panel(*, actor, panel: Panel) -> Panel:
    """The chair locks the panel's results once every active assignment has a submitted sheet."""
    panel = Panel.objects.select_for_update(of=("self",)).select_related("chair").get(pk=panel.pk)
    refuse_unless(can_sign_off(actor, panel), ScoringRefused)
    open_assignments = panel.assignments.exclude(status=AssignmentStatus.RECUSED).exclude(
        sheet__status=SheetStatus.SUBMITTED).count()
    if open_assignments:
        raise ScoringRefused(_("%(count)s sheets are not submitted yet.") % {"count": open_assignments})
    panel.signed_off_at = timezone.now()
    panel.save(update_fields=["signed_off_at"])
    record(actor=actor, action="review.panel_signed_off", target=panel)
    return panel
