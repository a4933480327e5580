"""Writes of a contest's stage rows that every layer above needs: keeping the default stages once something is
set on them, and dating the document and presentation stages from the contest form (the stage rows are the only
store of those dates). Adding, changing and freezing stages is the review's (``reviews.services.stages``):
whether a stage still changes depends on its sheets."""
from datetime import date

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from applications.models import Contest, ContestStage
from applications.selectors import REVIEW_DATE_FIELDS, contest_stages


def ensure_stages(contest: Contest) -> list[ContestStage]:
    """The contest's stage rows, the defaults saved first when it has none (call inside the contest's lock)."""
    stages = contest_stages(contest)
    unsaved = [stage for stage in stages if stage.pk is None]
    if unsaved:
        ContestStage.objects.bulk_create(unsaved)
        stages = contest_stages(contest)
    return stages


def no_stage_to_date(code: str) -> str:
    """The refusal of a review date whose stage (``code``: document or presentation) the contest no longer has,
    for the contest form and ``set_review_dates`` alike."""
    return _("This contest has no stage with the code “%(code)s”: date its stages on the stages page.") % {
        "code": code}


def set_review_dates(contest: Contest, values: dict[str, date | None]) -> None:
    """Date the document and presentation stages with the contest form's review dates in ``values`` (names of
    ``REVIEW_DATE_FIELDS``; only those given: a stage's other dates, set on the stage page, stay). The default
    stages are saved first when the contest has none (call inside the contest's lock or its creation)."""
    changes: dict[str, dict[str, date | None]] = {}
    for name, value in values.items():
        code, field = REVIEW_DATE_FIELDS[name]
        changes.setdefault(code, {})[field] = value
    if not changes:
        return
    stages = {stage.code: stage for stage in ensure_stages(contest)}
    missing = {name: no_stage_to_date(REVIEW_DATE_FIELDS[name][0])
               for name, value in values.items() if value and REVIEW_DATE_FIELDS[name][0] not in stages}
    if missing:
        raise ValidationError(missing)
    for code, fields in changes.items():
        if code in stages:
            ContestStage.objects.filter(pk=stages[code].pk).update(**fields)
