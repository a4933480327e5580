from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReviewsConfig(AppConfig):
    name = "reviews"
    verbose_name = _("Review")

    def ready(self) -> None:
        from applications.extensions import register_reviewer_access
        from reviews.selectors.assignments import proposals_assigned_to
        from reviews.services import rubric_rules

        rubric_rules.connect()
        register_reviewer_access(proposals_assigned_to, source="assignments")
