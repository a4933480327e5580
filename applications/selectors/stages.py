"""A contest's evaluation stages, in order: its rows, or (for a contest whose council never set them) the two
stages every contest had before stages were data: document review 30 %, presentation review 70 %, cut-offs 60."""
from decimal import Decimal

from applications.models import Contest, ContestStage, StageKind

# (code, weight in whole percent, cut-off out of 100)
DEFAULT_STAGES = (("document", 30, Decimal(60)), ("presentation", 70, Decimal(60)))


def default_stages(contest: Contest) -> list[ContestStage]:
    """The defaults, unsaved, named and slotted after their kinds (seeded by the migrations), dated by the
    contest's document and presentation review dates."""
    kinds = StageKind.objects.in_bulk([code for code, _weight, _cutoff in DEFAULT_STAGES], field_name="code")
    return [ContestStage(contest=contest, position=position, code=code, kind=kinds[code],
                         name_ko=kinds[code].name_ko, name_en=kinds[code].name_en,
                         starts_on=getattr(contest, f"{code}_review_starts_on"),
                         ends_on=getattr(contest, f"{code}_review_ends_on"),
                         has_slots=kinds[code].scheduled_slots, weight_pct=weight, cutoff=cutoff)
            for position, (code, weight, cutoff) in enumerate(DEFAULT_STAGES, start=1)]


def contest_stages(contest: Contest) -> list[ContestStage]:
    """The contest's stages in order (kinds joined); the defaults when it has none stored."""
    rows = list(ContestStage.objects.filter(contest=contest).select_related("kind").order_by("position", "pk"))
    return rows or default_stages(contest)


def stage_of(contest: Contest, code: str) -> ContestStage | None:
    return next((stage for stage in contest_stages(contest) if stage.code == code), None)
