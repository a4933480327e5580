"""Objections (이의신청) to a published result: one per proposal, with reasons and files; the council answers
in writing, optionally after reviewers who did not score the proposal give an opinion."""
import uuid
from pathlib import PurePath

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from applications.models.documents import StoredDocument
from core.uploads import FileFormat

from .runs import SelectionDecision


class ObjectionStatus(models.TextChoices):
    FILED = "filed", _("Filed")
    RE_REVIEW = "re_review", _("Under re-review")
    ACCEPTED = "accepted", pgettext_lazy("objection decision", "Accepted")
    REJECTED = "rejected", _("Rejected")


OPEN_OBJECTION_STATUSES = (ObjectionStatus.FILED, ObjectionStatus.RE_REVIEW)


class Objection(models.Model):
    decision = models.OneToOneField(SelectionDecision, verbose_name=_("decision objected to"),
                                    on_delete=models.PROTECT, related_name="objection")
    filed_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("filed by"), on_delete=models.PROTECT,
                                 related_name="+")
    filed_at = models.DateTimeField(_("filed at"), auto_now_add=True)
    reasons = models.TextField(_("reasons"))
    status = models.CharField(_("status"), max_length=16, choices=ObjectionStatus.choices,
                              default=ObjectionStatus.FILED)
    answer = models.TextField(_("written answer"), blank=True)
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("decided by"), null=True, blank=True,
                                   on_delete=models.PROTECT, related_name="+")
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)

    class Meta:
        ordering = ["-filed_at", "-pk"]
        verbose_name = _("objection")
        verbose_name_plural = _("objections")
        constraints = [
            models.CheckConstraint(name="objection_status_known", condition=Q(status__in=ObjectionStatus.values)),
            models.CheckConstraint(name="objection_has_reasons", condition=~Q(reasons="")),
            models.CheckConstraint(name="objection_decided_has_answer",
                                   condition=Q(status__in=OPEN_OBJECTION_STATUSES)
                                   | (~Q(answer="") & Q(decided_at__isnull=False, decided_by__isnull=False))),
        ]

    def __str__(self) -> str:
        return f"{self.decision.proposal} ({self.get_status_display()})"

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_OBJECTION_STATUSES

    @property
    def is_accepted(self) -> bool:
        """Decided in the applicant's favour."""
        return self.status == ObjectionStatus.ACCEPTED


def objection_file_path(instance: "ObjectionAttachment", filename: str) -> str:
    return f"objections/{instance.objection_id}/{uuid.uuid4().hex}{PurePath(filename).suffix.lower()}"


class ObjectionAttachment(StoredDocument):
    objection = models.ForeignKey(Objection, verbose_name=_("objection"), on_delete=models.PROTECT,
                                  related_name="attachments")
    file = models.FileField(_("file"), upload_to=objection_file_path, max_length=300)

    class Meta:
        ordering = ["objection", "uploaded_at", "pk"]
        verbose_name = _("objection file")
        verbose_name_plural = _("objection files")
        constraints = [
            models.CheckConstraint(name="objection_attachment_format_known",
                                   condition=Q(file_format__in=FileFormat.values)),
        ]


class ReReviewStatus(models.TextChoices):
    """Where a re-review request stands for its reviewer: asked, then either the confidentiality pledge signed
    with no conflict (the proposal opens to him; ``submitted_at`` then records his opinion) or a conflict
    declared (the request closes without an opinion)."""

    REQUESTED = "requested", _("Pledge to sign")
    PLEDGED = "pledged", _("Pledge signed, no conflict")
    RECUSED = "recused", _("Recused (conflict declared)")


class ObjectionReview(models.Model):
    """A re-review of an objected proposal by a reviewer who did not score it."""

    objection = models.ForeignKey(Objection, verbose_name=_("objection"), on_delete=models.PROTECT,
                                  related_name="re_reviews")
    reviewer = models.ForeignKey("reviews.Reviewer", verbose_name=_("reviewer"), on_delete=models.PROTECT,
                                 related_name="objection_reviews")
    requested_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("requested by"),
                                     on_delete=models.PROTECT, related_name="+")
    requested_at = models.DateTimeField(_("requested at"), auto_now_add=True)
    opinion = models.TextField(_("opinion"), blank=True)
    supports_objection = models.BooleanField(_("supports the objection"), null=True, blank=True)
    submitted_at = models.DateTimeField(_("submitted at"), null=True, blank=True)
    status = models.CharField(_("status"), max_length=16, choices=ReReviewStatus.choices,
                              default=ReReviewStatus.REQUESTED)
    pledge_signed_at = models.DateTimeField(_("confidentiality pledge signed at"), null=True, blank=True)
    conflict_reason = models.TextField(_("declared conflict"), blank=True)

    class Meta:
        ordering = ["objection", "requested_at", "pk"]
        verbose_name = _("re-review")
        verbose_name_plural = _("re-reviews")
        constraints = [
            models.UniqueConstraint(fields=["objection", "reviewer"], name="re_review_once_per_reviewer"),
            models.CheckConstraint(name="re_review_submitted_is_complete",
                                   condition=Q(submitted_at__isnull=True)
                                   | (~Q(opinion="") & Q(supports_objection__isnull=False))),
            models.CheckConstraint(name="re_review_status_known", condition=Q(status__in=ReReviewStatus.values)),
            models.CheckConstraint(name="re_review_pledged_has_pledge",
                                   condition=~Q(status=ReReviewStatus.PLEDGED) | Q(pledge_signed_at__isnull=False)),
            models.CheckConstraint(name="re_review_submitted_is_pledged",
                                   condition=Q(submitted_at__isnull=True) | Q(status=ReReviewStatus.PLEDGED)),
            models.CheckConstraint(name="re_review_recused_has_reason",
                                   condition=~Q(status=ReReviewStatus.RECUSED) | ~Q(conflict_reason="")),
        ]

    def __str__(self) -> str:
        return f"{self.reviewer} · {self.objection}"

    @property
    def is_pledge_pending(self) -> bool:
        return self.status == ReReviewStatus.REQUESTED

    @property
    def is_recused(self) -> bool:
        return self.status == ReReviewStatus.RECUSED
