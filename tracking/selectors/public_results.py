"""The public results: every confirmed round's selected tasks, as open data anyone may read without an account.

Only what the council published and confirmed is here, and nothing personal: local governments, provinces,
titles, themes, national funding and years, the task's status. ``FIELDS`` is the documented, stable schema of
the downloads (CSV, XLSX, JSON; README "Public results"): fields are only ever added at the end, never renamed,
retyped or removed without a new ``SCHEMA_VERSION``.
"""
from dataclasses import dataclass
from datetime import date

from django.utils import timezone, translation

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
    # What a person reads: the spreadsheet download's "fields" sheet names each column in Korean and English.
    label_ko: str = ""
    label_en: str = ""
    description_ko: str = ""

    @property
    def label(self) -> str:
        return self.label_en if (translation.get_language() or "").startswith("en") else self.label_ko

    @property
    def meaning(self) -> str:
        return self.description if (translation.get_language() or "").startswith("en") else self.description_ko


FIELDS = (
    Field("contest_year", "integer", "The year the contest was held (the 2026 round was held in 2025; see "
          "round_year).", "공모 연도", "Contest year",
          "공모가 열린 해(2026년 공모는 2025년에 열림, round_year 참조)."),
    Field("contest", "string", "The contest's Korean name.", "공모명", "Contest", "공모의 한국어 이름."),
    Field("local_government_code", "string", "The lead local government's 5-digit administrative code today "
          "(the same unit keeps it however often it was renumbered; its code on the contest's date is "
          "round_local_government_code).", "지자체 코드", "Local government code",
          "주관 지자체의 현재 5자리 행정 코드(공모 기준일의 코드는 round_local_government_code)."),
    Field("local_government_ko", "string", "The lead local government's Korean name on the contest's date.",
          "지자체명(한국어)", "Local government (Korean)", "공모 기준일의 주관 지자체 한국어 이름."),
    Field("local_government_en", "string", "The lead local government's English name on the contest's date.",
          "지자체명(영어)", "Local government (English)", "공모 기준일의 주관 지자체 영어 이름."),
    Field("province_code", "string", "Its province's 2-digit code on the contest's date.", "시·도 코드",
          "Province code", "공모 기준일의 시·도 2자리 코드."),
    Field("province_ko", "string", "Its province's Korean name on the contest's date.", "시·도명(한국어)",
          "Province (Korean)", "공모 기준일의 시·도 한국어 이름."),
    Field("province_en", "string", "Its province's English name on the contest's date.", "시·도명(영어)",
          "Province (English)", "공모 기준일의 시·도 영어 이름."),
    Field("partner_codes", "string", "Partner local governments' codes, separated by ';' (empty if none).",
          "참여 지자체 코드", "Partner local governments' codes", "참여 지자체의 코드, ';'로 구분(없으면 빈칸)."),
    Field("title", "string", "The task's title.", "과제명", "Title", "과제의 이름."),
    Field("theme", "string", "The local specialty resource the task builds on.", "연고 자원",
          "Local specialty resource", "과제가 바탕으로 하는 지역 연고 자원."),
    Field("industry", "string", "The industry the task grows on that resource.", "육성 산업", "Industry",
          "그 자원을 바탕으로 육성하는 산업."),
    Field("national_funding_krw", "integer", "National funding selected, whole Korean won, over the years below.",
          "국비(원)", "National funding (KRW)", "선정된 국비, 원 단위, 아래 지원 기간의 합계."),
    Field("first_year", "integer", "The first funded calendar year.", "지원 시작 연도", "First funded year",
          "지원이 시작되는 연도."),
    Field("last_year", "integer", "The last funded calendar year.", "지원 종료 연도", "Last funded year",
          "지원이 끝나는 연도."),
    Field("status", "string", "preparing, running, suspended or completed.", "과제 상태", "Status",
          "preparing(준비 중), running(수행 중), suspended(중단), completed(완료)."),
    Field("confirmed_on", "string", "The day the selection was confirmed (KST), YYYY-MM-DD.", "선정 확정일",
          "Confirmed on", "선정이 확정된 날(한국 시간), YYYY-MM-DD."),
    Field("round_year", "integer", "The year the round is named for (its first funded year), as the contest's name "
          "and the results page say it.", "공모 회차 연도", "Round",
          "공모 이름과 결과 화면이 말하는 회차 연도(지원 첫해)."),
    Field("round_local_government_code", "string", "The lead local government's 5-digit code on the contest's "
          "date, the code that goes with province_code (a 2026 round's Haenam-gun: 46790, today 12790).",
          "공모 기준일 지자체 코드", "Local government code on the contest's date",
          "공모 기준일의 주관 지자체 5자리 코드, province_code와 짝을 이룸(2026년 공모의 해남군: 46790, 현재 12790)."),
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
        "local_government_code": task.local_government.code,
        "local_government_ko": task.local_government.as_of.name_ko,
        "local_government_en": task.local_government.as_of.name_en, "province_code": province.code,
        "province_ko": province.name_ko, "province_en": province.name_en,
        "partner_codes": ";".join(sorted(partner.code for partner in task.proposal.partners.all())),
        "title": task.title, "theme": task.proposal.specialty_resource,
        "industry": task.proposal.industry,
        "national_funding_krw": task.decision.national_krw, "first_year": years[0], "last_year": years[-1],
        "status": task.status, "confirmed_on": confirmed.isoformat(), "round_year": task.contest.round_year,
        "round_local_government_code": task.local_government.as_of.code,
    }


def published_years() -> list[int]:
    """The confirmed rounds by the year each is named for (``Contest.round_year``), newest first."""
    return [year + 1 for year in SelectedTask.objects.filter(decision__run__status=RunStatus.CONFIRMED)
            .values_list("contest__year", flat=True).distinct().order_by("-contest__year")]
