"""Writes of proposals: drafting, submission, withdrawal and correction.

Each transition checks its allowed source states under a row lock, writes the
change, an audit entry and (for submissions) a frozen version, in one transaction.
"""
from collections.abc import Iterable
from datetime import datetime
from typing import Any

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from applications.checklist import missing_items
from applications.models import (
    Contest,
    Proposal,
    ProposalPartner,
    ProposalStatus,
    ProposalVersion,
    content_checksum,
)
from applications.permissions import can_be_sent_back, can_be_withdrawn, is_awaiting_submission, is_open_for_editing
from applications.selectors.contests import eligibility_for_contest
from applications.selectors.layout import in_round_layout
from applications.snapshot import take_snapshot
from applications.window import accepts_new_drafts
from audit.services import field_changes, record
from core.formats import moment
from core.permissions import refuse_unless
from notifications.services import announce
from regions.models import LocalGovernment


class SubmissionRefused(Exception):
    """A transition that the rules do not allow now; the message says why."""


def lock_editable(proposal: Proposal, now: datetime | None = None) -> Proposal:
    """The proposal, locked for this transaction, if its draft may still be changed at ``now`` (the pages and
    the API pass the request's time; building a past round's history passes none)."""
    proposal = (Proposal.objects.select_for_update().select_related("contest", "lead_local_government")
                .get(pk=proposal.pk))
    refuse_unless(is_open_for_editing(proposal, now), SubmissionRefused)
    return proposal


def _set_partners(proposal: Proposal, partners: Iterable[LocalGovernment]) -> None:
    wanted = {lg.pk for lg in partners} - {proposal.lead_local_government_id}
    ProposalPartner.objects.filter(proposal=proposal).exclude(local_government_id__in=wanted).delete()
    existing = set(ProposalPartner.objects.filter(proposal=proposal).values_list("local_government_id", flat=True))
    ProposalPartner.objects.bulk_create([ProposalPartner(proposal=proposal, local_government_id=pk)
                                         for pk in wanted - existing])


def create_proposal(*, actor, contest: Contest, lead_local_government: LocalGovernment,
                    values: dict[str, Any], partners: Iterable[LocalGovernment] = (),
                    now: datetime | None = None) -> Proposal:
    """Start a draft. Refused when the local government already has an active proposal in the contest, and
    after the contest's deadline judged at ``now`` (the page and the API pass the request's time; seeding a
    past round's history passes none)."""
    if now is not None:
        refuse_unless(accepts_new_drafts(contest, now), SubmissionRefused)
    try:
        with transaction.atomic():
            proposal = Proposal.objects.create(contest=contest, lead_local_government=lead_local_government,
                                               created_by=actor, **values)
            _set_partners(proposal, partners)
            record(actor=actor, action="proposal.created", target=proposal, changes=take_snapshot(proposal))
    except IntegrityError as error:
        raise SubmissionRefused(_("%(name)s already has an active proposal in this contest.")
                                % {"name": lead_local_government.name}) from error
    return proposal


@transaction.atomic
def update_proposal(*, actor, proposal: Proposal, values: dict[str, Any],
                    partners: Iterable[LocalGovernment] | None = None, now: datetime | None = None) -> Proposal:
    """Save the draft (or the correction being prepared), moving its ``draft_version`` on. A submitted proposal
    is not edited in place. Two officials at once: ``drafts.save_section`` checks the version first."""
    proposal = lock_editable(proposal, now)
    before = take_snapshot(proposal)
    for name, value in values.items():
        setattr(proposal, name, value)
    proposal.draft_version += 1
    proposal.save()
    if partners is not None:
        _set_partners(proposal, partners)
    changes = field_changes(before, take_snapshot(proposal))
    if changes:
        record(actor=actor, action="proposal.saved", target=proposal, changes=changes)
    return proposal


def _check_can_submit(proposal: Proposal, contest: Contest, now: datetime) -> None:
    refuse_unless(is_awaiting_submission(proposal), SubmissionRefused)
    if proposal.status == ProposalStatus.DRAFT:
        if now < contest.application_opens_at:
            raise SubmissionRefused(_("The application window has not opened yet."))
        if now > contest.application_closes_at:
            raise SubmissionRefused(_("The application deadline has passed."))
    elif proposal.correction_due_at and now > proposal.correction_due_at:
        raise SubmissionRefused(_("The correction was due by %(due)s.")
                                % {"due": moment(proposal.correction_due_at)})
    # A refusal names the unit as on the contest's eligibility date (issue 20), as the contest's pages do.
    in_round_layout([proposal], local_government="lead_local_government", partners="partners")
    for local_government in [proposal.lead_local_government, *proposal.partners.all()]:
        eligibility = eligibility_for_contest(contest=contest, local_government=local_government)
        if not eligibility.eligible:
            raise SubmissionRefused(eligibility.refusal)
    missing = missing_items(proposal)
    if missing:
        raise SubmissionRefused(_("Complete these sections first: %(sections)s.")
                                % {"sections": ", ".join(item.refusal for item in missing)})


