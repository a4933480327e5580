"""Participating companies: the local government's recruitment announcement, the companies' applications
(business registration number checked) and the choice among them."""
from datetime import date

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from audit.services import record
from core.formats import number
from core.permissions import refuse_unless
from tracking.models import ApplicationStatus, CompanyApplication, Recruitment, SelectedTask
from tracking.permissions import is_participating, is_undecided_application

from .refusals import TrackingRefused


@transaction.atomic
def publish_recruitment(*, actor, task: SelectedTask, values: dict) -> Recruitment:
    recruitment = Recruitment.objects.create(task=task, created_by=actor, **values)
    record(actor=actor, action="tracking.recruitment_published", target=task,
           changes={"title": recruitment.title, "opens_on": recruitment.opens_on,
                    "closes_on": recruitment.closes_on})
    return recruitment


def is_open(recruitment: Recruitment, today: date | None = None) -> bool:
    today = today or timezone.localdate()
    return recruitment.opens_on <= today <= recruitment.closes_on


@transaction.atomic
def check_first_application(recruitment: Recruitment, registration_number: str) -> None:
    """A company applies once to a recruitment, known by its business registration number: the form asks
    before saving, and the service again when the unique constraint catches two at once."""
    if recruitment.applications.filter(business_registration_number=registration_number).exists():
        raise TrackingRefused(_("A company with this business registration number has applied already."))


def apply_to_recruitment(*, recruitment: Recruitment, values: dict, today: date | None = None) -> CompanyApplication:
    """A company applies; values are already checked by the form (the number normalized and valid)."""
    recruitment = Recruitment.objects.select_for_update().get(pk=recruitment.pk)
    if not is_open(recruitment, today):
        raise TrackingRefused(_("Applications are accepted from %(opens)s to %(closes)s.") % {
            "opens": recruitment.opens_on, "closes": recruitment.closes_on})
    try:
        with transaction.atomic():
            application = CompanyApplication.objects.create(recruitment=recruitment, **values)
    except IntegrityError:
        check_first_application(recruitment, values["business_registration_number"])
        raise
    return application


@transaction.atomic
def decide_application(*, actor, application: CompanyApplication, select: bool, reason: str = ""
                       ) -> CompanyApplication:
    application = (CompanyApplication.objects.select_for_update().select_related("recruitment__task")
                   .get(pk=application.pk))
    refuse_unless(is_undecided_application(application), TrackingRefused)
    if application.recruitment.closes_on >= timezone.localdate():
        raise TrackingRefused(_("Choose the companies after applications close."))
    application.status = ApplicationStatus.SELECTED if select else ApplicationStatus.NOT_SELECTED
    application.decided_by, application.decided_at = actor, timezone.now()
    application.save(update_fields=["status", "decided_by", "decided_at"])
    record(actor=actor, action="tracking.company_decided", target=application.recruitment.task, reason=reason,
           changes={"company": application.company_name, "status": application.status})
    return application


@transaction.atomic
def update_company(*, actor, application: CompanyApplication, growth_stage: str, support_received_krw: int,
                   reason: str) -> CompanyApplication:
    """A participating company's growth stage and the support it has received so far (KRW).

    Raises :class:`TrackingRefused` when the company is not participating, or when the contest caps what one
    company may receive in a year and the company's support that year, across the contest's tasks, would
    go above it (the reason names the cap and the total).
    """
    application = (CompanyApplication.objects.select_for_update()
                   .select_related("recruitment__task__contest").get(pk=application.pk))
    refuse_unless(is_participating(application), TrackingRefused)
    _check_company_cap(application, support_received_krw)
    before = {"growth_stage": application.growth_stage, "support_received_krw": application.support_received_krw}
    application.growth_stage, application.support_received_krw = growth_stage, support_received_krw
    application.save(update_fields=["growth_stage", "support_received_krw"])
    record(actor=actor, action="tracking.company_updated", target=application.recruitment.task, reason=reason,
           changes={"company": application.company_name,
                    **{name: [before[name], value] for name, value in
                       (("growth_stage", growth_stage), ("support_received_krw", support_received_krw))
                       if before[name] != value}})
    return application


def _check_company_cap(application: CompanyApplication, support_received_krw: int) -> None:
    """The company (by business registration number) in all of the contest's recruitments of the same year,
    locked while they are added up, so two tasks recording its support at once cannot pass the cap together."""
    contest = application.recruitment.task.contest
    cap, year = contest.company_support_cap_krw, application.recruitment.opens_on.year
    if cap is None or support_received_krw <= (application.support_received_krw or 0):
        return
    same_company = list(CompanyApplication.objects.select_for_update().filter(
        business_registration_number=application.business_registration_number,
        recruitment__task__contest=contest, recruitment__opens_on__year=year,
        status=ApplicationStatus.SELECTED).exclude(pk=application.pk).order_by("pk")
        .values_list("support_received_krw", flat=True))
    total = sum(same_company) + support_received_krw
    if total > cap:
        raise TrackingRefused(_(
            "%(company)s would receive %(total)s KRW in %(year)s across this contest's tasks; a participating "
            "company may receive at most %(cap)s KRW a year.") % {
            "company": application.company_name, "total": number(total), "year": year, "cap": number(cap)})
