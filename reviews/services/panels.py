"""Panels and their schedules: creating a panel, its scoring deadline, the slots of a scheduled stage."""
from datetime import datetime

from django.db import transaction
from django.utils.translation import gettext as _

from applications.models import CORRECTABLE_STATUSES, Contest, Proposal, SlotLocation
from applications.selectors import stage_of
from audit.services import record
from notifications.services import announce
from reviews.models import AssignmentStatus, Panel, PanelProposal, PresentationSlot, Reviewer

from .assignment import AssignmentRefused, check_on_panel

REVIEWABLE_STATUSES = CORRECTABLE_STATUSES  # submitted or resubmitted: not a draft, correction or withdrawal


@transaction.atomic
def add_reviewer_to_pool(*, actor, reviewer: Reviewer) -> Reviewer:
    """Save a new pool member (an unsaved ``Reviewer`` built from the form) and record who added him."""
    reviewer.full_clean()
    reviewer.save()
    record(actor=actor, action="review.reviewer_added", target=reviewer,
           changes={"user": reviewer.user_id, "affiliation": reviewer.affiliation,
                    "home_local_government": reviewer.home_local_government_id,
                    "home_province": reviewer.home_province_id})
    return reviewer


def check_chair(chair: Reviewer | None, members) -> None:
    """A panel's chair, when named, is one of its members (the panel forms ask this too)."""
    if chair is not None and chair not in members:
        raise AssignmentRefused(_("The chair must be a member of the panel."))


@transaction.atomic
def create_panel(*, actor, contest: Contest, stage: str, name: str, reviewers_per_proposal: int,
                 members: list[Reviewer], chair: Reviewer | None) -> Panel:
    """A panel of the contest's stage; its chair, when named, is one of its members."""
    check_chair(chair, members)
    check_stage(contest, stage)
    panel = Panel.objects.create(contest=contest, stage=stage, name=name, chair=chair,
                                 reviewers_per_proposal=reviewers_per_proposal)
    panel.members.set(members)
    record(actor=actor, action="review.panel_created", target=panel,
           changes={"stage": stage, "name": name, "members": sorted(member.pk for member in members),
                    "chair": chair.pk if chair else None})
    return panel


def check_stage(contest: Contest, code: str) -> None:
    """Refuse a code that names none of the contest's stages."""
    if stage_of(contest, code) is None:
        raise AssignmentRefused(_("“%(code)s” is not a stage of this contest.") % {"code": code})


def proposals_awaiting_panel(panel: Panel):
    """The contest's submitted proposals that no panel of this stage reviews yet."""
    return (Proposal.objects.filter(contest_id=panel.contest_id, status__in=REVIEWABLE_STATUSES)
            .exclude(panelproposal__stage=panel.stage).select_related("lead_local_government__province")
            .order_by("receipt_number", "pk"))


@transaction.atomic
def add_proposals_to_panel(*, actor, panel: Panel, proposals: list[Proposal]) -> None:
    """Only submitted proposals of the panel's contest; the database keeps one panel per proposal and stage."""
    panel = Panel.objects.select_for_update().get(pk=panel.pk)
    awaiting = set(proposals_awaiting_panel(panel).values_list("pk", flat=True))
    refused = [proposal for proposal in proposals if proposal.pk not in awaiting]
    if refused:
        raise AssignmentRefused(_("These proposals cannot be given to this panel: %(titles)s.")
                                % {"titles": ", ".join(proposal.title for proposal in refused)})
    PanelProposal.objects.bulk_create([PanelProposal(panel=panel, proposal=proposal, stage=panel.stage)
                                       for proposal in proposals])
    record(actor=actor, action="review.panel_proposals_added", target=panel,
           changes={"proposals": [proposal.pk for proposal in proposals]})


@transaction.atomic
def set_panel_deadline(*, actor, panel: Panel, due_at: datetime, accepts_late_sheets: bool | None = None) -> int:
    """Every active assignment of the panel is due then; returns how many were changed. ``accepts_late_sheets``
    (None: unchanged) is the council's call whether a sheet may still be submitted after that."""
    panel = Panel.objects.select_for_update().get(pk=panel.pk)
    changed = panel.assignments.exclude(status=AssignmentStatus.RECUSED).update(due_at=due_at)
    changes = {"due_at": due_at.isoformat(), "assignments": changed}
    if accepts_late_sheets is not None and accepts_late_sheets != panel.accepts_late_sheets:
        changes["accepts_late_sheets"] = [panel.accepts_late_sheets, accepts_late_sheets]
        panel.accepts_late_sheets = accepts_late_sheets
        panel.save(update_fields=["accepts_late_sheets"])
    record(actor=actor, action="review.deadline_set", target=panel, changes=changes)
    return changed


def check_slot_times(starts_at: datetime, ends_at: datetime) -> None:
    """A slot ends after it starts (the slot form asks this too, to mark the field)."""
    if ends_at <= starts_at:
        raise AssignmentRefused(_("A slot ends after it starts."))


def check_slot_place(room: str, online_link: str, place: str | None = None) -> None:
    """A presentation takes place in a room, online, or both; a site visit (``place`` not None: its stage's
    slots are at a place) at the place the panel visits."""
    if place is not None:
        if not place.strip():
            raise AssignmentRefused(_("Give the place the panel visits."))
    elif not (room.strip() or online_link.strip()):
        raise AssignmentRefused(_("Give a room or an online link."))


