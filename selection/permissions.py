"""Who may do what in the final selection. Views, the API and the selectors ask these predicates.

The council runs, adjusts, approves, publishes and decides. A local government sees its own proposals'
decisions only once the result is published, and files objections to them during the period. A reviewer
reaches only the re-reviews asked of him. Nobody but the council sees a run before it is published.

A re-reviewer reads the objected proposal (its page, files and API answer), the objection's reasons and files
only through :func:`can_read_through_re_review`: once he has signed the confidentiality pledge and confirmed he
has no conflict, and while the objection is undecided. He keeps reading after he submits his opinion, until the
decision (an evaluator may look again at what he judged until it is decided); then that access ends. Any other
way he reads the proposal (a confirmed assignment of the review) is its own and unaffected.
"""
from datetime import datetime

from django.core.exceptions import PermissionDenied
from django.db.models import Q, QuerySet
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts.permissions import is_council, is_local_official, is_provincial_officer, is_signed_in
from core.permissions import ALLOWED, NOT_SIGNED_IN, Decision, deny
from reviews.permissions import PLEDGE_FIRST

from .models import OPEN_OBJECTION_STATUSES, Objection, ObjectionReview, ReReviewStatus, RunStatus, SelectionDecision


def can_manage_selection(user) -> Decision:
    if not is_signed_in(user):
        return NOT_SIGNED_IN
    if is_council(user):
        return ALLOWED
    return deny(_("Only council staff run the final selection."))


def is_applicant(user, decision: SelectionDecision) -> bool:
    return bool(is_signed_in(user) and is_local_official(user)
                and user.local_government_id == decision.proposal.lead_local_government_id)


def _is_partner(user, decision: SelectionDecision) -> bool:
    return bool(is_signed_in(user) and is_local_official(user)
                and decision.proposal.partners.filter(pk=user.local_government_id).exists())


def _is_province_of_proposal(user, decision: SelectionDecision) -> bool:
    """The provincial officer of the lead's province or of a partner's."""
    if not (is_signed_in(user) and is_provincial_officer(user)):
        return False
    proposal = decision.proposal
    return (user.province_id == proposal.lead_local_government.province_id
            or proposal.partners.filter(province_id=user.province_id).exists())


def can_view_decision(user, decision: SelectionDecision) -> Decision:
    """The council always; once the result is published, every local government of the proposal (lead and
    partners) and the officers of their provinces: each is told the result. Only the lead objects."""
    if not is_signed_in(user):
        return NOT_SIGNED_IN
    if is_council(user):
        return ALLOWED
    if not decision.run.is_public:
        return deny(_("The result is not published yet."))
    if is_applicant(user, decision) or _is_partner(user, decision) or _is_province_of_proposal(user, decision):
        return ALLOWED
    return deny(_("Only the applicant sees this result."))


ALREADY_OBJECTED = deny(_("An objection to this result was already filed."))


def is_open_to_objections(run, now: datetime | None = None) -> Decision:
    """A published result, until its objection period closes."""
    if run.status != RunStatus.PUBLISHED:
        return deny(_("Objections are accepted only while a published result is open to them."))
    if (now or timezone.now()) >= run.objection_closes_at:
        return deny(_("The objection period has ended."))
    return ALLOWED


def can_file_objection(user, decision: SelectionDecision, now: datetime | None = None) -> Decision:
    """The applicant, once per decision (``ALREADY_OBJECTED``), while the run :func:`is_open_to_objections`."""
    if not is_applicant(user, decision):
        return deny(_("Only officials of the applying local government object to its result."))
    decision_open = is_open_to_objections(decision.run, now)
    if decision_open and hasattr(decision, "objection"):
        return ALREADY_OBJECTED
    return decision_open


def can_view_objection(user, objection: Objection) -> Decision:
    if not is_signed_in(user):
        return NOT_SIGNED_IN
    if is_council(user) or is_applicant(user, objection.decision):
        return ALLOWED
    return deny(_("Only the council and the applicant see an objection."))


def is_undecided(objection: Objection) -> Decision:
    """Re-reviews are asked, written and the objection decided until the council has decided it."""
    if not objection.is_open:
        return deny(_("This objection is already decided."))
    return ALLOWED


RECUSED = _("You declared a conflict for this re-review; it is closed.")


def is_re_review_answerable(review: ObjectionReview) -> Decision:
    """A request is answered (pledge, conflict, opinion) while no opinion is submitted, no conflict declared and
    the objection :func:`is_undecided`."""
    if review.submitted_at is not None:
        return deny(_("This opinion is already submitted."))
    if review.status == ReReviewStatus.RECUSED:
        return deny(RECUSED)
    return is_undecided(review.objection)


