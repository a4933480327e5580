"""The one registry of support lines, read from the database: what each line counts (its measures), which
ministry keeps it and which rules its rows obey. The proposal's requests, the task page, the permission,
the dashboard, every export, the API and the timeline all read a line from here, so a line the council adds
as data is shown, checked and summed like the six of the 2026 round, with no code change."""
import json
from dataclasses import dataclass, replace
from typing import Any

from django.db import connection
from django.db.models import Exists, Prefetch, Q, QuerySet
from django.http import Http404
from django.utils.translation import get_language

from core.formats import number

from .models import NUMERIC_TYPES, MeasureRule, MeasureType, Ministry, SupportLineKind


def _english() -> bool:
    return (get_language() or "ko").startswith("en")


@dataclass(frozen=True)
class MeasureSpec:
    """One measure of a line; ``options`` are a choice measure's ``(code, name_ko, name_en)``."""

    code: str
    name_ko: str
    name_en: str
    type: str
    options: tuple[tuple[str, str, str], ...]
    required: bool
    summed: bool
    requestable: bool
    key: bool

    @property
    def name(self) -> str:
        return self.name_en if _english() else self.name_ko

    @property
    def is_number(self) -> bool:
        return self.type in NUMERIC_TYPES

    def option_label(self, code: str) -> str:
        for option, name_ko, name_en in self.options:
            if option == code:
                return name_en if _english() else name_ko
        return str(code)

    def display(self, value: Any) -> Any:
        """A stored value as a person reads it: an option by its name, counts and KRW as integers (pages and
        exports format them), anything missing as an empty string."""
        if value is None or value == "":
            return ""
        if self.type == MeasureType.CHOICE:
            return self.option_label(value)
        if self.is_number:
            return int(value)
        return str(value)


@dataclass(frozen=True)
class LineSpec:
    """A support line as the portal reads it. ``rules`` are ``(left, op, right)`` measure codes."""

    pk: int
    code: str
    ministry_id: int
    ministry_code: str
    ministry_name_ko: str
    ministry_name_en: str
    name_ko: str
    name_en: str
    description_ko: str
    description_en: str
    measures: tuple[MeasureSpec, ...]
    rules: tuple[tuple[str, str, str], ...] | None  # None: read for showing rows only, never for checking them

    @property
    def label(self) -> str:
        return self.name_en if _english() else self.name_ko

    @property
    def description(self) -> str:
        return self.description_en if _english() else self.description_ko

    @property
    def ministry_label(self) -> str:
        return self.ministry_name_en if _english() else self.ministry_name_ko

    @property
    def summed(self) -> tuple[MeasureSpec, ...]:
        return tuple(measure for measure in self.measures if measure.summed)

    @property
    def requestable(self) -> tuple[MeasureSpec, ...]:
        return tuple(measure for measure in self.measures if measure.requestable)

    def measure(self, code: str) -> MeasureSpec | None:
        return next((measure for measure in self.measures if measure.code == code), None)

    def key_of(self, values: dict[str, Any], *, request: bool = False) -> str:
        """What identifies a row among the task's rows of this line (a request among the proposal's): the
        key measures' values, as text the database can hold unique."""
        keys = [measure.code for measure in self.measures if measure.key and (measure.requestable or not request)]
        return json.dumps([values.get(code) for code in keys], ensure_ascii=False)

    def summary(self, values: dict[str, Any]) -> str:
        """The row in one line, measure by measure, for the timeline, a request and a frozen version."""
        parts = []
        for measure in self.measures:
            value = measure.display(values.get(measure.code))
            if value != "":
                shown = number(value) if measure.is_number else value
                parts.append(f"{measure.name} {shown}")
        return ", ".join(parts)


