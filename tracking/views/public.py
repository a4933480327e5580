"""``/results/``: the confirmed rounds' selected tasks for anyone, without an account, with a map, filters by
province and year, and downloads (CSV, XLSX, JSON) of the same rows in the documented schema.

Made to be cached: the answer depends only on the query and the language, carries an ETag, and tells shared
caches they may keep it for a while when nobody is signed in; reading it writes no session and sets no cookie.
"""
import json

from django import forms
from django.conf import settings
from django.http import Http404, HttpResponse
from django.utils import timezone, translation
from django.utils.cache import patch_cache_control, patch_vary_headers
from django.utils.decorators import method_decorator
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy
from django.utils.translation import pgettext_lazy
from django.views.decorators.http import conditional_page
from django.views.generic import TemplateView

from core.downloads import csv_response, xlsx_response
from regions.as_of import layouts_of_days
from regions.models import Province
from tracking.korea_map import korea_map
from tracking.models import TaskStatus
from tracking.selectors.public_results import (
    FIELDS,
    SCHEMA_VERSION,
    province_on_contest_date,
    public_row,
    published_tasks,
    published_years,
)

from .dashboard import _shade

PUBLIC_SECONDS = 300
LANGUAGES = ("ko", "en")


class ResultsFilterForm(forms.Form):
    province = forms.ChoiceField(label=_lazy("Province"), required=False,
                                 widget=forms.Select(attrs={"class": "form-select form-select-sm"}))
    # ``round``: the round as it is named (2026 for the round held in 2025), the page's filter; ``year``: the
    # contest's year, the downloads' documented filter (the rows' ``contest_year``), kept for their users.
    round = forms.IntegerField(label=pgettext_lazy("round", "Round"), required=False, min_value=2000,
                               max_value=2100)
    year = forms.IntegerField(required=False, min_value=2000, max_value=2100)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["province"].choices = [("", _lazy("All provinces")), *(
            (province.code, province.name) for province in Province.objects.order_by("code"))]

    def filters(self) -> dict:
        """The valid filters; one that is not valid is left out (and shown with its error)."""
        if not self.is_bound:
            return {}
        self.is_valid()
        return {name: self.cleaned_data.get(name) or None for name in ("province", "year", "round")
                if name not in self.errors}


def _cacheable(request, response):
    patch_vary_headers(response, ["Accept-Language"])
    if request.user.is_authenticated:
        patch_cache_control(response, private=True, max_age=0)
    else:
        patch_cache_control(response, public=True, max_age=PUBLIC_SECONDS)
    return response


@method_decorator(conditional_page, name="dispatch")
class PublicResultsView(TemplateView):
    template_name = "tracking/public_results.html"

    def dispatch(self, request, *args, **kwargs):
        if request.GET.get("lang") in LANGUAGES:
            translation.activate(request.GET["lang"])
            request.LANGUAGE_CODE = request.GET["lang"]
        return _cacheable(request, super().dispatch(request, *args, **kwargs))

    def get_context_data(self, **kwargs):
        form = ResultsFilterForm(self.request.GET or None)
        tasks = published_tasks(**form.filters())
        return super().get_context_data(form=form, rows=[(task, public_row(task)) for task in tasks],
                                        maps=_maps(tasks), **self._page(form, tasks), **kwargs)

    def _page(self, form, tasks) -> dict:
        query = self.request.GET.copy()
        query.pop("lang", None)
        year = form.filters().get("round")
        years = published_years()
        return {"years": years, "unknown_year": year if year and year not in years else None, "map": korea_map(),
                "statuses": dict(TaskStatus.choices),
                "query": query.urlencode(), "total_krw": sum(task.decision.national_krw for task in tasks),
                "public_page": True, "map_link_prefix": f"?round={year}&province=" if year else "?province="}


def _maps(tasks) -> list[dict]:
    """One map per layout among the listed tasks' rounds, newest first: each task counts in its province as its
    round's eligibility date had it, and rounds with the same layout share a map (2025 and 2026 rounds: Gwangju
    and Jeollanam-do; a 2027 round: 전남광주통합특별시), so no map draws a province beside its successor."""
    shapes = korea_map()
    maps = []
    dates = [task.contest.eligibility_date for task in tasks] or [timezone.localdate()]
    for days, provinces in reversed(layouts_of_days(dates)):
        counts: dict[str, int] = {}
        years = sorted({task.contest.round_year for task in tasks if task.contest.eligibility_date in days})
        for task in tasks:
            if task.contest.eligibility_date in days:
                code = province_on_contest_date(task).code
                counts[code] = counts.get(code, 0) + 1
        most = max(counts.values(), default=0)
        maps.append({"years": years, "suffix": "" if not maps else f"-{len(maps)}", "provinces": [
            {"province": province, "count": counts.get(province.code, 0), "shape": shapes.shapes.get(province.code),
             "fill": _shade(counts.get(province.code, 0), most)} for province in provinces]})
    return maps


def _rows(request) -> list[dict]:
    return [public_row(task) for task in published_tasks(**ResultsFilterForm(request.GET or None).filters())]


@conditional_page
def public_results_download(request, file_format: str):
    """The same rows as the page, in ``FIELDS``' order and names, whatever the language; CSV and XLSX through the
    portal's one safe spreadsheet writer."""
    rows = _rows(request)
    names = [field.name for field in FIELDS]
    if file_format == "json":
        body = {"schema_version": SCHEMA_VERSION,
                "fields": [{"name": field.name, "type": field.type, "description": field.description}
                           for field in FIELDS],
                "count": len(rows), "tasks": rows}
        response = HttpResponse(json.dumps(body, ensure_ascii=False, indent=1),
                                content_type="application/json; charset=utf-8")
        response["Content-Disposition"] = 'attachment; filename="selected-tasks.json"'
    elif file_format == "csv":
        response = csv_response(headers=names, rows=[[row[name] for name in names] for row in rows],
                                name="selected-tasks")
    elif file_format == "xlsx":
        # Row 1 keeps the schema's field names; a second sheet names each for a person, in the query's language
        # (``?lang=en``, else Korean), so the file still depends on the query alone.
        language = request.GET.get("lang") if request.GET.get("lang") in LANGUAGES else settings.LANGUAGE_CODE
        with translation.override(language):
            response = xlsx_response(title=_("Selected tasks"), headers=names,
                                     rows=[[row[name] for name in names] for row in rows], name="selected-tasks",
                                     more=[(_("Fields"), [_("Field"), _("Name"), _("Type"), _("Description")],
                                            [[field.name, field.label, field.type, field.meaning]
                                             for field in FIELDS])])
    else:
        raise Http404
    response.headers.pop("Cache-Control", None)  # the writer's default is private; these rows are public
    patch_cache_control(response, public=True, max_age=PUBLIC_SECONDS)
    return response
