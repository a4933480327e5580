"""Objections to a published result: filed by the applicant within the period, optionally re-reviewed by
reviewers who did not score the proposal, decided by the council with a written answer."""
from collections.abc import Iterable
from datetime import datetime

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from applications.models import Proposal
from applications.services.documents import store_document
from audit.services import record
from core.permissions import refuse_unless
from core.uploads import CheckedUpload
from notifications.services import announce
from reviews.conflicts import ConflictFacts, conflict_reasons
from reviews.models import Assignment, DeclaredConflict, Reviewer
from reviews.permissions import is_conflict_stated
from selection.models import (
    Objection,
    ObjectionAttachment,
    ObjectionReview,
    ObjectionStatus,
    ReReviewStatus,
    RunStatus,
    SelectionDecision,
    SelectionRun,
)
from selection.permissions import (
    ALREADY_OBJECTED,
    can_declare_re_review_conflict,
    can_sign_re_review_pledge,
    is_open_to_objections,
    is_re_review_open,
    is_undecided,
)

from .decisions import SelectionRefused, change_decision


def file_objection(*, actor, decision: SelectionDecision, reasons: str, uploads: Iterable[CheckedUpload] = (),
                   now: datetime | None = None) -> Objection:
    """One objection per proposal, while the period is open. Files are stored with it, all or nothing."""
    now = now or timezone.now()
    if not reasons.strip():
        raise SelectionRefused(_("Give the reasons for the objection."))
    with transaction.atomic():
        run = SelectionRun.objects.select_for_update().get(pk=decision.run_id)
        refuse_unless(is_open_to_objections(run, now), SelectionRefused)
        try:
            with transaction.atomic():
                objection = Objection.objects.create(decision=decision, filed_by=actor, reasons=reasons.strip())
        except IntegrityError as error:
            raise SelectionRefused(str(ALREADY_OBJECTED.reason)) from error
        record(actor=actor, action="selection.objection_filed", target=objection, reason=reasons.strip())
        for upload in uploads:
            store_document(actor=actor, document=ObjectionAttachment(objection=objection), upload=upload,
                           action="selection.objection_file_added", target=objection, details={})
        announce("selection.objection_filed", objection.pk, occasion="filed")
    return objection


def _scored_before(proposal: Proposal) -> set[int]:
    return set(Assignment.objects.filter(proposal=proposal).values_list("reviewer_id", flat=True))


def eligible_re_reviewers(objection: Objection) -> list[Reviewer]:
    """Reviewers of the pool who were never assigned the proposal and have no conflict with it."""
    proposal = Proposal.objects.select_related("lead_local_government__province").get(
        pk=objection.decision.proposal_id)
    facts = ConflictFacts.load([proposal])
    excluded = _scored_before(proposal) | set(objection.re_reviews.values_list("reviewer_id", flat=True))
    pool = (Reviewer.objects.filter(user__is_active=True).exclude(pk__in=excluded)
            .select_related("user", "home_local_government").order_by("user__last_name", "user__first_name", "pk"))
    return [reviewer for reviewer in pool if not conflict_reasons(reviewer, proposal, facts)]


@transaction.atomic
def request_re_review(*, actor, objection: Objection, reviewers: Iterable[Reviewer]) -> list[ObjectionReview]:
    objection = Objection.objects.select_for_update().select_related("decision").get(pk=objection.pk)
    refuse_unless(is_undecided(objection), SelectionRefused)
    allowed = {reviewer.pk for reviewer in eligible_re_reviewers(objection)}
    reviewers = list(reviewers)
    if not reviewers:
        raise SelectionRefused(_("Choose at least one reviewer."))
    refused = [str(reviewer) for reviewer in reviewers if reviewer.pk not in allowed]
    if refused:
        raise SelectionRefused(_("These reviewers scored the proposal before or have a conflict: %(names)s.")
                               % {"names": ", ".join(refused)})
    created = [ObjectionReview.objects.create(objection=objection, reviewer=reviewer, requested_by=actor)
               for reviewer in reviewers]
    objection.status = ObjectionStatus.RE_REVIEW
    objection.save(update_fields=["status"])
    record(actor=actor, action="selection.re_review_requested", target=objection,
           changes={"reviewers": [reviewer.pk for reviewer in reviewers]})
    for review in created:
        announce("selection.re_review_requested", review.pk, occasion="requested")
    return created