@transaction.atomic
def schedule_presentation(*, actor, panel: Panel, proposal: Proposal, starts_at: datetime, ends_at: datetime,
                          room: str = "", online_link: str = "", place: str = "") -> PresentationSlot:
    """Schedule or move a proposal's slot in a stage with scheduled slots (a presentation in a room or online, a
    site visit at a place). Slots of a panel never overlap; the panel row is locked so two clerks scheduling at
    once cannot both take the same time."""
    panel = Panel.objects.select_for_update().get(pk=panel.pk)
    stage = stage_of(panel.contest, panel.stage)
    if stage is None or not stage.has_slots:
        raise AssignmentRefused(_("Only panels of a stage with scheduled slots have a schedule."))
    check_on_panel(panel, proposal)
    check_slot_times(starts_at, ends_at)
    at_place = stage.slot_location == SlotLocation.PLACE
    check_slot_place(room, online_link, place if at_place else None)
    clash = (panel.slots.exclude(proposal=proposal).filter(starts_at__lt=ends_at, ends_at__gt=starts_at)
             .select_related("proposal").first())
    if clash:
        raise AssignmentRefused(_("That time overlaps %(title)s (%(start)s–%(end)s).") % {
            "title": clash.proposal.title, "start": f"{clash.starts_at:%H:%M}", "end": f"{clash.ends_at:%H:%M}"})
    slot = panel.slots.filter(proposal=proposal).first()
    values = {"starts_at": starts_at, "ends_at": ends_at, "room": "" if at_place else room.strip(),
              "online_link": "" if at_place else online_link.strip(), "place": place.strip() if at_place else ""}
    if slot is None:
        slot = PresentationSlot.objects.create(panel=panel, proposal=proposal, **values)
        entry = record(actor=actor, action="review.slot_scheduled", target=slot, changes=_slot_changes(None, slot))
        announce("review.slot_scheduled", slot.pk, occasion=entry.pk)
        return slot
    before = _slot_changes(None, slot)
    for name, value in values.items():
        setattr(slot, name, value)
    slot.save()
    entry = record(actor=actor, action="review.slot_moved", target=slot, changes=_slot_changes(before, slot))
    announce("review.slot_moved", slot.pk, occasion=entry.pk)
    return slot


def _slot_changes(before: dict | None, slot: PresentationSlot) -> dict:
    after = {"starts_at": slot.starts_at.isoformat(), "ends_at": slot.ends_at.isoformat(), "room": slot.room,
             "online_link": slot.online_link, "place": slot.place}
    if before is None:
        return after
    return {name: [before[name], value] for name, value in after.items() if before[name] != value}


REVIEWER_FIELDS = ("affiliation", "affiliation_registration_number", "home_local_government", "home_province",
                   "fields", "is_external")


def _reviewer_values(reviewer: Reviewer) -> dict:
    return {name: getattr(reviewer, f"{name}_id" if name.startswith("home_") else name) for name in REVIEWER_FIELDS}


@transaction.atomic
def update_reviewer(*, actor, reviewer: Reviewer, values: dict) -> Reviewer:
    """Change what the pool knows of a reviewer (affiliation, home region, fields): conflicts are decided by it
    from then on; assignments already made stay. The audit entry keeps each changed value."""
    reviewer = Reviewer.objects.select_for_update().get(pk=reviewer.pk)
    before = _reviewer_values(reviewer)
    for name, value in values.items():
        if name in REVIEWER_FIELDS:
            setattr(reviewer, name, value)
    reviewer.full_clean()
    reviewer.save()
    changes = {name: [before[name], value] for name, value in _reviewer_values(reviewer).items()
               if before[name] != value}
    if changes:
        record(actor=actor, action="review.reviewer_updated", target=reviewer, changes=changes)
    return reviewer


@transaction.atomic
def change_panel_members(*, actor, panel: Panel, members: list[Reviewer], chair: Reviewer | None) -> Panel:
    """Set a panel's members and chair. Refused once its results are signed off, when the chair is not a
    member, or when a member leaving still has an assignment on the panel (replace it first)."""
    panel = Panel.objects.select_for_update().get(pk=panel.pk)
    if panel.is_signed_off:
        raise AssignmentRefused(_("The panel's results are signed off; its members no longer change."))
    check_chair(chair, members)
    before = sorted(panel.members.values_list("pk", flat=True))
    leaving = set(before) - {member.pk for member in members}
    busy_ids = (panel.assignments.filter(reviewer_id__in=leaving).exclude(status=AssignmentStatus.RECUSED)
                .values("reviewer_id"))
    busy = list(Reviewer.objects.filter(pk__in=busy_ids).select_related("user").order_by("pk"))
    if busy:
        raise AssignmentRefused(_("These members still review proposals of the panel: %(names)s.")
                                % {"names": ", ".join(str(reviewer) for reviewer in busy)})
    chair_before = panel.chair_id
    panel.members.set(members)
    panel.chair = chair
    panel.save(update_fields=["chair"])
    record(actor=actor, action="review.panel_members_changed", target=panel,
           changes={"members": [before, sorted(member.pk for member in members)],
                    "chair": [chair_before, chair.pk if chair else None]})
    return panel
