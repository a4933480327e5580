"""Proposals (과제 신청서) and their submitted versions.

A proposal is edited as a draft; each submission freezes a :class:`ProposalVersion`
holding a snapshot of every section and its checksum. Versions are never changed.
"""
import hashlib
import json

from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from audit.models import AppendOnlyModel

from .contest import Contest


class ProposalStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Submitted")
    CORRECTION_REQUESTED = "correction_requested", _("Correction requested")
    RESUBMITTED = "resubmitted", _("Resubmitted")
    WITHDRAWN = "withdrawn", _("Withdrawn")


EDITABLE_STATUSES = (ProposalStatus.DRAFT, ProposalStatus.CORRECTION_REQUESTED)
CORRECTABLE_STATUSES = (ProposalStatus.SUBMITTED, ProposalStatus.RESUBMITTED)
MATCHABLE_STATUSES = (*CORRECTABLE_STATUSES, ProposalStatus.CORRECTION_REQUESTED)


class Proposal(models.Model):
    contest = models.ForeignKey(Contest, verbose_name=_("contest"), on_delete=models.PROTECT,
                                related_name="proposals")
    lead_local_government = models.ForeignKey("regions.LocalGovernment", verbose_name=_("lead local government"),
                                              on_delete=models.PROTECT, related_name="led_proposals")
    partners = models.ManyToManyField("regions.LocalGovernment", verbose_name=_("partner local governments"),
                                      through="ProposalPartner", related_name="partner_proposals", blank=True)
    status = models.CharField(_("status"), max_length=32, choices=ProposalStatus.choices,
                              default=ProposalStatus.DRAFT)
    title = models.CharField(_("title"), max_length=300)
    summary = models.TextField(_("overview"), blank=True)
    specialty_resource = models.TextField(_("local specialty resource"), blank=True)
    industry = models.TextField(_("industry built on it"), blank=True)
    extinction_strategy = models.TextField(_("local-extinction response strategy"), blank=True)
    support_programme = models.TextField(_("company support programme by growth stage"), blank=True)
    receipt_number = models.CharField(_("receipt number"), max_length=32, blank=True)
    first_submitted_at = models.DateTimeField(_("first submitted at"), null=True, blank=True)
    correction_due_at = models.DateTimeField(_("correction due"), null=True, blank=True)
    correction_reason = models.TextField(_("correction requested"), blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("created by"), on_delete=models.PROTECT,
                                   related_name="+")
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)
    draft_version = models.PositiveIntegerField(
        _("draft version"), default=1,
        help_text=_("Moves on at every save of the draft's text, so a save made from an older text is noticed."))

    class Meta:
        ordering = ["-updated_at", "-pk"]
        verbose_name = _("proposal")
        verbose_name_plural = _("proposals")
        constraints = [
            models.UniqueConstraint(fields=["contest", "lead_local_government"],
                                    condition=~Q(status=ProposalStatus.WITHDRAWN),
                                    name="proposal_one_active_per_local_government"),
            models.UniqueConstraint(fields=["receipt_number"], condition=~Q(receipt_number=""),
                                    name="proposal_unique_receipt_number"),
            models.CheckConstraint(name="proposal_status_known", condition=Q(status__in=ProposalStatus.values)),
            models.CheckConstraint(name="proposal_submitted_has_receipt",
                                   condition=Q(status=ProposalStatus.DRAFT) | Q(status=ProposalStatus.WITHDRAWN)
                                   | ~Q(receipt_number="")),
        ]
        indexes = [models.Index(fields=["contest", "status"])]

    def __str__(self) -> str:
        return self.title

    @property
    def is_editable(self) -> bool:
        return self.status in EDITABLE_STATUSES

    @property
    def is_draft(self) -> bool:
        """Never submitted: no receipt number yet."""
        return self.status == ProposalStatus.DRAFT

    @property
    def awaits_correction(self) -> bool:
        """The council asked for a correction; the applicant resubmits by ``correction_due_at``."""
        return self.status == ProposalStatus.CORRECTION_REQUESTED

    def current_attachments(self) -> list:
        """The files on the proposal now; a removed one stays only with the versions that hold it.
        Reads ``attachments`` as prefetched, so a page pays no query per call."""
        return [attachment for attachment in self.attachments.all() if attachment.removed_at is None]


class ProposalPartner(models.Model):
    proposal = models.ForeignKey(Proposal, verbose_name=_("proposal"), on_delete=models.CASCADE)
    local_government = models.ForeignKey("regions.LocalGovernment", verbose_name=_("local government"),
                                         on_delete=models.PROTECT)

    class Meta:
        verbose_name = _("partner local government")
        verbose_name_plural = _("partner local governments")
        constraints = [
            models.UniqueConstraint(fields=["proposal", "local_government"], name="proposal_partner_once"),
        ]

    def __str__(self) -> str:
        return str(self.local_government)


def content_checksum(content: dict) -> str:
    """SHA-256 of the canonical JSON of a snapshot: equal content, equal checksum."""
    canonical = json.dumps(content, sort_keys=True, ensure_ascii=False, cls=DjangoJSONEncoder)
    return hashlib.sha256(canonical.encode()).hexdigest()


class ProposalVersion(AppendOnlyModel):
    """One submission, frozen: what was submitted, by whom and when."""

    proposal = models.ForeignKey(Proposal, verbose_name=_("proposal"), on_delete=models.PROTECT,
                                 related_name="versions")
    number = models.PositiveSmallIntegerField(_("version"))
    submitted_at = models.DateTimeField(_("submitted at"))
    submitted_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("submitted by"),
                                     on_delete=models.PROTECT, related_name="+")
    content = models.JSONField(_("content"), encoder=DjangoJSONEncoder)
    content_sha256 = models.CharField(_("content checksum"), max_length=64)

    class Meta:
        ordering = ["proposal", "number"]
        verbose_name = _("proposal version")
        verbose_name_plural = _("proposal versions")
        constraints = [
            models.UniqueConstraint(fields=["proposal", "number"], name="proposal_version_unique_number"),
            models.CheckConstraint(name="proposal_version_number_positive", condition=Q(number__gte=1)),
        ]

    def __str__(self) -> str:
        return f"{self.proposal} v{self.number}"

    @property
    def checksum_matches(self) -> bool:
        return content_checksum(self.content) == self.content_sha256
