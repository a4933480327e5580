"""A contest's evaluation stages, in order: its rows, or (for a contest whose council never set them) the two
stages every contest had before stages were data: document review 30 %, presentation review 70 %, cut-offs 60.

The stage rows are the only store of a stage's dates. The contest form and the API still name the document and
presentation stages' dates as four fields (``REVIEW_DATE_FIELDS``); ``review_dates`` reads them off the rows."""
from datetime import date
from decimal import Decimal

from applications.models import Contest, ContestStage, StageKind

# (code, weight in whole percent, cut-off out of 100)
DEFAULT_STAGES = (("document", 30, Decimal(60)), ("presentation", 70, Decimal(60)))

# The contest form's and the API's review date fields: the stage (by code) and the stage field each one is.
REVIEW_DATE_FIELDS = {
    "document_review_starts_on": ("document", "starts_on"), "document_review_ends_on": ("document", "ends_on"),
    "presentation_review_starts_on": ("presentation", "starts_on"),
    "presentation_review_ends_on": ("presentation", "ends_on"),
}


def default_stages(contest: Contest) -> list[ContestStage]:
    """The defaults, unsaved and undated, named and slotted after their kinds (seeded by the migrations)."""
    kinds = StageKind.objects.in_bulk([code for code, _weight, _cutoff in DEFAULT_STAGES], field_name="code")
    return [ContestStage(contest=contest, position=position, code=code, kind=kinds[code],
                         name_ko=kinds[code].name_ko, name_en=kinds[code].name_en,
                         has_slots=kinds[code].scheduled_slots, weight_pct=weight, cutoff=cutoff)
            for position, (code, weight, cutoff) in enumerate(DEFAULT_STAGES, start=1)]


def contest_stages(contest: Contest) -> list[ContestStage]:
    """The contest's stages in order (kinds joined); the defaults when it has none stored."""
    rows = list(ContestStage.objects.filter(contest=contest).select_related("kind").order_by("position", "pk"))
    return rows or default_stages(contest)


def stage_of(contest: Contest, code: str) -> ContestStage | None:
    return next((stage for stage in contest_stages(contest) if stage.code == code), None)


def stored_stages(contest: Contest) -> list[ContestStage]:
    """The contest's stored stage rows in order, read from ``contest.stages`` (so a list that prefetched
    ``stages`` runs no query per contest); none for an unsaved contest."""
    if contest.pk is None:
        return []
    return sorted(contest.stages.all(), key=lambda stage: (stage.position, stage.pk))


def review_dates(contest: Contest) -> dict[str, date | None]:
    """The document and presentation stages' dates under the form's and API's four names
    (``REVIEW_DATE_FIELDS``), None where the stage or its date is not set. Prefetch ``stages`` on lists."""
    stages = {stage.code: stage for stage in stored_stages(contest)}
    return {name: getattr(stages[code], field) if code in stages else None
            for name, (code, field) in REVIEW_DATE_FIELDS.items()}