def _locked_re_review(review: ObjectionReview) -> ObjectionReview:
    """The request locked for the change, so two answers to it (two tabs, a double click) queue: the second
    sees what the first wrote and is refused with the reason."""
    return (ObjectionReview.objects.select_for_update().select_related("objection__decision", "reviewer")
            .get(pk=review.pk))


@transaction.atomic
def sign_re_review_pledge(*, actor, review: ObjectionReview, now: datetime | None = None) -> ObjectionReview:
    """The re-reviewer signs the confidentiality pledge and confirms he has no conflict: the proposal, the
    objection's reasons and its files open to him (``permissions.can_read_through_re_review``)."""
    review = _locked_re_review(review)
    refuse_unless(can_sign_re_review_pledge(review), SelectionRefused)
    review.status, review.pledge_signed_at = ReReviewStatus.PLEDGED, now or timezone.now()
    review.save(update_fields=["status", "pledge_signed_at"])
    record(actor=actor, action="selection.re_review_pledge_signed", target=review.objection,
           changes={"re_review": review.pk})
    return review


@transaction.atomic
def declare_re_review_conflict(*, actor, review: ObjectionReview, reason: str) -> ObjectionReview:
    """The re-reviewer declares a conflict (회피): the request closes without an opinion, the conflict is kept
    with the reviewer's others (he is not asked about this proposal again) and the council is told."""
    review = _locked_re_review(review)
    refuse_unless(can_declare_re_review_conflict(review), SelectionRefused)
    refuse_unless(is_conflict_stated(reason), SelectionRefused)
    DeclaredConflict.objects.create(reviewer=review.reviewer, proposal_id=review.objection.decision.proposal_id,
                                    reason=reason.strip())
    review.status, review.conflict_reason = ReReviewStatus.RECUSED, reason.strip()
    review.save(update_fields=["status", "conflict_reason"])
    entry = record(actor=actor, action="selection.re_review_conflict_declared", target=review.objection,
                   reason=reason.strip(), changes={"re_review": review.pk})
    announce("selection.re_review_conflict_declared", review.pk, occasion=entry.pk)
    return review


@transaction.atomic
def submit_re_review(*, actor, review: ObjectionReview, opinion: str, supports_objection: bool,
                     now: datetime | None = None) -> ObjectionReview:
    review = _locked_re_review(review)
    refuse_unless(is_re_review_open(review), SelectionRefused)
    if not opinion.strip():
        raise SelectionRefused(_("Write your opinion."))
    review.opinion, review.supports_objection, review.submitted_at = opinion.strip(), supports_objection, \
        now or timezone.now()
    review.save(update_fields=["opinion", "supports_objection", "submitted_at"])
    record(actor=actor, action="selection.re_review_submitted", target=review.objection,
           changes={"re_review": review.pk, "supports_objection": supports_objection})
    return review


@transaction.atomic
def decide_objection(*, actor, objection: Objection, accept: bool, answer: str, outcome: str | None = None,
                     national_krw: int | None = None, now: datetime | None = None) -> Objection:
    """Accept (with the changed decision) or reject, with a written answer; the applicant is told."""
    objection = Objection.objects.select_for_update().get(pk=objection.pk)
    refuse_unless(is_undecided(objection), SelectionRefused)
    if not answer.strip():
        raise SelectionRefused(_("Write the answer to the applicant."))
    run = SelectionRun.objects.select_for_update().select_related("contest").get(pk=objection.decision.run_id)
    if run.status != RunStatus.PUBLISHED:
        raise SelectionRefused(_("The result is no longer open to objections."))
    if accept:
        decision = SelectionDecision.objects.select_for_update().get(pk=objection.decision_id)
        change_decision(actor=actor, run=run, decision=decision, outcome=outcome or decision.outcome,
                        national_krw=decision.national_krw if national_krw is None else national_krw,
                        reason=answer, enforce_target=False)
    objection.status = ObjectionStatus.ACCEPTED if accept else ObjectionStatus.REJECTED
    objection.answer, objection.decided_by, objection.decided_at = answer.strip(), actor, now or timezone.now()
    objection.save(update_fields=["status", "answer", "decided_by", "decided_at"])
    record(actor=actor, action="selection.objection_decided", target=objection, reason=answer,
           changes={"status": objection.status})
    announce("selection.objection_decided", objection.pk, occasion="decided")
    return objection