def next_receipt_number(year: int) -> str:
    """The next free receipt number of ``year`` across every contest ("2025-0009" after "2025-0008"). Call with
    the year's contests locked (``submit_proposal``)."""
    prefix = f"{year}-"
    issued = Proposal.objects.filter(receipt_number__startswith=prefix).values_list("receipt_number", flat=True)
    numbers = [int(number[len(prefix):]) for number in issued if number[len(prefix):].isdigit()]
    return f"{prefix}{max(numbers, default=0) + 1:04d}"


@transaction.atomic
def submit_proposal(*, actor, proposal: Proposal, now: datetime | None = None) -> ProposalVersion:
    """Submit (or resubmit after a correction request): freeze a version and give a receipt number.

    The contests of the proposal's year are locked (in one order) so that receipt numbers, unique across the
    portal and numbered per year over all its contests (a pre-selection and the final round of one year share
    2025-0001, 2025-0002, …), are handed out one at a time, and a submission racing the deadline is judged
    against one clock reading.
    """
    now = now or timezone.now()
    year = Contest.objects.values_list("year", flat=True).get(pk=proposal.contest_id)
    locked = list(Contest.objects.select_for_update().filter(year=year).order_by("pk"))
    contest = next(candidate for candidate in locked if candidate.pk == proposal.contest_id)
    proposal = (Proposal.objects.select_for_update().select_related("lead_local_government")
                .get(pk=proposal.pk))
    _check_can_submit(proposal, contest, now)
    resubmission = proposal.status == ProposalStatus.CORRECTION_REQUESTED
    if not proposal.receipt_number:
        proposal.receipt_number = next_receipt_number(contest.year)
        proposal.first_submitted_at = now
    number = proposal.versions.count() + 1
    content = take_snapshot(proposal)
    version = ProposalVersion.objects.create(proposal=proposal, number=number, submitted_at=now,
                                             submitted_by=actor, content=content,
                                             content_sha256=content_checksum(content))
    proposal.attachments.filter(removed_at__isnull=True, frozen=False).update(frozen=True)
    proposal.status = ProposalStatus.RESUBMITTED if resubmission else ProposalStatus.SUBMITTED
    proposal.correction_due_at = None
    proposal.save(update_fields=["status", "receipt_number", "first_submitted_at", "correction_due_at",
                                 "updated_at"])
    action = "proposal.resubmitted" if resubmission else "proposal.submitted"
    entry = record(actor=actor, action=action, target=proposal,
                   changes={"version": number, "receipt_number": proposal.receipt_number,
                            "content_sha256": version.content_sha256})
    announce(action, proposal.pk, occasion=entry.pk)
    return version


@transaction.atomic
def withdraw_proposal(*, actor, proposal: Proposal, reason: str, now: datetime | None = None) -> Proposal:
    """Withdraw before the deadline. Versions already submitted stay on record."""
    now = now or timezone.now()
    proposal = Proposal.objects.select_for_update().select_related("contest").get(pk=proposal.pk)
    refuse_unless(can_be_withdrawn(proposal, now), SubmissionRefused)
    if not reason.strip():
        raise SubmissionRefused(_("Say why the proposal is withdrawn."))
    previous = proposal.status
    proposal.status = ProposalStatus.WITHDRAWN
    proposal.save(update_fields=["status", "updated_at"])
    record(actor=actor, action="proposal.withdrawn", target=proposal, reason=reason,
           changes={"status": [previous, ProposalStatus.WITHDRAWN]})
    return proposal


def check_correction_due(due_at: datetime, now: datetime | None = None) -> None:
    """A correction is due in the future: a date already past would refuse the resubmission it asks for."""
    if due_at <= (now or timezone.now()):
        raise SubmissionRefused(_("The correction must be due in the future."))


@transaction.atomic
def request_correction(*, actor, proposal: Proposal, reason: str, due_at: datetime,
                       now: datetime | None = None) -> Proposal:
    """The council asks for a correction (보완 요청) with a reason and a due date."""
    check_correction_due(due_at, now)
    proposal = Proposal.objects.select_for_update().get(pk=proposal.pk)
    refuse_unless(can_be_sent_back(proposal), SubmissionRefused)
    if not reason.strip():
        raise SubmissionRefused(_("Say what must be corrected."))
    previous = proposal.status
    proposal.status = ProposalStatus.CORRECTION_REQUESTED
    proposal.correction_reason = reason
    proposal.correction_due_at = due_at
    proposal.save(update_fields=["status", "correction_reason", "correction_due_at", "updated_at"])
    entry = record(actor=actor, action="proposal.correction_requested", target=proposal, reason=reason,
                   changes={"status": [previous, ProposalStatus.CORRECTION_REQUESTED], "due_at": due_at})
    announce("proposal.correction_requested", proposal.pk, occasion=entry.pk)
    return proposal
