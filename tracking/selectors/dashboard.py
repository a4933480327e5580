"""The council's dashboard for one contest year: every figure is an aggregate in SQL over the same rows the
linked tables list, so a figure and the sum of its rows cannot disagree."""
from dataclasses import dataclass, field
from datetime import date

from django.db.models import Count, Q, QuerySet, Sum
from django.utils import timezone

from applications.models import BudgetSource, Contest, KpiIndicator, KpiTarget
from regions.models import Province
from regions.selectors import provinces_existing_on
from tracking.models import AgreementLine, Disbursement, KpiActual, ReportStatus, SelectedTask, TaskStatus

from .support import line_sums, lines_for_contest
from .tasks import late_reports


@dataclass
class DashboardFigures:
    contest: Contest
    task_count: int
    by_status: dict[str, int]
    by_province: list[tuple[Province, int]]
    money: list[dict]  # per source: agreed_krw, disbursed_krw
    support: list[dict]  # per line: the line and its totals
    kpis: list[dict]  # per indicator: target, actual, achievement_pct
    late_report_count: int
    agreed_total_krw: int = field(init=False)
    disbursed_total_krw: int = field(init=False)

    def __post_init__(self):
        self.agreed_total_krw = sum(row["agreed_krw"] for row in self.money)
        self.disbursed_total_krw = sum(row["disbursed_krw"] for row in self.money)


def contest_tasks(contest: Contest) -> QuerySet[SelectedTask]:
    return SelectedTask.objects.filter(contest=contest)


def dashboard_figures(contest: Contest, today: date | None = None) -> DashboardFigures:
    tasks = contest_tasks(contest)
    status_counts = dict(tasks.values_list("status").annotate(n=Count("pk")).values_list("status", "n"))
    # Provinces as the layout stood on the contest's date: the 2025 round's Jeonnam tasks count under
    # Jeollanam-do, a 2027 round's under 전남광주통합특별시.
    day = contest.eligibility_date
    in_force = (Q(local_government__periods__valid_from__isnull=True)
                | Q(local_government__periods__valid_from__lte=day)) & (
        Q(local_government__periods__valid_to__isnull=True) | Q(local_government__periods__valid_to__gte=day))
    province_counts = dict(tasks.filter(in_force).values_list("local_government__periods__province")
                           .annotate(n=Count("pk")).values_list("local_government__periods__province", "n"))
    provinces = [(province, province_counts.get(province.pk, 0)) for province in provinces_existing_on(day)]

    agreed = dict(AgreementLine.objects.filter(task__contest=contest).values_list("source")
                  .annotate(total=Sum("amount_krw")).values_list("source", "total"))
    paid = dict(Disbursement.objects.filter(line__task__contest=contest).values_list("line__source")
                .annotate(total=Sum("amount_krw")).values_list("line__source", "total"))
    money = [{"source": source, "label": str(label), "agreed_krw": agreed.get(source, 0),
              "disbursed_krw": paid.get(source, 0)} for source, label in BudgetSource.choices]

    lines = lines_for_contest(contest)
    sums = line_sums(contest, lines)
    support = [{"line": line, "rows": sums[line.pk]["rows"], "tasks": sums[line.pk]["tasks"],
                "totals": [(measure.name, sums[line.pk]["totals"][measure.code]) for measure in line.summed],
                "sums": sums[line.pk]["totals"]} for line in lines.values()]

    targets = dict(KpiTarget.objects.filter(proposal__task__contest=contest).values_list("indicator")
                   .annotate(total=Sum("target")).values_list("indicator", "total"))
    actuals = dict(KpiActual.objects.filter(report__task__contest=contest, report__status=ReportStatus.ACCEPTED)
                   .values_list("indicator").annotate(total=Sum("actual")).values_list("indicator", "total"))
    kpis = [{"indicator": indicator, "label": str(label), "target": targets.get(indicator, 0),
             "actual": actuals.get(indicator, 0),
             "achievement_pct": round(actuals.get(indicator, 0) * 100 / targets[indicator])
             if targets.get(indicator) else None}
            for indicator, label in KpiIndicator.choices]
    late = late_reports(today=today or timezone.localdate()).filter(task__contest=contest).count()
    return DashboardFigures(contest=contest, task_count=sum(status_counts.values()),
                            by_status={status: status_counts.get(status, 0) for status in TaskStatus.values},
                            by_province=provinces, money=money, support=support, kpis=kpis,
                            late_report_count=late)
