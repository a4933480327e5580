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
