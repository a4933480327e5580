"""Contests (공모) and, later, the proposals submitted to them."""
from datetime import date
from zoneinfo import ZoneInfo

from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from regions.models import BilingualNameMixin, DesignationKind

SEOUL = ZoneInfo("Asia/Seoul")


class Contest(BilingualNameMixin):
    """One yearly round of the collaboration project."""

    year = models.PositiveSmallIntegerField(_("year"))
    application_opens_at = models.DateTimeField(_("application window opens"))
    application_closes_at = models.DateTimeField(_("application deadline"))
    participating_ministries = models.ManyToManyField(
        "ministries.Ministry", verbose_name=_("participating ministries"), related_name="contests", blank=True
    )

    class Meta:
        ordering = ["-year", "-application_closes_at"]
        verbose_name = _("contest")
        verbose_name_plural = _("contests")
        constraints = [
            models.CheckConstraint(name="contest_window_ordered",
                                   condition=Q(application_closes_at__gt=F("application_opens_at"))),
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def eligibility_date(self) -> date:
        """The day eligibility is judged on: the application deadline, in Asia/Seoul."""
        return self.application_closes_at.astimezone(SEOUL).date()


class ContestDesignationKind(models.Model):
    """A designation kind that makes a local government eligible for a contest."""

    contest = models.ForeignKey(Contest, verbose_name=_("contest"), on_delete=models.CASCADE,
                                related_name="accepted_designation_kinds")
    kind = models.CharField(_("designation kind"), max_length=32, choices=DesignationKind.choices)

    class Meta:
        verbose_name = _("accepted designation kind")
        verbose_name_plural = _("accepted designation kinds")
        constraints = [
            models.UniqueConstraint(fields=["contest", "kind"], name="contest_designation_kind_unique"),
        ]

    def __str__(self) -> str:
        return self.get_kind_display()