def _spec(kind: SupportLineKind, *, with_rules: bool = True) -> LineSpec:
    measures = tuple(MeasureSpec(
        code=measure.code, name_ko=measure.name_ko, name_en=measure.name_en, type=measure.type,
        options=tuple((option["code"], option["name_ko"], option["name_en"]) for option in measure.choices or []),
        required=measure.required, summed=measure.summed, requestable=measure.requestable, key=measure.key)
        for measure in kind.measures.all())
    rules = tuple((rule.left.code, rule.op, rule.right.code) for rule in kind.rules.all()) if with_rules else None
    return LineSpec(pk=kind.pk, code=kind.code, ministry_id=kind.ministry_id, ministry_code=kind.ministry.code,
                    ministry_name_ko=kind.ministry.name_ko, ministry_name_en=kind.ministry.name_en,
                    name_ko=kind.name_ko, name_en=kind.name_en, description_ko=kind.description_ko,
                    description_en=kind.description_en, measures=measures, rules=rules)


def line_kinds(*, with_rules: bool = True):
    """The line kinds with everything a :class:`LineSpec` needs, in three queries (two without the rules)."""
    kinds = SupportLineKind.objects.select_related("ministry").prefetch_related("measures") \
        .order_by("-ministry__is_lead", "ministry__code", "code")
    if with_rules:
        kinds = kinds.prefetch_related(Prefetch("rules", queryset=MeasureRule.objects.select_related("left", "right")))
    return kinds


def support_lines(*, contest=None) -> dict[str, LineSpec]:
    """Every line by code, the lead ministry's first; with ``contest``, the lines of the ministries taking part
    in it (every line when it names none), in the same three queries."""
    kinds = line_kinds()
    if contest is not None:
        chosen = Ministry.contests.through.objects.filter(contest_id=contest.pk)
        kinds = kinds.filter(Q(ministry__in=chosen.values("ministry_id")) | ~Exists(chosen))
    return {kind.code: _spec(kind) for kind in kinds}


def kinds_to_show() -> QuerySet[SupportLineKind]:
    """Line kinds with their ministry and measures (not their rules), for a ``Prefetch`` of the lines a page
    shows rows of: one query for the lines, one for their measures, whatever the number of rows."""
    return SupportLineKind.objects.select_related("ministry").prefetch_related("measures")


def spec_to_show(kind: SupportLineKind) -> LineSpec:
    """A kind read through :func:`kinds_to_show` as a :class:`LineSpec` without its rules (``None``), with no
    query."""
    return _spec(kind, with_rules=False)


def lines_to_show() -> dict[str, LineSpec]:
    """Every line by code with its measures but not its rules, in two queries: for pages that only show rows
    (a proposal's requests, a version's text). Their ``rules`` are ``None``, so checking values against one of
    them fails loudly instead of passing a broken rule."""
    return {kind.code: _spec(kind, with_rules=False) for kind in line_kinds(with_rules=False)}


def line_for(code: str) -> LineSpec:
    """One line by its code; 404 when there is none (an address naming an unknown line)."""
    kind = line_kinds().filter(code=code).first()
    if kind is None:
        raise Http404
    return _spec(kind)


def with_current_rules(line: LineSpec) -> LineSpec:
    """``line`` with the rules a row written now must obey, read again inside the writer's transaction after a
    share lock on the line: a rule the council adds meanwhile (``rule_services.add_rule`` locks the line for
    update, then checks the rows saved) either waits for this row and finds it, or commits before this read and
    is checked here, even when the page was read before it. On PostgreSQL ``FOR KEY SHARE``, which rows'
    writers of one line take without waiting for each other; SQLite lets one writer in at a time."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            table = connection.ops.quote_name(SupportLineKind._meta.db_table)
            cursor.execute(f"SELECT 1 FROM {table} WHERE id = %s FOR KEY SHARE", [line.pk])  # noqa: S608
    rules = tuple(MeasureRule.objects.filter(line_id=line.pk).values_list("left__code", "op", "right__code"))
    return line if rules == line.rules else replace(line, rules=rules)
