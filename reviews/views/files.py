"""One ZIP of an assignment's files for its reviewer, once he has signed the pledge: the proposal's current
attachments, as the page lists them, each read through the same check as a single download."""
import shutil
import tempfile
import zipfile

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import FileResponse
from django.shortcuts import redirect
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _
from django.views import View

from applications import selectors as proposal_selectors
from reviews import permissions

from .reviewer import ReviewerMixin

# The archive is built on the server before it is sent: a bound on what one request may make it read and write.
MAX_ZIP_BYTES = 200 * 1024 * 1024
# Kept in memory up to this size, then spilled to a temporary file.
IN_MEMORY_BYTES = 16 * 1024 * 1024


class AssignmentFilesZipView(ReviewerMixin, View):
    def get(self, request, pk):
        assignment = self.get_assignment()
        decision = permissions.can_open_proposal(assignment)
        if not decision:
            raise PermissionDenied(decision.reason)
        proposal = proposal_selectors.proposal_for_user(user=request.user, pk=assignment.proposal_id)
        files = list(proposal.current_attachments())
        if sum(file.size_bytes for file in files) > MAX_ZIP_BYTES:
            messages.error(request, _("The files are larger than %(limit)s together: download them one by one.")
                           % {"limit": filesizeformat(MAX_ZIP_BYTES)})
            return redirect("reviews:assignment-detail", pk=assignment.pk)
        # handed to the response, which closes it when sent
        buffer = tempfile.SpooledTemporaryFile(max_size=IN_MEMORY_BYTES)  # noqa: SIM115
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
            for number, file in enumerate(files, start=1):
                with file.file.open("rb") as source, archive.open(f"{number:02d}_{file.original_name}", "w") as target:
                    shutil.copyfileobj(source, target)
        buffer.seek(0)
        response = FileResponse(buffer, as_attachment=True, content_type="application/zip",
                                filename=f"{proposal.receipt_number or proposal.pk}-files.zip")
        response["Cache-Control"] = "private, no-store"
        return response
