from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SelectionConfig(AppConfig):
    name = "selection"
    verbose_name = _("Final selection")

    def ready(self) -> None:
        from applications.extensions import register_decided_contests, register_outcomes, register_reviewer_access
        from selection.api import schema  # noqa: F401  (registers the OpenAPI shape of a proposal's result)
        from selection.proposal_outcomes import OUTCOMES, decided_contest_ids
        from selection.selectors import proposals_re_reviewed_by

        register_outcomes(OUTCOMES)
        register_decided_contests(decided_contest_ids)
        register_reviewer_access(proposals_re_reviewed_by, source="re_reviews")