def can_sign_re_review_pledge(review: ObjectionReview) -> Decision:
    """The pledge is signed once, on a request still :func:`is_re_review_answerable`."""
    if review.status == ReReviewStatus.PLEDGED:
        return deny(_("The confidentiality pledge is already signed."))
    return is_re_review_answerable(review)


def can_declare_re_review_conflict(review: ObjectionReview) -> Decision:
    """A conflict is declared before the opinion, pledge signed or not: the request then closes without one."""
    return is_re_review_answerable(review)


def is_re_review_open(review: ObjectionReview) -> Decision:
    """An opinion is written once, after the pledge, while the request :func:`is_re_review_answerable`."""
    answerable = is_re_review_answerable(review)
    if answerable and review.status != ReReviewStatus.PLEDGED:
        return deny(PLEDGE_FIRST)
    return answerable


def is_own_re_review(user, review: ObjectionReview) -> Decision:
    if not (is_signed_in(user) and review.reviewer.user_id == user.pk):
        return deny(_("This re-review was asked of another reviewer."))
    return ALLOWED


def can_write_re_review(user, review: ObjectionReview) -> Decision:
    return is_own_re_review(user, review) and is_re_review_open(review)


# What opens the proposal through a re-review, as a filter on ObjectionReview: the same rule as
# ``can_read_through_re_review`` below, so a list and a single page cannot disagree.
READS_THROUGH_RE_REVIEW = Q(status=ReReviewStatus.PLEDGED, objection__status__in=OPEN_OBJECTION_STATUSES)


def can_read_through_re_review(user, review: ObjectionReview) -> Decision:
    """The re-reviewer reads the proposal, the objection's reasons and files once he has signed the pledge and
    confirmed no conflict, while the objection is undecided (also after he submitted his opinion, until then)."""
    own = is_own_re_review(user, review)
    if not own:
        return own
    if review.status == ReReviewStatus.RECUSED:
        return deny(RECUSED)
    if not review.objection.is_open:
        return deny(_("The objection is decided: the proposal no longer opens through this re-review."))
    if review.status != ReReviewStatus.PLEDGED:
        return deny(PLEDGE_FIRST)
    return ALLOWED


def re_reviews_reading_proposal(user) -> QuerySet[ObjectionReview]:
    """The re-reviews through which ``user`` reads their proposal now (:data:`READS_THROUGH_RE_REVIEW`)."""
    if not is_signed_in(user):
        return ObjectionReview.objects.none()
    return ObjectionReview.objects.filter(READS_THROUGH_RE_REVIEW, reviewer__user=user)


def objectable_decision(user, pk: int) -> SelectionDecision:
    """The decision ``pk`` if ``user`` may file an objection to it now: absent (404) unless he may see it,
    refused (403, with the reason) when he sees it but may not object. Pages and API alike."""
    decision = (SelectionDecision.objects.select_related("run__contest", "proposal__lead_local_government")
                .filter(pk=pk).first())
    if decision is None or not can_view_decision(user, decision):
        raise Http404
    allowed = can_file_objection(user, decision)
    if not allowed:
        raise PermissionDenied(allowed.reason)
    return decision


def can_be_adjusted(run) -> Decision:
    """Decisions change on a computed run until it is approved: the Adjust links and the service ask this."""
    if run.status != RunStatus.COMPLETED:
        return deny(_("Decisions change only on a computed run that is not yet approved."))
    return ALLOWED


def can_be_approved(run) -> Decision:
    """Only a computed run awaiting approval is approved (what else approval needs, the service checks)."""
    if run.status != RunStatus.COMPLETED:
        return deny(_("Only a computed run awaiting approval can be approved."))
    return ALLOWED


def can_be_published(run) -> Decision:
    if run.status != RunStatus.APPROVED:
        return deny(_("Only an approved run can be published."))
    return ALLOWED


def can_confirm_now(run, now: datetime | None = None) -> Decision:
    """A published result whose objection period is over and whose objections are all decided: the confirm
    button and ``services.confirm_run`` both ask this."""
    if run.status != RunStatus.PUBLISHED:
        return deny(_("Only a published result can be confirmed."))
    if (now or timezone.now()) < run.objection_closes_at:
        return deny(_("The objection period is still open."))
    if run.decisions.filter(objection__status__in=OPEN_OBJECTION_STATUSES).exists():
        return deny(_("Decide every objection first."))
    return ALLOWED
