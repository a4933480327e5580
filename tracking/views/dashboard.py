"""The council's dashboard, the tables behind its figures (each also as XLSX), and the task list."""
from django.db.models import Count
from django.shortcuts import get_object_or_404
from django.views.generic import TemplateView

from applications.models import Contest
from applications.selectors.layout import in_round_layout, in_round_province
from core.downloads import xlsx_response
from core.fields import ascii_whole_number
from core.permissions import DecisionRequiredMixin
from regions.as_of import provinces_of_days
from tracking import permissions, selectors
from tracking.korea_map import korea_map
from tracking.models import TaskStatus
from tracking.tables import table_for

MAP_SHADES = ("#f1f3f5", "#cfe2ff", "#9ec5fe", "#6ea8fe", "#3d8bfd", "#0a58ca")


def _shade(count: int, most: int) -> str:
    if not count:
        return MAP_SHADES[0]
    return MAP_SHADES[1 + (count - 1) * (len(MAP_SHADES) - 2) // max(most - 1, 1)]


class DashboardView(DecisionRequiredMixin, TemplateView):
    template_name = "tracking/dashboard.html"

    def decide(self, user):
        return permissions.can_view_dashboard(user)

    def get(self, request, *args, **kwargs):
        context = self.get_context_data(**kwargs)
        return self.render_to_response(context, status=404 if context["unknown_contest"] else 200)

    def get_context_data(self, **kwargs):
        """Every contest is offered (a round with no selected task yet shows its layout with zeros); without a
        choice, the newest round with tasks. A contest asked for that does not exist is said, never replaced."""
        contests = list(Contest.objects.annotate(task_count=Count("tasks")).order_by("-application_closes_at", "-pk"))
        asked = self.request.GET.get("contest")
        if asked:
            contest = next((c for c in contests if str(c.pk) == asked), None)
        else:
            contest = next((c for c in contests if c.task_count), contests[0] if contests else None)
        context = {"contests": contests, "contest": contest, "unknown_contest": asked if asked and not contest else ""}
        if contest:
            figures = selectors.dashboard_figures(contest)
            most = max((count for _province, count in figures.by_province), default=0)
            shapes = korea_map()
            context.update(figures=figures, map=shapes, provinces=[
                {"province": province, "count": count, "shape": shapes.shapes.get(province.code),
                 "fill": _shade(count, most)} for province, count in figures.by_province])
            context["chart_data"] = {
                "money": {"labels": [row["label"] for row in figures.money],
                          "agreed": [row["agreed_krw"] for row in figures.money],
                          "disbursed": [row["disbursed_krw"] for row in figures.money]},
                "provinces": {"labels": [province.name for province, count in figures.by_province if count],
                              "counts": [count for _province, count in figures.by_province if count]},
                "kpis": {"labels": [row["label"] for row in figures.kpis],
                         "achievement": [row["achievement_pct"] or 0 for row in figures.kpis]},
            }
        return super().get_context_data(statuses=TaskStatus.choices, **context, **kwargs)


class RowsView(DecisionRequiredMixin, TemplateView):
    """``/tracking/contests/<pk>/rows/<table>/``; with ``?export=xlsx`` the same rows as a spreadsheet."""

    template_name = "tracking/rows.html"

    def decide(self, user):
        return permissions.can_view_dashboard(user)

    def get(self, request, *args, **kwargs):
        contest = get_object_or_404(Contest, pk=kwargs["pk"])
        table = table_for(kwargs["table"], contest, request.GET)
        if request.GET.get("export") == "xlsx":
            rows = [cells for cells, _task in table.rows]
            if table.numeric:
                rows.append(table.totals)
            return xlsx_response(title=table.title, headers=table.headers, rows=rows,
                                 name=f"{kwargs['table']}-{contest.round_year}")
        query = request.GET.copy()
        query["export"] = "xlsx"
        return self.render_to_response(self.get_context_data(contest=contest, table=table,
                                                             export_query=query.urlencode()))


class TaskListView(DecisionRequiredMixin, TemplateView):
    """The tasks the user may see, each named in its round's layout (``applications.selectors.layout``); the
    province filter judges each task on its own round's date and offers every province of the rounds listed."""

    template_name = "tracking/task_list.html"

    def decide(self, user):
        return permissions.can_view_tracking(user)

    def get_context_data(self, **kwargs):
        tasks = selectors.task_list(self.request.user)
        params = self.request.GET
        contests = list(Contest.objects.filter(tasks__isnull=False).distinct()
                        .order_by("-application_closes_at", "-pk"))
        contest_id = ascii_whole_number(params.get("contest"))
        unknown_contest = bool(params.get("contest")) and contest_id not in {contest.pk for contest in contests}
        if params.get("contest"):
            tasks = tasks.filter(contest_id=contest_id)
        chosen = [contest for contest in contests if contest.pk == contest_id] or contests
        if params.get("province"):
            tasks = in_round_province(tasks, params["province"])
        if params.get("status") in TaskStatus.values:
            tasks = tasks.filter(status=params["status"])
        filtered = any(params.get(name) for name in ("contest", "province", "status"))
        return super().get_context_data(
            tasks=in_round_layout(tasks, codes=False), statuses=TaskStatus.choices, params=params, contests=contests,
            filtered=filtered, unknown_contest=unknown_contest,
            provinces=provinces_of_days(contest.eligibility_date for contest in chosen),
            can_dashboard=bool(permissions.can_view_dashboard(self.request.user)), **kwargs)
