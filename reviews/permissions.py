"""Who may do what in the review. Views, the API and the selectors ask these predicates.

Reviewers reach only their own assignments (the selectors filter by the signed-in user, so a stranger's
assignment is a 404); council staff manage panels and read every sheet; a panel's chair reads the
panel's results to sign them off. Local governments never see reviewers or their scores.
"""
from django.db.models import Exists, OuterRef, Q, QuerySet
from django.utils.translation import gettext_lazy as _

from accounts.permissions import is_council, is_reviewer
from core.permissions import ALLOWED, NOT_SIGNED_IN, Decision, deny

from .models import Assignment, AssignmentStatus, Panel, Rubric, ScoreSheet, SheetEvent, SheetStatus
from .selectors.visibility import own_sheets_pending


def _signed_in(user) -> bool:
    return bool(user and user.is_authenticated and user.is_active)


def can_review(user) -> Decision:
    """A reviewer of the pool: sees his assignments."""
    if not _signed_in(user):
        return NOT_SIGNED_IN
    if is_reviewer(user) and hasattr(user, "reviewer_profile"):
        return ALLOWED
    return deny(_("Only reviewers of the pool score proposals."))


def can_manage_review(user) -> Decision:
    """Panels, assignments, schedules, reopening sheets and the pool are the council's."""
    if not _signed_in(user):
        return NOT_SIGNED_IN
    if is_council(user):
        return ALLOWED
    return deny(_("Only council staff manage the review."))


# The refusal of a proposal read before the pledge: an assignment's, and a re-review's (selection.permissions).
PLEDGE_FIRST = _("Sign the confidentiality pledge and confirm you have no conflict first.")


def is_conflict_stated(reason: str) -> Decision:
    """A declared conflict says what it is: an assignment's, and a re-review's (selection's services)."""
    return ALLOWED if reason.strip() else deny(_("Say what the conflict is."))


def can_sign_pledge(assignment: Assignment) -> Decision:
    """The pledge is signed on an assignment the reviewer has not recused himself from."""
    if assignment.status == AssignmentStatus.RECUSED:
        return deny(_("You declared a conflict for this proposal."))
    return ALLOWED


def can_open_proposal(assignment: Assignment) -> Decision:
    """The proposal opens once the pledge is signed and no conflict is declared."""
    if assignment.status == AssignmentStatus.CONFIRMED:
        return ALLOWED
    decision = can_sign_pledge(assignment)
    if not decision:
        return decision
    return deny(PLEDGE_FIRST)


def is_panel_open(panel: Panel) -> Decision:
    """Sheets of a panel change (are saved, submitted, reopened) until its results are signed off."""
    if panel.is_signed_off:
        return deny(_("The panel's results are signed off."))
    return ALLOWED


def is_sheet_open(sheet: ScoreSheet | None) -> Decision:
    """A sheet not yet written, or a draft: a submitted one is locked until the council reopens it."""
    if sheet is not None and sheet.status == SheetStatus.SUBMITTED:
        return deny(_("This sheet is submitted and locked; the council can reopen it."))
    return ALLOWED


def can_be_reopened(sheet: ScoreSheet) -> Decision:
    """The council reopens a submitted sheet while its panel :func:`is_panel_open`."""
    if sheet.status != SheetStatus.SUBMITTED:
        return deny(_("Only a submitted sheet can be reopened."))
    return is_panel_open(sheet.assignment.panel)


def can_edit_sheet(assignment: Assignment) -> Decision:
    """The reviewer's own sheet, once the proposal opens to him, in an open panel, while a draft."""
    return (can_open_proposal(assignment) and is_panel_open(assignment.panel)
            and is_sheet_open(getattr(assignment, "sheet", None)))


def is_panel_chair(user, panel: Panel) -> bool:
    return bool(_signed_in(user) and panel.chair_id and panel.chair.user_id == user.pk)


def can_view_results(user, panel: Panel) -> Decision:
    """The council, and the panel's chair who signs them off once his own sheets in the panel are submitted
    (a reviewer sees no other reviewer's scores before his own are in). What rows he then reads is
    ``reviews.selectors.results_visible_to``: never those of a proposal he is recused from."""
    if not _signed_in(user):
        return NOT_SIGNED_IN
    if is_council(user):
        return ALLOWED
    if not is_panel_chair(user, panel):
        return deny(_("Only council staff and the panel's chair see the panel's results."))
    if own_sheets_pending(user, panel):
        return deny(_("Submit your own score sheets in this panel first: other reviewers' scores open after "
                      "yours are in."))
    return ALLOWED


def can_sign_off(user, panel: Panel) -> Decision:
    if not is_panel_chair(user, panel):
        return deny(_("Only the panel's chair signs its results off."))
    if panel.is_signed_off:
        return deny(_("The panel's results are already signed off."))
    return ALLOWED


def submitted_sheets_of(contest_id, stage) -> QuerySet[ScoreSheet]:
    """Sheets of a contest's stage that are or were ever submitted (``contest_id`` and ``stage`` may be
    ``OuterRef``s, for an annotation over many rubrics)."""
    sheets = ScoreSheet.objects.filter(assignment__panel__contest_id=contest_id, assignment__panel__stage=stage)
    return sheets.filter(Q(status=SheetStatus.SUBMITTED) | Q(events__action=SheetEvent.Action.SUBMITTED))


def rubric_has_submissions(rubric: Rubric) -> bool:
    """Whether any sheet of the rubric's contest and stage is or was ever submitted: the annotation
    ``has_submissions`` (``with_submissions``) when the rubric carries it, else one query."""
    annotated = getattr(rubric, "has_submissions", None)
    if annotated is not None:
        return annotated
    return submitted_sheets_of(rubric.contest_id, rubric.stage).exists()


def with_submissions(rubrics: QuerySet[Rubric]) -> QuerySet[Rubric]:
    """``rubrics`` annotated with ``has_submissions``, so a list asks ``can_change_rubric`` with no query per row."""
    return rubrics.annotate(has_submissions=Exists(submitted_sheets_of(OuterRef("contest_id"), OuterRef("stage"))))


def can_change_rubric(rubric: Rubric) -> Decision:
    """A rubric's scoring rules (criteria, maxima, pass mark, trim threshold, tie-break criteria) are fixed
    from the first submitted sheet of its stage: a change after it would re-rank sheets scored under the old
    rules. Admin, pages, API and services ask this (``reviews.services.rubric_rules``)."""
    if rubric.pk is not None and rubric_has_submissions(rubric):
        return deny(_("Score sheets of this stage have been submitted, so its rubric (criteria, maximum points, "
                      "pass mark, trim threshold, tie-break criteria) can no longer change."))
    return ALLOWED


def can_change_stages(contest) -> Decision:
    """A contest's evaluation stages (which there are, their order, kinds, names, dates, slots, weights and
    cut-offs) change until the first score sheet of the contest is submitted; after it they are frozen (the
    weights and cut-offs still change in the selection policy until a run is approved)."""
    sheets = ScoreSheet.objects.filter(assignment__panel__contest=contest)
    if sheets.filter(Q(status=SheetStatus.SUBMITTED) | Q(events__action=SheetEvent.Action.SUBMITTED)).exists():
        return deny(_("A score sheet of this contest has been submitted, so its evaluation stages no longer "
                      "change; weights and cut-offs are set in the selection policy."))
    return ALLOWED
