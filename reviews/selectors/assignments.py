"""Reads of who reviews what: a reviewer's own work, and the council's view of a panel."""
from dataclasses import dataclass

from django.db.models import Count, F, Prefetch, Q, QuerySet, Sum

from accounts.permissions import is_council, is_reviewer
from applications.models import Contest, Proposal
from applications.selectors.layout import in_round_layout
from reviews.models import (
    Assignment,
    AssignmentStatus,
    Criterion,
    Panel,
    PresentationSlot,
    Reviewer,
    ScoreSheet,
    SheetEvent,
    SheetStatus,
)


def assignments_of(user) -> QuerySet[Assignment]:
    """A reviewer's own assignments; nobody else's, whoever asks."""
    if not getattr(user, "is_authenticated", False):
        return Assignment.objects.none()
    return (Assignment.objects.filter(reviewer__user=user).exclude(status=AssignmentStatus.RECUSED)
            .select_related("panel__contest", "panel__chair", "proposal__lead_local_government__province", "sheet")
            .order_by(F("due_at").asc(nulls_last=True), "panel", "proposal__receipt_number", "pk"))


def workload_of(user) -> dict[str, int]:
    """A reviewer's assignments counted: in all, pledges to sign, sheets not submitted. One query."""
    not_submitted = Q(sheet__isnull=True) | ~Q(sheet__status=SheetStatus.SUBMITTED)
    return assignments_of(user).order_by().aggregate(
        total=Count("pk"), pledges_pending=Count("pk", filter=Q(status=AssignmentStatus.ASSIGNED)),
        sheets_open=Count("pk", filter=not_submitted))


def assignments_visible_to(user) -> QuerySet[Assignment]:
    """The council sees every assignment (recusals included); a reviewer his own active ones; others none."""
    if is_council(user):
        return (Assignment.objects.select_related("panel__contest", "proposal__lead_local_government__province",
                                                  "reviewer__user", "sheet")
                .order_by("panel", "proposal__receipt_number", "pk"))
    return assignments_of(user)


def assignment_for_reviewer(*, user, pk: int) -> Assignment:
    return assignments_of(user).get(pk=pk)


def sheets_visible_to(user) -> QuerySet[ScoreSheet]:
    """The sheets whose page the user may open: the council every sheet (its sheet page), a reviewer of the pool
    those of his own assignments as his assignment page shows them (not one he recused from); nobody else any,
    not even a former reviewer whose role changed. The sheet's PDF and the API ask this, so neither reaches
    further than the pages."""
    sheets = ScoreSheet.objects.select_related("assignment__reviewer__user", "assignment__proposal",
                                               "assignment__panel")
    if is_council(user):
        return sheets
    if not getattr(user, "is_authenticated", False) or not is_reviewer(user):
        return sheets.none()
    return sheets.filter(assignment__in=assignments_of(user).order_by())


def criteria_of(panel: Panel) -> list[Criterion]:
    return list(Criterion.objects.filter(rubric__contest_id=panel.contest_id, rubric__stage=panel.stage)
                .order_by("position", "pk"))


def sheet_history(sheet: ScoreSheet | None) -> list[SheetEvent]:
    if sheet is None:
        return []
    return list(sheet.events.select_related("actor"))


def chaired_panels(user) -> QuerySet[Panel]:
    return (Panel.objects.filter(chair__user=user).select_related("contest", "chair")
            .order_by("contest", "stage", "name"))


def _with_progress(panels: QuerySet[Panel]) -> QuerySet[Panel]:
    active = ~Q(assignments__status=AssignmentStatus.RECUSED)
    return panels.annotate(
        proposal_count=Count("panelproposal", distinct=True),
        expected_sheets=Count("assignments", filter=active, distinct=True),
        submitted_sheets=Count("assignments", distinct=True,
                               filter=active & Q(assignments__sheet__status=SheetStatus.SUBMITTED)),
        recusals=Count("assignments", filter=Q(assignments__status=AssignmentStatus.RECUSED), distinct=True))


def panels_of_contest(contest: Contest) -> QuerySet[Panel]:
    """The contest's panels with their progress: sheets submitted of expected, recusals to replace."""
    return _with_progress(Panel.objects.filter(contest=contest).select_related("chair__user")
                          .order_by("stage", "name"))


def panel_with_progress(pk: int) -> Panel:
    return _with_progress(Panel.objects.filter(pk=pk).select_related("contest", "chair__user")).get()


@dataclass(frozen=True)
class PanelRow:
    """A proposal of the panel with its assignments (recusals included, so the council sees them)."""

    proposal: Proposal
    assignments: list[Assignment]
    slot: PresentationSlot | None

    @property
    def active(self) -> int:
        return sum(1 for assignment in self.assignments if assignment.status != AssignmentStatus.RECUSED)


def panel_rows(panel: Panel) -> list[PanelRow]:
    """Every proposal of the panel with who reviews it and how far each sheet is. Three queries in all."""
    assignments = (Assignment.objects.filter(panel=panel).select_related("reviewer__user", "sheet")
                   .annotate(sheet_total=Sum("sheet__scores__points"))
                   .order_by("reviewer__user__last_name", "reviewer__user__first_name", "pk"))
    proposals = (Proposal.objects.filter(panelproposal__panel=panel).select_related("lead_local_government__province")
                 .prefetch_related(Prefetch("review_assignments", queryset=assignments, to_attr="panel_assignments"))
                 .order_by("receipt_number", "pk"))
    slots = {slot.proposal_id: slot for slot in panel.slots.all()}
    return [PanelRow(proposal, proposal.panel_assignments, slots.get(proposal.pk))
            for proposal in in_round_layout(proposals, local_government="lead_local_government")]


def pool_with_load(contest: Contest | None = None) -> QuerySet[Reviewer]:
    """Every reviewer of the pool with his active assignments (in the contest, when given) and panels."""
    active = ~Q(assignments__status=AssignmentStatus.RECUSED)
    if contest is not None:
        active &= Q(assignments__panel__contest=contest)
    return (Reviewer.objects.select_related("user", "home_local_government__province", "home_province")
            .annotate(load=Count("assignments", filter=active, distinct=True),
                      panel_count=Count("panels", distinct=True)))


def presentation_slots_of(proposal: Proposal) -> list[PresentationSlot]:
    """A proposal's presentation times, for whoever may see the proposal (the caller checked that).
    Reviewers' names are never part of it."""
    return list(proposal.presentation_slots.select_related("panel").order_by("starts_at"))


def schedule_of(panel: Panel, day=None) -> list[PresentationSlot]:
    """The panel's slots (of one day, when given) in time order, each proposal's lead local government named
    in its round's layout (issue 20). A fixed number of queries."""
    slots = (panel.slots.select_related("proposal__lead_local_government__province", "proposal__contest")
             .order_by("starts_at", "pk"))
    if day is not None:
        slots = slots.filter(starts_at__date=day)
    return in_round_layout(slots, local_government="proposal__lead_local_government", contest="proposal__contest")


def proposals_assigned_to(user, proposals: QuerySet[Proposal]) -> QuerySet[Proposal]:
    """Of ``proposals``, those ``user`` reviews under a confirmed assignment: what a reviewer may read
    (registered in ``applications.extensions`` from ``ReviewsConfig.ready``)."""
    return proposals.filter(review_assignments__reviewer__user=user,
                            review_assignments__status=AssignmentStatus.CONFIRMED).distinct()
