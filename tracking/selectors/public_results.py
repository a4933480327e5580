"""The public results: every confirmed round's selected tasks, as open data anyone may read without an account.

Only what the council published and confirmed is here, and nothing personal: local governments, provinces,
titles, themes, national funding and years, the task's status. ``FIELDS`` is the documented, stable schema of
the downloads (CSV, XLSX, JSON; README "Public results"): fields are only ever added at the end, never renamed,
retyped or removed without a new ``SCHEMA_VERSION``.
"""
from dataclasses import dataclass
from datetime import date

from django.utils import timezone

from applications.budget import funding_years
from applications.models import SEOUL
from applications.selectors.layout import in_round_layout, in_round_province
from regions.models import Province
from selection.models import Outcome, RunStatus
from tracking.models import SelectedTask

SCHEMA_VERSION = 1


@dataclass(frozen=True)
class Field:
    name: str
    type: str  # JSON type: "integer" or "string" (dates as "YYYY-MM-DD")
    description: str


FIELDS = (
    Field("contest_year", "integer", "The contest's year (the round)."),
    Field("contest", "string", "The contest's Korean name."),
    Field("local_government_code", "string", "The lead local government's 5-digit administrative code."),
    Field("local_government_ko", "string", "The lead local government's Korean name."),
    Field("local_government_en", "string", "The lead local government's English name."),
    Field("province_code", "string", "Its province's 2-digit code on the contest's date."),
    Field("province_ko", "string", "Its province's Korean name on the contest's date."),
    Field("province_en", "string", "Its province's English name on the contest's date."),
    Field("partner_codes", "string", "Partner local governments' codes, separated by ';' (empty if none)."),
    Field("title", "string", "The task's title."),
    Field("theme", "string", "The local specialty resource the task builds on."),
    Field("industry", "string", "The industry the task grows on that resource."),
    Field("national_funding_krw", "integer", "National funding selected, whole Korean won, over the years below."),
    Field("first_year", "integer", "The first funded calendar year."),
    Field("last_year", "integer", "The last funded calendar year."),
    Field("status", "string", "preparing, running, suspended or completed."),
    Field("confirmed_on", "string", "The day the selection was confirmed (KST), YYYY-MM-DD."),
)


def province_on_contest_date(task: SelectedTask) -> Province:
    """The lead local government's province on the contest's date (its eligibility date), as ``published_tasks``
    stood it (``applications.selectors.layout``): a 2025 round's Jeonnam task stays in Jeollanam-do after the
    2026-07-01 merger."""
    return task.local_government.as_of.province


def published_tasks(*, province: str | None = None, year: int | None = None,
                    round: int | None = None) -> list[SelectedTask]:
    """Tasks of confirmed selections only, selected outcome only; ``province`` a 2-digit code matched against
    the province on each contest's date, ``year`` the contest's. Five queries whatever the number of rows."""
    tasks = (SelectedTask.objects.filter(decision__run__status=RunStatus.CONFIRMED,
                                         decision__outcome=Outcome.SELECTED)
             .select_related("contest", "local_government__province", "decision__run", "proposal")
             .prefetch_related("proposal__partners")
             .order_by("-contest__year", "local_government__code", "pk"))
    if year:  # the documented filter: the contest's year, the rows' ``contest_year``
        tasks = tasks.filter(contest__year=year)
    if round:  # the round as it is named (its first funded year, ``Contest.round_year``): the page's filter
        tasks = tasks.filter(contest__year=round - 1)
    if province:
        tasks = in_round_province(tasks, province)
    return in_round_layout(tasks)


def public_row(task: SelectedTask) -> dict:
    """One task as the open-data row ``FIELDS`` describe."""
    province = province_on_contest_date(task)
    years = funding_years(task.contest)
    confirmed: date = timezone.localtime(task.decision.run.confirmed_at, SEOUL).date()
    return {
        "contest_year": task.contest.year, "contest": task.contest.name_ko,
        "local_government_code": task.local_government.code, "local_government_ko": task.local_government.name_ko,
        "local_government_en": task.local_government.name_en, "province_code": province.code,
        "province_ko": province.name_ko, "province_en": province.name_en,
        "partner_codes": ";".join(sorted(partner.code for partner in task.proposal.partners.all())),
        "title": task.title, "theme": task.proposal.specialty_resource,
        "industry": task.proposal.industry,
        "national_funding_krw": task.decision.national_krw, "first_year": years[0], "last_year": years[-1],
        "status": task.status, "confirmed_on": confirmed.isoformat(),
    }


def published_years() -> list[int]:
    """The confirmed rounds by the year each is named for (``Contest.round_year``), newest first."""
    return [year + 1 for year in SelectedTask.objects.filter(decision__run__status=RunStatus.CONFIRMED)
            .values_list("contest__year", flat=True).distinct().order_by("-contest__year")]
