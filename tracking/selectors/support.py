"""Reads of support-line rows for a task, a contest's dashboard and its tables, through the one registry."""
from collections import defaultdict

from django.db.models import BigIntegerField, Count, F, Q, Sum
from django.db.models.fields.json import KT
from django.db.models.functions import Cast

from applications.models import Contest
from ministries.registry import LineSpec, support_lines
from tracking.models import SupportLineRow


def lines_for_contest(contest: Contest) -> dict[str, LineSpec]:
    """The lines of the contest's participating ministries (every line when the contest names none)."""
    return support_lines(contest=contest)


def rows_by_line(rows) -> dict[int, list[SupportLineRow]]:
    grouped = defaultdict(list)
    for row in rows:
        grouped[row.line_id].append(row)
    return grouped


def line_sums(contest: Contest, lines: dict[str, LineSpec]) -> dict[int, dict]:
    """Per line (by pk): ``rows``, ``tasks`` and each summed measure's total over the contest's rows, all in one
    SQL aggregate over the same rows the lines' tables list."""
    aggregates = {}
    for line in lines.values():
        only = Q(line_id=line.pk)
        aggregates[f"rows_{line.pk}"] = Count("pk", filter=only)
        aggregates[f"tasks_{line.pk}"] = Count("task", distinct=True, filter=only)
        for index, measure in enumerate(line.summed):
            aggregates[f"sum_{line.pk}_{index}"] = Sum(Cast(KT(f"values__{measure.code}"), BigIntegerField()),
                                                       filter=only)
    totals = SupportLineRow.objects.filter(task__contest=contest).aggregate(**aggregates) if aggregates else {}
    return {line.pk: {"rows": totals[f"rows_{line.pk}"], "tasks": totals[f"tasks_{line.pk}"],
                      "totals": {measure.code: totals[f"sum_{line.pk}_{index}"] or 0
                                 for index, measure in enumerate(line.summed)}}
            for line in lines.values()}


def contest_rows(contest: Contest, line: LineSpec):
    """The contest's rows of ``line`` with their task, in the order the tables list them."""
    return (SupportLineRow.objects.filter(task__contest=contest, line_id=line.pk)
            .select_related("task__proposal", "task__local_government__province")
            .order_by("task__local_government__province__code", "task__local_government__code", F("pk")))
