"""Writes of a proposal's structured sections and files.

Each save locks the proposal, refuses if it is no longer editable (at ``now``, the request's time the page or
the API passes: after the deadline a draft is read-only), replaces the section's rows and
records what changed, in one transaction. Files are checked (see ``core.uploads``) before they get here.
"""
from collections.abc import Mapping, Sequence
from datetime import datetime
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from applications.budget import check_budget
from applications.models import (
    BudgetLine,
    KpiTarget,
    ParticipatingCompany,
    Proposal,
    ProposalAttachment,
    SupportRequest,
)
from applications.selectors.contests import request_lines
from applications.snapshot import take_snapshot
from applications.support_requests import request_key, request_problems
from audit.services import record
from core.uploads import CheckedUpload

from .documents import delete_file_on_commit, store_document
from .proposals import SubmissionRefused, lock_editable


def _record_section(actor, proposal: Proposal, part: str, before: dict[str, Any]) -> None:
    after = take_snapshot(proposal)
    if before.get(part) != after.get(part):
        record(actor=actor, action=f"proposal.{part}_saved", target=proposal,
               changes={part: [before.get(part), after.get(part)]})


@transaction.atomic
def save_companies(*, actor, proposal: Proposal, companies: Sequence[Mapping[str, Any]],
                   now: datetime | None = None) -> Proposal:
    """Replace the participating companies. Registration numbers arrive normalized and checked."""
    proposal = lock_editable(proposal, now)
    before = take_snapshot(proposal)
    numbers = [company["business_registration_number"] for company in companies]
    if len(numbers) != len(set(numbers)):
        raise SubmissionRefused(_("The same business registration number is listed twice."))
    ParticipatingCompany.objects.filter(proposal=proposal).delete()
    ParticipatingCompany.objects.bulk_create([ParticipatingCompany(proposal=proposal, **company)
                                              for company in companies])
    _record_section(actor, proposal, "companies", before)
    return proposal


@transaction.atomic
def save_budget(*, actor, proposal: Proposal, cells: Mapping[tuple[int, str], int],
                   now: datetime | None = None) -> Proposal:
    """Replace the budget table. A draft may be incomplete (only the national amount typed, matching shares not
    met yet): the cap and the shares are checked at submission (``checklist``); a cell outside the funding
    years is refused."""
    proposal = lock_editable(proposal, now)
    result = check_budget(proposal.contest, [(year, source, amount) for (year, source), amount in cells.items()])
    if "years" in result.problems:
        raise SubmissionRefused(result.problems["years"])
    before = take_snapshot(proposal)
    BudgetLine.objects.filter(proposal=proposal).delete()
    BudgetLine.objects.bulk_create([BudgetLine(proposal=proposal, year=year, source=source, amount_krw=amount)
                                    for (year, source), amount in sorted(cells.items()) if amount])
    _record_section(actor, proposal, "budget", before)
    return proposal


@transaction.atomic
def save_kpi_targets(*, actor, proposal: Proposal, targets: Mapping[str, int | None],
                   now: datetime | None = None) -> Proposal:
    proposal = lock_editable(proposal, now)
    before = take_snapshot(proposal)
    KpiTarget.objects.filter(proposal=proposal).delete()
    KpiTarget.objects.bulk_create([KpiTarget(proposal=proposal, indicator=indicator, target=target)
                                   for indicator, target in targets.items() if target is not None])
    _record_section(actor, proposal, "kpi_targets", before)
    return proposal


@transaction.atomic
def save_support_requests(*, actor, proposal: Proposal, requests: Sequence[Mapping[str, Any]],
                   now: datetime | None = None) -> Proposal:
    """Replace the support requests (``{"line": code, "values": {measure code: value}, "description"}``).

    Each is checked against its line in the ministries' registry (``applications.support_requests``): a line of
    the contest's ministries (or one the proposal asked already), only requestable measures, the required ones
    above zero, one request per key value (one per visa type, one per MSS item). Refused with the first reason
    (:class:`SubmissionRefused`); the page and the API show every reason beside its row before they get here.
    """
    proposal = lock_editable(proposal, now)
    before = take_snapshot(proposal)
    lines = request_lines(proposal.contest, {request.line_id for request in proposal.support_requests.all()})
    cleaned, problems = request_problems(lines, requests)
    for number, errors in enumerate(problems, start=1):
        for field, messages in errors.items():
            raise SubmissionRefused(_("Request %(number)s (%(field)s): %(message)s") % {
                "number": number, "field": field, "message": " ".join(messages)})
    SupportRequest.objects.filter(proposal=proposal).delete()
    SupportRequest.objects.bulk_create([
        SupportRequest(proposal=proposal, line_id=lines[row["line"]].pk, values=row["values"],
                       key=request_key(lines[row["line"]], row["values"]) or "", description=row["description"])
        for row in cleaned])
    proposal = Proposal.objects.prefetch_related("support_requests__line").get(pk=proposal.pk)
    _record_section(actor, proposal, "support_requests", before)
    return proposal


@transaction.atomic
def add_attachment(*, actor, proposal: Proposal, kind: str, upload: CheckedUpload,
                   now: datetime | None = None) -> ProposalAttachment:
    proposal = lock_editable(proposal, now)
    return store_document(actor=actor, document=ProposalAttachment(proposal=proposal, kind=kind), upload=upload,
                          action="proposal.attachment_added", target=proposal, details={"kind": kind})


@transaction.atomic
def remove_attachment(*, actor, attachment: ProposalAttachment,
                   now: datetime | None = None) -> None:
    """Take a file off the draft. A file already part of a submitted version is only hidden."""
    proposal = lock_editable(attachment.proposal, now)
    attachment = ProposalAttachment.objects.select_for_update().get(pk=attachment.pk, proposal=proposal)
    if attachment.removed_at is not None:
        return
    record(actor=actor, action="proposal.attachment_removed", target=proposal,
           changes={"attachment": attachment.pk, "name": attachment.original_name, "sha256": attachment.sha256})
    if attachment.frozen:
        attachment.removed_at = timezone.now()
        attachment.save(update_fields=["removed_at"])
        return
    attachment.delete()
    delete_file_on_commit(attachment)
