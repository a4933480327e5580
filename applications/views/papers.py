"""The proposal's papers: its 접수증 (receipt) and its 신청서 as filed, any version, as PDF. Whoever may
see the proposal's page may have its papers; anyone else gets the same 404 as a missing proposal."""
from django.http import Http404
from django.views import View

from applications import selectors
from applications.models import ProposalVersion
from applications.snapshot import comparable_parts, render
from core.papers import paper_response

from .proposals import ProposalAccessMixin


class VersionPaperMixin(ProposalAccessMixin):
    def get_version(self, proposal) -> ProposalVersion:
        """``?version=N`` or the latest submitted version; 404 when there is none or N is not one."""
        versions = selectors.versions_of(proposal)
        number = self.request.GET.get("version")
        try:
            version = versions.get(number=int(number)) if number else versions.last()
        except (ValueError, ProposalVersion.DoesNotExist) as error:
            raise Http404 from error
        if version is None:
            raise Http404
        return version

    def paper_context(self, proposal, version) -> dict:
        return {"proposal": proposal, "version": version, "contest": proposal.contest,
                "receipt_number": proposal.receipt_number, "digest": version.content_sha256,
                "document_date": version.submitted_at}


class ReceiptPaperView(VersionPaperMixin, View):
    """접수증: the receipt of the latest submission (or ``?version=N``)."""

    def get(self, request, pk):
        proposal = self.get_proposal()
        version = self.get_version(proposal)
        return paper_response(template="papers/receipt.html", context=self.paper_context(proposal, version),
                              filename=f"receipt-{proposal.receipt_number}-v{version.number}.pdf", request=request)


class ApplicationPaperView(VersionPaperMixin, View):
    """신청서: the proposal exactly as it was filed in one version, from its frozen snapshot."""

    def get(self, request, pk):
        proposal = self.get_proposal()
        version = self.get_version(proposal)
        on = proposal.contest.eligibility_date  # the round's layout names the partners (issue 20)
        parts = [(label, render(version.content, part, on=on)) for part, label in comparable_parts()]
        return paper_response(template="papers/application.html",
                              context={**self.paper_context(proposal, version), "parts": parts},
                              filename=f"application-{proposal.receipt_number}-v{version.number}.pdf",
                              request=request)
