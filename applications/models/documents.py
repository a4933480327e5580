"""Files of contests and proposals. Stored under generated names in private storage and served
only by views that check permission; the original name and a SHA-256 are kept with each file."""
import uuid
from pathlib import PurePath

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from core.uploads import CONTENT_TYPES, FileFormat

from .contest import Contest
from .proposal import Proposal


def _generated_name(folder: str, owner_id: int, filename: str) -> str:
    return f"{folder}/{owner_id}/{uuid.uuid4().hex}{PurePath(filename).suffix.lower()}"


def proposal_file_path(instance: "ProposalAttachment", filename: str) -> str:
    return _generated_name("proposals", instance.proposal_id, filename)


def contest_file_path(instance: "ContestAttachment", filename: str) -> str:
    return _generated_name("contests", instance.contest_id, filename)


class StoredDocument(models.Model):
    original_name = models.CharField(_("file name"), max_length=255)
    file_format = models.CharField(_("format"), max_length=8, choices=FileFormat.choices)
    size_bytes = models.PositiveBigIntegerField(_("size (bytes)"))
    sha256 = models.CharField(_("SHA-256"), max_length=64)
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("uploaded by"),
                                    on_delete=models.PROTECT, related_name="+")
    uploaded_at = models.DateTimeField(_("uploaded at"), auto_now_add=True)

    class Meta:
        abstract = True

    def __str__(self) -> str:
        return self.original_name

    @property
    def content_type(self) -> str:
        return CONTENT_TYPES[FileFormat(self.file_format)]


class AttachmentKind(models.TextChoices):
    BUSINESS_PLAN = "business_plan", _("Business plan")
    PRESENTATION = "presentation", _("Presentation deck")
    OTHER = "other", _("Other supporting document")


class ProposalAttachment(StoredDocument):
    """A file of a proposal. Once part of a submitted version it is ``frozen``: removing it from the
    draft only hides it, so every version's files stay downloadable and match their checksums."""

    proposal = models.ForeignKey(Proposal, verbose_name=_("proposal"), on_delete=models.PROTECT,
                                 related_name="attachments")
    kind = models.CharField(_("kind"), max_length=16, choices=AttachmentKind.choices)
    file = models.FileField(_("file"), upload_to=proposal_file_path, max_length=300)
    frozen = models.BooleanField(_("part of a submitted version"), default=False)
    removed_at = models.DateTimeField(_("removed at"), null=True, blank=True)

    class Meta:
        ordering = ["proposal", "kind", "uploaded_at", "pk"]
        verbose_name = _("proposal attachment")
        verbose_name_plural = _("proposal attachments")
        constraints = [
            models.CheckConstraint(name="attachment_kind_known", condition=Q(kind__in=AttachmentKind.values)),
            models.CheckConstraint(name="attachment_format_known",
                                   condition=Q(file_format__in=FileFormat.values)),
            models.CheckConstraint(name="attachment_removed_only_if_frozen",
                                   condition=Q(removed_at__isnull=True) | Q(frozen=True)),
        ]


class ContestAttachment(StoredDocument):
    """An announcement file of a contest (공고문, guidelines, forms), readable by every signed-in user."""

    contest = models.ForeignKey(Contest, verbose_name=_("contest"), on_delete=models.CASCADE,
                                related_name="attachments")
    title = models.CharField(_("title"), max_length=200)
    file = models.FileField(_("file"), upload_to=contest_file_path, max_length=300)

    class Meta:
        ordering = ["contest", "uploaded_at", "pk"]
        verbose_name = _("announcement file")
        verbose_name_plural = _("announcement files")
        constraints = [
            models.CheckConstraint(name="contest_attachment_format_known",
                                   condition=Q(file_format__in=FileFormat.values)),
        ]

    def __str__(self) -> str:
        return self.title
