"""Writes of a contest's stage rows that every layer above needs: keeping the default stages once something is
set on them. Adding, changing and freezing stages is the review's (``reviews.services.stages``): whether a stage
still changes depends on its sheets."""
from applications.models import Contest, ContestStage
from applications.selectors import contest_stages


def ensure_stages(contest: Contest) -> list[ContestStage]:
    """The contest's stage rows, the defaults saved first when it has none (call inside the contest's lock)."""
    stages = contest_stages(contest)
    unsaved = [stage for stage in stages if stage.pk is None]
    if unsaved:
        ContestStage.objects.bulk_create(unsaved)
        stages = contest_stages(contest)
    return stages


# The contest form's review dates (columns of the contest) and the stage whose dates they set.
REVIEW_DATE_COLUMNS = {"document": ("document_review_starts_on", "document_review_ends_on"),
                       "presentation": ("presentation_review_starts_on", "presentation_review_ends_on")}


def follow_review_dates(contest: Contest, changed: set[str]) -> None:
    """Give the document and presentation stages the review dates just set on the contest's form (only the
    ones that changed: a stage's dates set on the stage page stay otherwise)."""
    for code, (starts, ends) in REVIEW_DATE_COLUMNS.items():
        values = {field: getattr(contest, column) for field, column in (("starts_on", starts), ("ends_on", ends))
                  if column in changed}
        if values:
            ContestStage.objects.filter(contest=contest, code=code).update(**values)
