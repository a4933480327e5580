from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReviewsConfig(AppConfig):
    name = "reviews"
    verbose_name = _("Review")

    def ready(self) -> None:
        from reviews.services import rubric_rules

        rubric_rules.connect()
