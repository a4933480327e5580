"""Reads of proposals. Visibility is decided once, in ``proposals_visible_to``, and every list asks it."""
from dataclasses import dataclass

from django.db.models import Exists, OuterRef, Prefetch, Q, QuerySet

from accounts.permissions import is_council, is_local_official, is_ministry_staff, is_provincial_officer, is_reviewer
from applications.budget import check_saved_budget, funding_years
from applications.checklist import section_texts
from applications.extensions import decided_contest_ids, proposals_for_ministry, proposals_for_reviewer
from applications.models import (
    MATCHABLE_STATUSES,
    KpiIndicator,
    Proposal,
    ProposalAttachment,
    ProposalVersion,
    ProvincialMatchConfirmation,
)
from applications.snapshot import comparable_parts, describe_request, render
from ministries.registry import kinds_to_show, spec_to_show


def proposals_visible_to(user) -> QuerySet[Proposal]:
    """Council: all. Officials: their local government's, as lead or partner. Provincial officers: their
    province's, as lead or partner. Reviewers: those assigned to them once they signed the pledge and confirmed
    no conflict, and those they are asked to re-review after an objection. Ministry staff: the proposals of the
    selected tasks of the contests their ministry takes part in (read only: no draft, no other proposal;
    ``tracking.permissions.proposals_for_ministry``). Everyone else: none."""
    proposals = Proposal.objects.select_related("contest", "lead_local_government__province")
    if is_council(user):
        return proposals
    if is_local_official(user):
        return proposals.filter(Q(lead_local_government=user.local_government_id)
                                | Q(partners=user.local_government_id)).distinct()
    if is_provincial_officer(user):
        return proposals.filter(Q(lead_local_government__province=user.province_id)
                                | Q(partners__province=user.province_id)).distinct()
    if is_reviewer(user):
        return proposals_for_reviewer(user, proposals)
    if is_ministry_staff(user):
        return proposals_for_ministry(user, proposals)
    return proposals.none()


def awaiting_matching(province_id: int) -> QuerySet[Proposal]:
    """The province's proposals whose matching it may confirm (the rule of
    :func:`applications.permissions.is_open_to_matching`: submitted, resubmitted or under correction, in a
    contest whose selection is not decided yet) and has not confirmed yet, by receipt number."""
    confirmed = ProvincialMatchConfirmation.objects.filter(proposal=OuterRef("pk"))
    return (Proposal.objects.filter(lead_local_government__province=province_id, status__in=MATCHABLE_STATUSES)
            .exclude(contest__in=decided_contest_ids()).exclude(Exists(confirmed))
            .order_by("receipt_number", "pk"))


PROPOSAL_PARTS = ("partners__province", "companies", "budget_lines", "kpi_targets", "support_requests__line",
                  "attachments")


# The page's parts: the requests' lines come with their ministry and measures, so the requests are shown by
# name without reading the registry again.
PAGE_PARTS = (*(part for part in PROPOSAL_PARTS if part != "support_requests__line"),
              Prefetch("support_requests__line", queryset=kinds_to_show()))


def proposal_for_user(*, user, pk: int) -> Proposal:
    """The proposal if the user may see it; ``Proposal.DoesNotExist`` otherwise (a 404, not a 403: no leak).
    Its sections come prefetched, so the checklist and the snapshot add no query per row."""
    return proposals_visible_to(user).prefetch_related(*PAGE_PARTS).get(pk=pk)


def attachment_for_user(*, user, proposal_pk: int, pk: int) -> ProposalAttachment:
    """A file of a proposal the user may see; removed files stay readable when a version holds them."""
    proposal = proposals_visible_to(user).get(pk=proposal_pk)
    return ProposalAttachment.objects.select_related("proposal").get(proposal=proposal, pk=pk)


def proposal_reading(proposal: Proposal) -> dict:
    """What a reader of the proposal sees besides its header: sections, budget, KPIs, files. Shared by the
    proposal's page and the reviewer's score page so both show the same thing."""
    return {"sections": section_texts(proposal), "budget": check_saved_budget(proposal),
            "budget_years": funding_years(proposal.contest), "kpi_rows": kpi_rows(proposal),
            "attachments": proposal.current_attachments(), "support_request_rows": support_request_rows(proposal)}


def support_request_rows(proposal: Proposal) -> list[tuple[str, str]]:
    """Each request as ``(ministry · line: values by measure name, details)``, with no query: the requests come
    prefetched with their lines, ministries and measures (``PAGE_PARTS``)."""
    requests = list(proposal.support_requests.all())
    lines = {request.line_id: spec_to_show(request.line) for request in requests}
    return [(describe_request(lines[request.line_id], {"line": request.line.code, "values": request.values}),
             request.description) for request in requests]


def kpi_rows(proposal: Proposal) -> list[tuple[str, int]]:
    """The proposal's KPI targets in the order the indicators are defined (jobs first), from the prefetch."""
    targets = {target.indicator: target.target for target in proposal.kpi_targets.all()}
    return [(str(label), targets[code]) for code, label in KpiIndicator.choices if code in targets]


def latest_provincial_confirmation(proposal: Proposal) -> ProvincialMatchConfirmation | None:
    return proposal.provincial_confirmations.select_related("confirmed_by").order_by("-confirmed_at", "-pk").first()


def versions_of(proposal: Proposal) -> QuerySet[ProposalVersion]:
    return proposal.versions.select_related("submitted_by").order_by("number")


@dataclass(frozen=True)
class VersionDifference:
    label: str
    older: object
    newer: object

    @property
    def changed(self) -> bool:
        return self.older != self.newer


def compare_versions(older: ProposalVersion, newer: ProposalVersion) -> list[VersionDifference]:
    on = older.proposal.contest.eligibility_date  # partners named in the round's layout (issue 20)
    return [VersionDifference(str(label), render(older.content, part, on=on), render(newer.content, part, on=on))
            for part, label in comparable_parts()]
